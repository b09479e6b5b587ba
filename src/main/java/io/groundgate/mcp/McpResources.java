package io.groundgate.mcp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.groundgate.kg.GraphInfo;
import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolRegistry;
import io.quarkiverse.mcp.server.PromptMessage;
import io.quarkiverse.mcp.server.PromptManager;
import io.quarkiverse.mcp.server.PromptResponse;
import io.quarkiverse.mcp.server.ResourceManager;
import io.quarkiverse.mcp.server.ResourceResponse;
import io.quarkiverse.mcp.server.TextResourceContents;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * MCP resources and prompts: the knowledge graph's schema profile ({@code groundgate://graph/schema}, what
 * {@code kg_schema} returns), the status of all loaded graphs ({@code groundgate://graph/status}) and of each graph file
 * ({@code groundgate://graph/status/<file>}, kept in step with the loaded files), and the {@code ground_answer} prompt
 * that explains how to answer with these tools.
 */
@ApplicationScoped
public class McpResources {

    static final String SCHEMA_URI = "groundgate://graph/schema";
    static final String STATUS_URI = "groundgate://graph/status";
    static final String FILE_STATUS_PREFIX = STATUS_URI + "/";

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final ResourceManager resources;
    private final PromptManager prompts;
    private final ToolRegistry registry;
    private final KnowledgeGraph kg;
    private final McpConfig config;
    private final Vertx vertx;
    /** The per-file status resources served now, by file. */
    private final Set<String> servedFiles = new TreeSet<>();
    private long timer = -1;

    public McpResources(ResourceManager resources, PromptManager prompts, ToolRegistry registry, KnowledgeGraph kg,
            McpConfig config, Vertx vertx) {
        this.resources = resources;
        this.prompts = prompts;
        this.registry = registry;
        this.kg = kg;
        this.config = config;
        this.vertx = vertx;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One status resource per loaded graph file: files added or removed by a reload come and go with it. */
    synchronized void syncGraphFiles() {
        Set<String> files = new TreeSet<>();
        kg.graphs().forEach(g -> files.add(g.file()));
        for (String gone : new TreeSet<>(servedFiles)) {
            if (!files.contains(gone)) {
                resources.removeResource(fileUri(gone));
                servedFiles.remove(gone);
            }
        }
        for (String file : files) {
            if (servedFiles.add(file)) {
                String uri = fileUri(file);
                resources.newResource("graph-status:" + file).setUri(uri).setMimeType("application/json")
                        .setDescription("Status of the graph file " + file + ": triples, hash, load time, sources and "
                                + "its last error.")
                        .setHandler(args -> text(uri, json(fileStatus(file))))
                        .register();
            }
        }
    }

    private Object fileStatus(String file) {
        return kg.graphs().stream().filter(g -> g.file().equals(file)).findFirst().map(McpResources::graph)
                .orElseThrow(() -> new io.quarkiverse.mcp.server.McpException("The graph file '" + file
                        + "' is not loaded any more.", io.quarkiverse.mcp.server.JsonRpcErrorCodes.RESOURCE_NOT_FOUND));
    }

    static String fileUri(String file) {
        return FILE_STATUS_PREFIX + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20")
                .replace("%2F", "/");
    }

    void onStart(@Observes StartupEvent event) {
        resources.newResource("graph-schema").setUri(SCHEMA_URI).setMimeType("application/json")
                .setDescription("The knowledge graph's schema profile: classes, properties, prefixes and counts, as "
                        + "kg_schema returns it. Read it before writing SPARQL.")
                .setHandler(args -> text(SCHEMA_URI, json(registry.execute("kg_schema",
                        JsonNodeFactory.instance.objectNode(), ToolContext.of("mcp-resource")))))
                .register();
        resources.newResource("graph-status").setUri(STATUS_URI).setMimeType("application/json")
                .setDescription("Every loaded graph: source file, triples, hash, load time and last error; plus the "
                        + "graph version answers cite.")
                .setHandler(args -> text(STATUS_URI, json(status())))
                .register();
        syncGraphFiles();
        timer = vertx.setPeriodic(config.syncInterval().toMillis(), id -> vertx.executeBlocking(() -> {
            syncGraphFiles();
            return null;
        }, false));
        prompts.newPrompt("ground_answer")
                .setDescription("How to answer a question from GroundGate's knowledge graph and calculator, citing "
                        + "sources.")
                .addArgument("question", "The question to answer", true)
                .setHandler(args -> PromptResponse.withMessages(List.of(PromptMessage.withUserRole(
                        "Answer the question below using only facts from GroundGate's tools, never from memory.\n"
                                + "1. Find the entities with kg_search (names, symbols, alternative labels).\n"
                                + "2. Read their facts with kg_describe; for anything else read the resource "
                                + SCHEMA_URI + " (or call kg_schema) and query with sparql_query.\n"
                                + "3. Do all arithmetic and unit conversion with calculator, never in your head.\n"
                                + "4. Prefer a declarative tool when one fits the question exactly.\n"
                                + "5. Cite the sources the tool results give; if a fact is missing, say so instead of "
                                + "guessing.\n\nQuestion: " + args.args().get("question")))))
                .register();
    }

    private Object status() {
        return Map.of("ready", kg.ready(), "graph_version", kg.ready() ? kg.snapshot().version() : "",
                "graphs", kg.graphs().stream().map(McpResources::graph).toList());
    }

    private static Object graph(GraphInfo info) {
        return JSON.convertValue(info, Map.class);
    }

    private static ResourceResponse text(String uri, String text) {
        return new ResourceResponse(List.of(new TextResourceContents(uri, text, "application/json")));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
