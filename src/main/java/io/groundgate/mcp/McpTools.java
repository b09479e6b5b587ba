package io.groundgate.mcp;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.tools.Tool;
import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolRegistry;
import io.groundgate.tools.ToolResult;
import io.groundgate.tools.ToolSpec;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.ToolManager;
import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkiverse.mcp.server.runtime.ConnectionManager;
import io.quarkiverse.mcp.server.runtime.McpConnectionBase;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Serves every gateway tool of {@link ToolRegistry} over MCP with its JSON Schema and description. A call answers with
 * the tool's result (or error) as structured content plus the same JSON as text, provenance included; a failed call is
 * an MCP tool error ({@code isError}) the model can act on. The tool set is kept in step with the registry (declarative
 * tools reload) and the knowledge graph: any change sends {@code notifications/tools/list_changed}.
 */
@ApplicationScoped
public class McpTools {

    private static final Logger LOG = Logger.getLogger(McpTools.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ToolRegistry registry;
    private final ToolManager tools;
    private final McpToolAccess access;
    private final KnowledgeGraph kg;
    private final ConnectionManager connections;
    private final McpConfig config;
    private final Vertx vertx;
    private final McpTracing tracing;
    private final Map<String, ToolSpec> served = new HashMap<>();
    private String graphVersion;
    private long timer = -1;

    public McpTools(ToolRegistry registry, ToolManager tools, McpToolAccess access, KnowledgeGraph kg,
            ConnectionManager connections, McpConfig config, Vertx vertx, McpTracing tracing) {
        this.tracing = tracing;
        this.registry = registry;
        this.tools = tools;
        this.access = access;
        this.kg = kg;
        this.connections = connections;
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        sync();
        timer = vertx.setPeriodic(config.syncInterval().toMillis(),
                id -> vertx.executeBlocking(() -> {
                    sync();
                    return null;
                }, false));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Brings the served tools in line with the registry; tells clients when anything changed. */
    synchronized void sync() {
        boolean changed = false;
        Map<String, ToolSpec> current = new HashMap<>();
        for (Tool tool : registry.all()) {
            current.put(tool.spec().name(), tool.spec());
        }
        for (String name : new HashSet<>(served.keySet())) {
            if (!current.containsKey(name) || !current.get(name).equals(served.get(name))) {
                tools.removeTool(name);
                served.remove(name);
                changed = true;
            }
        }
        for (ToolSpec spec : current.values()) {
            if (!served.containsKey(spec.name())) {
                register(spec);
                served.put(spec.name(), spec);
                changed = true;
            }
        }
        String version = kg.ready() ? kg.snapshot().version() : null;
        // a new graph changes what the kg tools answer, even when the tool set stays the same
        if (changed || graphVersion != null && !graphVersion.equals(version)) {
            LOG.debugf("MCP tools changed (graph %s): %s", version, served.keySet());
            notifyToolsChanged();
        }
        graphVersion = version;
    }

    private void register(ToolSpec spec) {
        tools.newTool(spec.name()).setDescription(spec.description()).setInputSchema(JSON.convertValue(spec.parameters(),
                Map.class)).setHandler(args -> call(spec.name(), args), false).register();
    }

    private ToolResponse call(String name, ToolManager.ToolArguments args) {
        io.opentelemetry.api.trace.Span span = tracing.toolCall(name, args);
        try (io.opentelemetry.context.Scope ignored = span.makeCurrent()) {
            ToolResponse response = answer(name, args);
            if (response.isError()) {
                span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR);
                span.setAttribute("error.type", "tool_error");
            }
            return response;
        } finally {
            span.end();
        }
    }

    private ToolResponse answer(String name, ToolManager.ToolArguments args) {
        if (!access.allows(args.connection().id(), name)) {
            return ToolResponse.error("This API key may not call the tool '" + name + "' "
                    + "(groundgate.security.api-keys.<key>.tools).");
        }
        ObjectNode arguments = JSON.valueToTree(args.args() == null ? Map.of() : args.args());
        ToolResult result = registry.execute(name, arguments, ToolContext.of("mcp-" + args.requestId().asString()));
        Map<?, ?> structured = JSON.convertValue(result, Map.class);
        String text;
        try {
            text = JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            text = String.valueOf(structured);
        }
        return new ToolResponse(!result.ok(), List.of(new TextContent(text)), structured, null);
    }

    private void notifyToolsChanged() {
        JsonObject notification = new JsonObject().put("jsonrpc", "2.0").put("method", "notifications/tools/list_changed");
        for (McpConnectionBase connection : connections) {
            if (connection.status() == io.quarkiverse.mcp.server.McpConnection.Status.IN_OPERATION) {
                connection.send(notification).onFailure(e -> LOG.debugf("list_changed not delivered: %s", e.getMessage()));
            }
        }
    }

    Set<String> served() {
        return Set.copyOf(served.keySet());
    }
}
