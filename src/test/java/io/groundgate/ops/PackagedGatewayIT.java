package io.groundgate.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.testing.GatewayProcess;

/** The packaged gateway as an operator starts it on a laptop: `java -jar` with the application's defaults. */
class PackagedGatewayIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void readyMeansWarmQuietOnCpuAndRestartsAtOnceOnTheSamePort() throws Exception {
        GatewayProcess first = GatewayProcess.start(Map.of());
        int port = first.port();
        try {
            // readiness is UP only once the embedding model is loaded and the graph's property texts are embedded
            JsonNode ready = JSON.readTree(get(first, "/q/health/ready").body());
            assertThat(ready.path("status").asText()).isEqualTo("UP");
            JsonNode embedding = null;
            for (JsonNode check : ready.path("checks")) {
                if ("embedding-model".equals(check.path("name").asText())) {
                    embedding = check;
                }
            }
            assertThat(embedding).as("the embedding-model readiness check").isNotNull();
            assertThat(embedding.path("status").asText()).isEqualTo("UP");
            assertThat(embedding.path("data").path("warm-up-ms").asLong()).isPositive();

            HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(first.uri("/v1/chat/completions"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"groundgate-local\",\"messages\":"
                            + "[{\"role\":\"user\",\"content\":\"What is the density of gold?\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).at("/choices/0/message/content").asText()).contains("19.3");

            // the embedding model ran on the CPU: no CUDA/GPU probing noise in the log
            assertThat(first.log()).contains("Embedding model loaded and warmed")
                    .doesNotContainPattern("(?i)WARN.*(cuda|gpu)");
        } finally {
            // no shutdown delay outside Kubernetes (the Deployment sets QUARKUS_SHUTDOWN_DELAY): it stops at once...
            Duration stopped = first.terminate();
            assertThat(stopped).as("time from SIGTERM to exit").isLessThan(Duration.ofSeconds(5));
        }
        // ...and a restart on the same port works straight away
        try (GatewayProcess second = GatewayProcess.start(Map.of(), port)) {
            assertThat(get(second, "/q/health/live").statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> get(GatewayProcess gateway, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(gateway.uri(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
