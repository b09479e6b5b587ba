package io.groundgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.testing.GatewayProcess;
import io.groundgate.testing.RedisServer;

/**
 * Two packaged gateways sharing one real {@code redis-server}: one key's budget holds across both, and a Redis that is
 * frozen or gone is handled by each gateway's failure policy (the first fails open, the second closed).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedRateLimitIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SHARED = "sk-shared-across-replicas";
    private static final String CHAT = "sk-chat-across-replicas";

    private static RedisServer redis;
    private static GatewayProcess failOpen;
    private static GatewayProcess failClosed;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.start();
        failOpen = GatewayProcess.start(config("open"));
        failClosed = GatewayProcess.start(config("closed"));
    }

    private static Map<String, String> config(String policy) {
        return Map.ofEntries(
                Map.entry("groundgate.security.rate-limit.store", "redis"),
                Map.entry("groundgate.security.rate-limit.on-store-failure", policy),
                // generous for a loaded CI machine: exactness is tested here, the short default is measured in BENCHMARKS.md
                Map.entry("groundgate.security.rate-limit.timeout", "3s"),
                Map.entry("groundgate.security.rate-limit.retry-after-failure", "200ms"),
                Map.entry("quarkus.redis.hosts", redis.url()),
                Map.entry("groundgate.security.api-keys.shared.sha256", hash(SHARED)),
                Map.entry("groundgate.security.api-keys.shared.rate-limit.requests-per-minute", "1"),
                Map.entry("groundgate.security.api-keys.shared.rate-limit.burst", "5"),
                Map.entry("groundgate.security.api-keys.chat.sha256", hash(CHAT)),
                Map.entry("groundgate.security.api-keys.chat.rate-limit.requests-per-minute", "6000"),
                Map.entry("groundgate.security.api-keys.chat.rate-limit.burst", "100"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable process : new AutoCloseable[] {failOpen, failClosed, redis}) {
            if (process != null) {
                process.close();
            }
        }
    }

    @Test
    @Order(1)
    void aBurstSpreadAcrossTwoGatewaysGetsExactlyTheBurst() throws Exception {
        Map<String, Double> openBefore = decisions(failOpen);
        Map<String, Double> closedBefore = decisions(failClosed);
        long began = System.nanoTime();
        List<CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            GatewayProcess gateway = i % 2 == 0 ? failOpen : failClosed;
            sent.add(CLIENT.sendAsync(HttpRequest.newBuilder(gateway.uri("/v1/models"))
                    .header("Authorization", "Bearer " + SHARED).build(), HttpResponse.BodyHandlers.discarding()));
        }
        List<Integer> statuses = sent.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        Map<String, Double> open = delta(decisions(failOpen), openBefore);
        Map<String, Double> closed = delta(decisions(failClosed), closedBefore);

        // Even indexes went to the first gateway, odd ones to the second. Every decision is counted by who made it
        // (groundgate_ratelimit_decisions_total{decided_by,outcome}), so every 200 has a known source: Redis decides each
        // request it answers within the timeout, atomically, so it admits at most the burst; a request it answers too late
        // is the failure policy's: the fail-open gateway admits it from its own bucket, which also spent what Redis
        // admitted through it (so never more than the key's budget per gateway), the fail-closed one answers 503.
        // A burst slower than the refill interval (1 minute) may legitimately get one more token per minute.
        String seen = "statuses in order of sending: " + statuses + ", burst took " + took.toMillis()
                + " ms, decisions (fail open): " + open + ", decisions (fail closed): " + closed;
        long ok = statuses.stream().filter(s -> s == 200).count();
        long refills = took.toSeconds() / 60;
        long sharedAllowed = Math.round(open.getOrDefault("shared/allowed", 0.0)
                + closed.getOrDefault("shared/allowed", 0.0));
        long fallbackAllowed = Math.round(open.getOrDefault("fallback/allowed", 0.0));
        long fallbacks = Math.round(open.entrySet().stream().filter(e -> e.getKey().startsWith("fallback/"))
                .mapToDouble(Map.Entry::getValue).sum() + closed.entrySet().stream()
                .filter(e -> e.getKey().startsWith("fallback/")).mapToDouble(Map.Entry::getValue).sum());
        assertThat(statuses).as(seen).allMatch(s -> s == 200 || s == 429 || s == 503);
        assertThat(ok).as("every 200 is one Redis or fallback admission; " + seen)
                .isEqualTo(sharedAllowed + fallbackAllowed);
        assertThat(closed.getOrDefault("fallback/allowed", 0.0)).as("fail closed never admits on its own; " + seen)
                .isZero();
        assertThat(sharedAllowed).as("Redis admits at most the burst; " + seen).isLessThanOrEqualTo(5 + refills);
        assertThat(fallbackAllowed + open.getOrDefault("shared/allowed", 0.0)).as("one gateway, the key's budget; " + seen)
                .isLessThanOrEqualTo(5.0 + refills);
        if (fallbacks == 0 && refills == 0) {
            assertThat(ok).as(seen).isEqualTo(5);
            assertThat(statuses).as(seen).filteredOn(s -> s == 429).hasSize(19);
        }
    }

    /** This gateway's groundgate_ratelimit_decisions_total by "decided_by/outcome", from its management port. */
    private static Map<String, Double> decisions(GatewayProcess gateway) throws Exception {
        String metrics = CLIENT.send(HttpRequest.newBuilder(gateway.managementUri("/q/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher line = java.util.regex.Pattern
                .compile("(?m)^groundgate_ratelimit_decisions_total\\{([^}]*)} (\\S+)").matcher(metrics);
        Map<String, Double> counts = new java.util.TreeMap<>();
        while (line.find()) {
            counts.put(label(line.group(1), "decided_by") + "/" + label(line.group(1), "outcome"),
                    Double.parseDouble(line.group(2)));
        }
        return counts;
    }

    private static String label(String labels, String name) {
        java.util.regex.Matcher value = java.util.regex.Pattern.compile(name + "=\"([^\"]*)\"").matcher(labels);
        return value.find() ? value.group(1) : "";
    }

    private static Map<String, Double> delta(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> delta = new java.util.TreeMap<>();
        after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0.0)));
        return delta;
    }

    /** This gateway's groundgate_ratelimit_store_failures_total, from its management port. */
    private static double storeFailures(GatewayProcess gateway) throws Exception {
        String metrics = CLIENT.send(HttpRequest.newBuilder(gateway.managementUri("/q/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher value = java.util.regex.Pattern
                .compile("(?m)^groundgate_ratelimit_store_failures_total(?:\\{[^}]*})? (\\S+)").matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    @Test
    @Order(2)
    void aChatRequestPassesTheSharedLimitOnBothGateways() throws Exception {
        for (GatewayProcess gateway : List.of(failOpen, failClosed)) {
            HttpResponse<String> answer = chat(gateway, CHAT);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).at("/choices/0/message/content").asText()).isNotBlank();
        }
    }

    @Test
    @Order(3)
    void aFrozenRedisFailsOpenOrClosedPerGateway() throws Exception {
        redis.pause();
        try {
            assertThat(get(failOpen, CHAT).statusCode()).isEqualTo(200);
            HttpResponse<String> refused = get(failClosed, CHAT);
            assertThat(refused.statusCode()).isEqualTo(503);
            JsonNode error = JSON.readTree(refused.body()).get("error");
            assertThat(error.get("type").asText()).isEqualTo("service_unavailable_error");
            assertThat(error.get("code").asText()).isEqualTo("rate_limit_store_unavailable");
            assertThat(error.get("message").asText()).contains("rate-limit store is unavailable");
        } finally {
            redis.resume();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> get(failClosed, CHAT).statusCode() == 200);
    }

    @Test
    @Order(4)
    void aStoppedRedisFailsOpenWithAMetricAndOneWarning() throws Exception {
        redis.close();
        for (int i = 0; i < 5; i++) {
            assertThat(get(failOpen, CHAT).statusCode()).isEqualTo(200);
            assertThat(get(failClosed, CHAT).statusCode()).isEqualTo(503);
            Thread.sleep(100);
        }

        assertThat(storeFailures(failOpen)).isPositive();
        // one warning per outage, however many requests it affects
        String log = failOpen.log();
        assertThat(log.split("The rate-limit store \\(Redis\\) failed", -1).length - 1).isBetween(1, 2);
    }

    private static HttpResponse<String> get(GatewayProcess gateway, String key) throws Exception {
        return get(gateway, "/v1/models", key);
    }

    private static HttpResponse<String> get(GatewayProcess gateway, String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path)).timeout(Duration.ofSeconds(10));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> chat(GatewayProcess gateway, String key) throws Exception {
        String body = "{\"model\":\"groundgate-local\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
        return CLIENT.send(HttpRequest.newBuilder(gateway.uri("/v1/chat/completions"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String hash(String key) {
        return HexFormat.of().formatHex(KeyHash.sha256(key));
    }
}
