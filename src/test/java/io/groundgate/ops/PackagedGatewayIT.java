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

    private static final String KEY = "sk-operator-test-key";

    @Test
    void readyMeansWarmQuietOnCpuLogsEveryRequestAndRestartsAtOnceOnTheSamePort() throws Exception {
        // prod defaults, plus JSON logs and one API key, so the access log's fields can be read back
        GatewayProcess first = GatewayProcess.start(Map.of("quarkus.log.console.json.enabled", "true",
                "groundgate.security.api-keys.ops-team.sha256",
                java.util.HexFormat.of().formatHex(io.groundgate.security.KeyHash.sha256(KEY))));
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
                    .header("Authorization", "Bearer " + KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"groundgate-local\",\"messages\":"
                            + "[{\"role\":\"user\",\"content\":\"What is the density of gold?\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).at("/choices/0/message/content").asText()).contains("19.3");

            HttpResponse<String> refused = get(first, "/v1/models");
            assertThat(refused.statusCode()).isEqualTo(401);

            // the access log: exactly one line per API request (health checks left out), with the key's name only
            java.util.List<JsonNode> access = new java.util.ArrayList<>();
            for (String line : first.log().split("\n")) {
                if (line.startsWith("{") && line.contains("\"groundgate.access\"")) {
                    access.add(JSON.readTree(line).path("mdc"));
                }
            }
            assertThat(access).hasSize(2);
            JsonNode chat = access.get(0);
            assertThat(chat.path("requestId").asText()).isEqualTo(answer.headers().firstValue("x-request-id").orElseThrow());
            assertThat(chat.path("key").asText()).isEqualTo("ops-team");
            assertThat(chat.path("route").asText()).isEqualTo("local");
            assertThat(chat.path("model").asText()).isEqualTo("groundgate-local");
            assertThat(chat.path("status").asText()).isEqualTo("200");
            assertThat(chat.path("toolSteps").asInt()).isPositive();
            assertThat(chat.path("bytesOut").asLong()).isEqualTo(answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            assertThat(chat.path("bytesIn").asLong()).isPositive();
            // no upstream on this route: the overhead is (about) the whole duration; both are measured
            assertThat(Double.parseDouble(chat.path("durationMs").asText())).isPositive();
            assertThat(Double.parseDouble(chat.path("overheadMs").asText())).isPositive();
            assertThat(chat.has("tokensIn") && chat.has("tokensOut")).isTrue();
            JsonNode denied = access.get(1);
            assertThat(denied.path("status").asText()).isEqualTo("401");
            assertThat(denied.path("path").asText()).isEqualTo("/v1/models");
            assertThat(first.log()).doesNotContain(KEY);

            // the planner's steps count as tool calls, the answer as grounded, and every GroundGate metric explains itself
            // metrics answer on the management port only; health stays on the public one (the probes use it)
            assertThat(get(first, "/q/metrics").statusCode()).as("/q/metrics on the public port").isEqualTo(404);
            HttpResponse<String> scraped = CLIENT.send(HttpRequest.newBuilder(first.managementUri("/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scraped.statusCode()).isEqualTo(200);
            String metrics = scraped.body();
            assertThat(metrics).containsPattern("groundgate_tool_calls_total\\{[^}]*outcome=\"ok\"[^}]*} [1-9]")
                    .containsPattern("groundgate_answers_total\\{[^}]*outcome=\"grounded\",route=\"local\"[^}]*} 1\\.0");
            java.util.regex.Matcher type = java.util.regex.Pattern.compile("(?m)^# TYPE (groundgate_\\w+) ").matcher(metrics);
            int described = 0;
            while (type.find()) {
                assertThat(metrics).as("HELP of " + type.group(1))
                        .containsPattern("(?m)^# HELP " + type.group(1) + " \\S");
                described++;
            }
            assertThat(described).isGreaterThan(5);

            // the embedding model ran on the CPU: no CUDA/GPU probing noise in the log
            assertThat(first.log()).containsPattern("Embedding model loaded in \\d+ ms .*and warmed in \\d+ ms")
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
