package io.groundgate.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeOpenAiServer.Call;
import io.groundgate.testing.FakeUpstreamResource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A grounded request's trace holds a span per model call and per tool call, under the request's span, named and attributed
 * per the OpenTelemetry GenAI semantic conventions; an MCP tool call gets its server span per the MCP conventions.
 */
@QuarkusTest
@TestProfile(ObservedProfile.class)
class GroundedTracingTest {

    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");

    @Inject
    InMemorySpanExporter spans;

    @Test
    void upstreamAndToolCallsHaveTheirOwnSpansInTheRequestsTrace() {
        FakeOpenAiServer fake = FakeUpstreamResource.server();
        fake.reset();
        fake.enqueue(FakeOpenAiServer.toolCalls(new Call("call_t", "calculator", "{\"expression\":\"6*7\"}"),
                new Call("call_bad", "calculator", "{\"expression\":\"1 / \"}")), FakeOpenAiServer.completion("42"));
        given().header("x-request-id", "req-trace-grounded-1").contentType("application/json")
                .body("{\"model\":\"grounded/flaky-model\",\"messages\":[{\"role\":\"user\",\"content\":\"6*7?\"}]}")
                .post("/v1/chat/completions").then().statusCode(200);

        SpanData request = await().atMost(Duration.ofSeconds(20)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> "req-trace-grounded-1".equals(s.getAttributes().get(AttributeKey.stringKey("groundgate.request_id"))))
                .findFirst().orElse(null), s -> s != null);
        List<SpanData> trace = await().atMost(Duration.ofSeconds(20)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(request.getTraceId())).toList(),
                all -> all.stream().filter(s -> "chat".equals(s.getAttributes().get(OPERATION))).count() == 2);

        // tool execution per the GenAI semantic conventions: execute_tool {gen_ai.tool.name}
        List<SpanData> tools = trace.stream().filter(s -> s.getName().equals("execute_tool calculator")).toList();
        assertThat(tools).hasSize(2).allSatisfy(tool -> {
            assertThat(tool.getAttributes().get(OPERATION)).isEqualTo("execute_tool");
            assertThat(tool.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.name"))).isEqualTo("calculator");
        });
        assertThat(tools).filteredOn(t -> "call_t".equals(t.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.call.id"))))
                .singleElement().satisfies(tool -> {
                    assertThat(tool.getAttributes().get(AttributeKey.stringKey("groundgate.tool.outcome"))).isEqualTo("ok");
                    assertThat(tool.getAttributes().get(AttributeKey.stringKey("error.type"))).isNull();
                });
        // a failed tool call: error status and error.type, as the conventions ask
        assertThat(tools).filteredOn(t -> "call_bad".equals(t.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.call.id"))))
                .singleElement().satisfies(tool -> {
                    assertThat(tool.getStatus().getStatusCode()).isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
                    assertThat(tool.getAttributes().get(AttributeKey.stringKey("error.type"))).isNotBlank();
                });
        // model calls: chat {gen_ai.request.model}, with the response model and token usage the upstream reported
        List<SpanData> chats = trace.stream().filter(s -> "chat".equals(s.getAttributes().get(OPERATION))).toList();
        assertThat(chats).hasSize(2).allSatisfy(s -> {
            String model = s.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model"));
            assertThat(model).isNotBlank();
            assertThat(s.getName()).isEqualTo("chat " + model);
            assertThat(s.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(s.getAttributes().get(AttributeKey.stringKey("gen_ai.provider.name"))).isEqualTo("openai");
            assertThat(s.getAttributes().get(AttributeKey.stringKey("gen_ai.response.model"))).isEqualTo(model);
            assertThat(s.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens"))).isEqualTo(10L);
            assertThat(s.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens"))).isEqualTo(5L);
            assertThat(s.getAttributes().get(AttributeKey.stringKey("groundgate.upstream"))).isEqualTo("flaky");
        });
    }

    @Test
    void anMcpToolCallContinuesTheCallersTraceFromMeta() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String session = openMcpSession();
        given().header("Mcp-Session-Id", session).contentType("application/json").accept("application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"calculator\","
                        + "\"arguments\":{\"expression\":\"6*7\"},\"_meta\":{\"traceparent\":\"00-" + traceId
                        + "-00f067aa0ba902b7-01\"}}}")
                .post("/mcp").then().statusCode(200);

        SpanData call = await().atMost(Duration.ofSeconds(20)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("tools/call calculator")).findFirst().orElse(null), s -> s != null);
        assertThat(call.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(call.getTraceId()).isEqualTo(traceId);
        assertThat(call.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(call.getAttributes().get(AttributeKey.stringKey("mcp.method.name"))).isEqualTo("tools/call");
        assertThat(call.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.name"))).isEqualTo("calculator");
        assertThat(call.getAttributes().get(OPERATION)).isEqualTo("execute_tool");
        assertThat(call.getAttributes().get(AttributeKey.stringKey("mcp.session.id"))).isEqualTo(session);
        assertThat(call.getAttributes().get(AttributeKey.stringKey("jsonrpc.request.id"))).isEqualTo("7");
        assertThat(call.getAttributes().get(AttributeKey.stringKey("mcp.protocol.version"))).isEqualTo("2025-06-18");
        assertThat(call.getAttributes().get(AttributeKey.stringKey("network.transport"))).isEqualTo("tcp");
        assertThat(call.getAttributes().get(AttributeKey.stringKey("network.protocol.name"))).isEqualTo("http");
    }

    @Test
    void otherMcpRequestsHaveSpansTooContinuingTheCallersTrace() {
        String traceId = "5af92f3577b34da6a3ce929d0e0e4737";
        String session = openMcpSession();
        given().header("Mcp-Session-Id", session).contentType("application/json").accept("application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"resources/read\",\"params\":{\"uri\":"
                        + "\"groundgate://graph/status\",\"_meta\":{\"traceparent\":\"00-" + traceId
                        + "-00f067aa0ba902b8-01\"}}}")
                .post("/mcp").then().statusCode(200);
        given().header("Mcp-Session-Id", session).contentType("application/json").accept("application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\"}").post("/mcp").then().statusCode(200);

        // named without the URI (high cardinality), which is an attribute instead
        SpanData read = await().atMost(Duration.ofSeconds(20)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("resources/read") && session.equals(
                        s.getAttributes().get(AttributeKey.stringKey("mcp.session.id")))).findFirst().orElse(null),
                s -> s != null);
        assertThat(read.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(read.getTraceId()).isEqualTo(traceId);
        assertThat(read.getParentSpanId()).isEqualTo("00f067aa0ba902b8");
        assertThat(read.getAttributes().get(AttributeKey.stringKey("mcp.method.name"))).isEqualTo("resources/read");
        assertThat(read.getAttributes().get(AttributeKey.stringKey("mcp.resource.uri"))).isEqualTo("groundgate://graph/status");
        assertThat(read.getAttributes().get(AttributeKey.stringKey("mcp.session.id"))).isEqualTo(session);
        assertThat(read.getAttributes().get(AttributeKey.stringKey("jsonrpc.request.id"))).isEqualTo("8");
        SpanData list = await().atMost(Duration.ofSeconds(20)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("tools/list") && session.equals(
                        s.getAttributes().get(AttributeKey.stringKey("mcp.session.id")))).findFirst().orElse(null),
                s -> s != null);
        assertThat(list.getAttributes().get(AttributeKey.stringKey("jsonrpc.request.id"))).isEqualTo("9");
        assertThat(list.getAttributes().get(AttributeKey.stringKey("mcp.protocol.version"))).isEqualTo("2025-06-18");
        assertThat(spans.getFinishedSpanItems()).anySatisfy(s -> assertThat(s.getName()).isEqualTo("initialize"));
    }

    /** Opens an MCP session over raw JSON-RPC (initialize, then initialized) and returns its id. */
    private static String openMcpSession() {
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        String session = given().contentType("application/json").accept("application/json, text/event-stream").body(init)
                .post("/mcp").then().statusCode(200).extract().header("Mcp-Session-Id");
        given().header("Mcp-Session-Id", session).contentType("application/json").accept("application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").post("/mcp");
        return session;
    }
}
