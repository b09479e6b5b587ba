package io.groundgate.mcp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.tools.Tool;
import io.groundgate.tools.ToolRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The official MCP TypeScript SDK client against {@code /mcp}: tools, calls, resources, prompt, list_changed, auth. */
@QuarkusTest
@TestProfile(McpProfile.class)
class McpServerTest {

    @Inject
    io.groundgate.kg.KnowledgeGraph kg;

    private static final File DIR = new File("src/test/node");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    @TestHTTPResource("/mcp")
    URL mcp;

    @Inject
    ToolRegistry registry;

    @Test
    void servesEveryGatewayToolAndCallsEachKind() throws Exception {
        List<JsonNode> steps = run(McpProfile.FULL, "tools,calls,resources,prompt", null, null);

        assertThat(steps).allSatisfy(step -> assertThat(step.path("ok").asBoolean()).as(step.toString()).isTrue());
        // the current protocol revision, as the SDK proposes it and the server accepts it
        assertThat(steps.get(0).at("/result/protocol").asText()).isEqualTo("2025-11-25");
        List<String> expected = registry.all().stream().map(t -> t.spec().name()).sorted().toList();
        assertThat(names(steps.get(1).at("/result/names"))).containsExactlyElementsOf(expected)
                .contains("calculator", "kg_search", "kg_describe", "kg_schema", "sparql_query", "element_property");
        Tool calculator = registry.find("calculator").orElseThrow();
        assertThat(steps.get(1).at("/result/calculator/description").asText()).isEqualTo(calculator.spec().description());
        assertThat(steps.get(1).at("/result/calculator/inputSchema/required"))
                .isEqualTo(calculator.spec().parameters().get("required"));

        JsonNode calls = steps.get(2).path("result");
        assertThat(calls.at("/calculator/isError").asBoolean()).isFalse();
        assertThat(calls.at("/calculator/structured/result/value").asText()).isEqualTo("42");
        assertThat(calls.at("/calculator/structured/provenance/tool").asText()).isEqualTo("calculator");
        assertThat(calls.at("/kg_search/isError").asBoolean()).isFalse();
        assertThat(calls.at("/kg_search/structured/provenance/tool").asText()).isEqualTo("kg_search");
        assertThat(calls.at("/kg_search/structured/provenance/graph_version").asText()).isEqualTo(kg.snapshot().version());
        String gold = calls.at("/kg_search/structured/result/hits/0/iri").asText();
        assertThat(gold).startsWith("http");
        assertThat(calls.at("/kg_describe/isError").asBoolean()).isFalse();
        assertThat(calls.at("/kg_describe/structured/result/iri").asText()).isEqualTo(gold);
        assertThat(calls.at("/kg_describe/structured/result/outgoing")).isNotEmpty();
        assertThat(calls.at("/kg_describe/structured/provenance/tool").asText()).isEqualTo("kg_describe");
        assertThat(calls.at("/kg_describe/structured/provenance/facts")).isNotEmpty();
        assertThat(calls.at("/kg_schema/structured/ok").asBoolean()).isTrue();
        assertThat(calls.at("/sparql_query/structured/provenance/graph_version").asText()).isNotEmpty();
        assertThat(calls.at("/element_property/isError").asBoolean()).isFalse();
        assertThat(calls.at("/element_property/structured/provenance/sources")).isNotEmpty();
        assertThat(calls.at("/calculator_error/isError").asBoolean()).isTrue();
        assertThat(calls.at("/calculator_error/structured/error/code").asText()).isNotEmpty();
        // failures a model can act on: isError with the tool's error (code, message) and provenance, not a protocol error
        assertThat(calls.at("/sparql_query_error/isError").asBoolean()).isTrue();
        assertThat(calls.at("/sparql_query_error/structured/error/message").asText()).isNotBlank();
        assertThat(calls.at("/sparql_query_error/structured/provenance/tool").asText()).isEqualTo("sparql_query");
        assertThat(calls.at("/kg_describe_error/isError").asBoolean()).isTrue();
        assertThat(calls.at("/kg_describe_error/structured/error/code").asText()).isEqualTo("not_found");
        assertThat(calls.at("/kg_describe_error/structured/error/message").asText()).contains("kg_search");

        JsonNode resources = steps.get(3).path("result");
        List<String> files = kg.graphs().stream().map(io.groundgate.kg.GraphInfo::file).toList();
        assertThat(files).isNotEmpty();
        List<String> uris = new java.util.ArrayList<>(List.of(McpResources.SCHEMA_URI, McpResources.STATUS_URI));
        files.forEach(f -> uris.add(McpResources.fileUri(f)));
        assertThat(names(resources.path("uris"))).containsExactlyInAnyOrderElementsOf(uris);
        assertThat(resources.at("/contents/" + McpResources.STATUS_URI.replace("/", "~1") + "/graphs")).isNotEmpty();
        for (io.groundgate.kg.GraphInfo graph : kg.graphs()) { // one resource per graph file, with that file's status
            JsonNode status = resources.path("contents").path(McpResources.fileUri(graph.file()));
            assertThat(status.path("file").asText()).isEqualTo(graph.file());
            assertThat(status.path("triples").asLong()).isEqualTo(graph.triples());
            assertThat(status.path("hash").asText()).isEqualTo(graph.hash());
        }
        assertThat(resources.at("/contents/" + McpResources.SCHEMA_URI.replace("/", "~1") + "/ok").asBoolean()).isTrue();
        assertThat(steps.get(4).at("/result/text").asText()).contains("kg_search").contains("How dense is gold?");
    }

    @Test
    void aToolsFolderEditReachesConnectedClientsAsListChanged() throws Exception {
        Path added = McpProfile.TOOLS.resolve("element_property_copy.yaml");
        String copy = Files.readString(McpProfile.TOOLS.resolve("element_property.yaml"))
                .replaceFirst("(?m)^name: element_property$", "name: element_property_copy");
        try {
            // a plain edit of the tools/ folder: the watcher reloads it, MCP notices and tells the connected client
            List<JsonNode> steps = run(McpProfile.FULL, "listChanged", "listening", () -> Files.writeString(added, copy));
            assertThat(steps).allSatisfy(step -> assertThat(step.path("ok").asBoolean()).as(step.toString()).isTrue());
            assertThat(names(steps.get(steps.size() - 1).at("/result/names"))).contains("element_property_copy");
        } finally {
            Files.deleteIfExists(added);
        }
    }

    @Test
    void aGraphReloadReachesConnectedClientsAsListChanged() throws Exception {
        String name = "mcp-reload.ttl";
        String turtle = "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                + "<https://example.org/mcp#widget> rdfs:label \"Widget\"@en .\n";
        try {
            // the tool set stays the same, but what the kg tools answer changes: clients are told to look again
            List<JsonNode> steps = run(McpProfile.FULL, "listChanged", "listening", () -> given().auth()
                    .oauth2(McpProfile.ADMIN).contentType("text/turtle").body(turtle.getBytes(StandardCharsets.UTF_8))
                    .queryParam("graph", name).put("/admin/graphs").then().statusCode(201));
            assertThat(steps).allSatisfy(step -> assertThat(step.path("ok").asBoolean()).as(step.toString()).isTrue());
        } finally {
            given().auth().oauth2(McpProfile.ADMIN).queryParam("graph", name).delete("/admin/graphs");
        }
    }

    @Test
    void everyMcpRequestIsCountedAndTimedInTheGatewaysMetrics() throws Exception {
        run(McpProfile.FULL, "tools,calls", null, null);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        // the library's Micrometer metrics still reach /q/metrics through the span hook that takes their place
        assertThat(metrics).containsPattern("(?m)^mcp_server_requests_tools_call_seconds_count\\{[^}]*tool_name=\"calculator\"[^}]*} [1-9]")
                .containsPattern("(?m)^mcp_server_requests_tools_list_seconds_count\\{[^}]*} [1-9]")
                .containsPattern("(?m)^mcp_server_connections_active ");
    }

    @Test
    void aGraphFileAddedOrRemovedComesAndGoesAsItsOwnStatusResource() throws Exception {
        String name = "mcp-added.ttl";
        Files.deleteIfExists(McpProfile.GRAPHS.resolve(name));
        String turtle = "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                + "<https://example.org/mcp#gadget> rdfs:label \"Gadget\"@en .\n";
        given().auth().oauth2(McpProfile.ADMIN).contentType("text/turtle").body(turtle.getBytes(StandardCharsets.UTF_8))
                .queryParam("graph", name).put("/admin/graphs").then().statusCode(201);
        try {
            String file = kg.graphs().stream().map(io.groundgate.kg.GraphInfo::file).filter(f -> f.endsWith(name))
                    .findFirst().orElseThrow();
            String uri = McpResources.fileUri(file);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> names(resourcesStep().path("uris")).contains(uri));
            JsonNode status = resourcesStep().path("contents").path(uri);
            assertThat(status.path("file").asText()).isEqualTo(file);
            assertThat(status.path("triples").asLong()).isEqualTo(1);
        } finally {
            given().auth().oauth2(McpProfile.ADMIN).queryParam("graph", name).delete("/admin/graphs").then()
                    .statusCode(200);
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> names(resourcesStep().path("uris")).stream().noneMatch(u -> u.endsWith(name)));
        assertThat(names(resourcesStep().path("uris"))).contains(McpResources.STATUS_URI); // the others stay
    }

    private JsonNode resourcesStep() throws Exception {
        List<JsonNode> steps = run(McpProfile.FULL, "resources", null, null);
        assertThat(steps).allSatisfy(step -> assertThat(step.path("ok").asBoolean()).as(step.toString()).isTrue());
        return steps.get(steps.size() - 1).path("result");
    }

    @Test
    void aKeysToolAllowListLimitsWhatItSeesAndCalls() throws Exception {
        List<JsonNode> steps = run(McpProfile.NARROW, "tools,denied", null, null);
        assertThat(steps).allSatisfy(step -> assertThat(step.path("ok").asBoolean()).as(step.toString()).isTrue());
        assertThat(names(steps.get(1).at("/result/names"))).isNotEmpty()
                .allSatisfy(name -> assertThat(name.equals("calculator") || name.startsWith("kg_")).as(name).isTrue());
        JsonNode denied = steps.get(2).path("result");
        assertThat(denied.path("refused").asBoolean()).as(denied.toString()).isTrue();
        assertThat(denied.path("text").asText()).as(denied.toString()).contains("sparql_query");
    }

    @Test
    void theSdkCannotConnectWithoutAValidKey() throws Exception {
        assertThat(run(null, "", null, null).get(0).path("ok").asBoolean()).isFalse();
        assertThat(run("sk-wrong", "", null, null).get(0).path("ok").asBoolean()).isFalse();
        given().contentType(ContentType.JSON).accept("application/json, text/event-stream").body(INIT).post("/mcp")
                .then().statusCode(401).body("error.code", equalTo("invalid_api_key"));
    }

    @Test
    void foreignOriginsAreRefusedAndListedOnesPass() {
        given().auth().oauth2(McpProfile.FULL).header("Origin", "http://evil.example").contentType(ContentType.JSON)
                .accept("application/json, text/event-stream").body(INIT).post("/mcp").then().statusCode(403)
                .body("error.code", equalTo("origin_not_allowed"));
        given().auth().oauth2(McpProfile.FULL).header("Origin", "http://localhost:3000").contentType(ContentType.JSON)
                .accept("application/json, text/event-stream").body(INIT).post("/mcp").then().statusCode(200);
    }

    @Test
    void sessionsBelongToTheKeyThatOpenedThem() {
        String session = given().auth().oauth2(McpProfile.FULL).contentType(ContentType.JSON)
                .accept("application/json, text/event-stream").body(INIT).post("/mcp").then().statusCode(200)
                .extract().header("Mcp-Session-Id");
        given().auth().oauth2(McpProfile.NARROW).header("Mcp-Session-Id", session).contentType(ContentType.JSON)
                .accept("application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}").post("/mcp").then().statusCode(404)
                .body("error.code", equalTo("session_not_found"));
    }

    @Test
    void theSameRateLimitsApply() {
        given().auth().oauth2(McpProfile.SLOW).contentType(ContentType.JSON).accept("application/json, text/event-stream")
                .body(INIT).post("/mcp").then().statusCode(200);
        given().auth().oauth2(McpProfile.SLOW).contentType(ContentType.JSON).accept("application/json, text/event-stream")
                .body(INIT).post("/mcp").then().statusCode(429).body("error.code", equalTo("rate_limit_exceeded"));
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    /** Runs {@code mcp.mjs}; when {@code marker} is printed as a step, performs {@code onMarker}. */
    private List<JsonNode> run(String key, String steps, String marker, Action onMarker) throws Exception {
        if (!new File(DIR, "node_modules/@modelcontextprotocol/sdk/package.json").isFile()) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("the MCP TypeScript SDK is not installed: run 'npm ci' in src/test/node");
            }
            Assumptions.abort("MCP TypeScript SDK not installed; run: (cd src/test/node && npm ci)");
        }
        ProcessBuilder builder = new ProcessBuilder("node", "mcp.mjs", mcp.toString(), steps).directory(DIR)
                .redirectErrorStream(true);
        if (key != null) {
            builder.environment().put("GG_KEY", key);
        }
        Process process = builder.start();
        List<JsonNode> lines = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                all.append(line).append('\n');
                if (line.startsWith("{")) {
                    JsonNode json = JSON.readTree(line);
                    if (marker != null && marker.equals(json.path("step").asText())) {
                        onMarker.run();
                        continue;
                    }
                    lines.add(json);
                }
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the MCP client did not finish in 60 s");
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("the MCP client printed no result: " + all);
        }
        return lines;
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
