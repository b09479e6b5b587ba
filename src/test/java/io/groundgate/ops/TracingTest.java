package io.groundgate.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** With tracing on, each request has a server span carrying the request id, model and route. */
@QuarkusTest
@TestProfile(ObservedProfile.class)
class TracingTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aChatRequestHasAServerSpanWithRequestIdModelAndRoute() {
        given().header("x-request-id", "req-trace-check-1").contentType("application/json")
                .body("{\"model\":\"fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}")
                .post("/v1/chat/completions").then().statusCode(200);

        SpanData span = await().atMost(Duration.ofSeconds(20)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> "req-trace-check-1".equals(s.getAttributes().get(AttributeKey.stringKey("groundgate.request_id"))))
                .findFirst().orElse(null), s -> s != null);

        assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(span.getAttributes().get(AttributeKey.stringKey("groundgate.model"))).isEqualTo("fake-model");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("groundgate.route"))).isEqualTo("passthrough");
        assertThat(span.getTraceId()).hasSize(32);
    }
}
