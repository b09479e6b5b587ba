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

/** A grounded request's trace holds a span per upstream call and per tool call, under the request's span. */
@QuarkusTest
@TestProfile(ObservedProfile.class)
class GroundedTracingTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void upstreamAndToolCallsHaveTheirOwnSpansInTheRequestsTrace() {
        FakeOpenAiServer fake = FakeUpstreamResource.server();
        fake.reset();
        fake.enqueue(FakeOpenAiServer.toolCalls(new Call("call_t", "calculator", "{\"expression\":\"6*7\"}")),
                FakeOpenAiServer.completion("42"));
        given().header("x-request-id", "req-trace-grounded-1").contentType("application/json")
                .body("{\"model\":\"grounded/flaky-model\",\"messages\":[{\"role\":\"user\",\"content\":\"6*7?\"}]}")
                .post("/v1/chat/completions").then().statusCode(200);

        SpanData request = await().atMost(Duration.ofSeconds(20)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> "req-trace-grounded-1".equals(s.getAttributes().get(AttributeKey.stringKey("groundgate.request_id"))))
                .findFirst().orElse(null), s -> s != null);
        List<SpanData> trace = await().atMost(Duration.ofSeconds(20)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(request.getTraceId())).toList(),
                all -> all.stream().filter(s -> s.getName().startsWith("upstream chat")).count() == 2);

        assertThat(trace).filteredOn(s -> s.getName().equals("tool calculator")).singleElement().satisfies(tool ->
                assertThat(tool.getAttributes().get(AttributeKey.stringKey("groundgate.tool.outcome"))).isEqualTo("ok"));
        assertThat(trace).filteredOn(s -> s.getName().startsWith("upstream chat"))
                .allSatisfy(s -> assertThat(s.getKind()).isEqualTo(SpanKind.CLIENT))
                .allSatisfy(s -> assertThat(s.getAttributes().get(AttributeKey.stringKey("groundgate.upstream"))).isEqualTo("flaky"));
    }
}
