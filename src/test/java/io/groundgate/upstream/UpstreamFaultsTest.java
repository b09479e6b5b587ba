package io.groundgate.upstream;

import static io.groundgate.testing.FakeOpenAiServer.completionJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeOpenAiServer.Reply;
import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every fault an upstream can commit, on every route: the client gets the right status in OpenAI's error format, never
 * a 500, never a Java class name, an address or the upstream's raw page; and the upstream's breaker counts exactly the
 * faults that are the upstream's. The {@code faults} upstream has no retries, a 1 s first-byte and 3 s total timeout.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class UpstreamFaultsTest {

    private static final Pattern INTERNALS = Pattern.compile(
            "(java|javax|jakarta|dev\\.langchain4j|com\\.fasterxml|io\\.vertx|io\\.netty|io\\.groundgate)\\.[a-z]"
                    + "|127\\.0\\.0\\.1|localhost|<html|Exception");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    enum Route {
        PASSTHROUGH("fault-model", false), GROUNDED("grounded/fault-model", false),
        GROUNDED_STREAM("grounded/fault-model", true);

        final String model;
        final boolean stream;

        Route(String model, boolean stream) {
            this.model = model;
            this.stream = stream;
        }
    }

    /** What the client must see: a relayed 200, or an error with this status and code. */
    record Expected(int status, String code, boolean upstreamFault) {
        static Expected relayed() {
            return new Expected(200, null, false);
        }
    }

    /** A fault: how the fake misbehaves (given whether the gateway asked for a stream) and what each route must answer. */
    enum Fault {
        CONNECTION_REFUSED(s -> null, r -> new Expected(502, "upstream_unreachable", true)),
        RESET_MID_BODY(s -> FakeOpenAiServer.resetMidBody(type(s), s ? "data: {\"id\":\"x\",\"choi" : "{\"id\":\"x\",\"cho"),
                r -> new Expected(r == Route.PASSTHROUGH ? 502 : 502, null, true)),
        HEADERS_LATE(s -> FakeOpenAiServer.delayed(Duration.ofMillis(2500), FakeOpenAiServer.completion("late")),
                r -> new Expected(504, "upstream_timeout", true)),
        STALL_AFTER_HEADERS(s -> FakeOpenAiServer.stallAfterHeaders(type(s)),
                r -> new Expected(504, "upstream_timeout", true)),
        TRICKLE(s -> FakeOpenAiServer.trickle(type(s), "x".repeat(100), Duration.ofMillis(300)),
                r -> new Expected(504, "upstream_timeout", true)),
        HTTP_500_HTML(s -> FakeOpenAiServer.raw(500, "text/html", "<html><body>Internal Server Error at 10.0.0.7:8080</body></html>"),
                r -> new Expected(502, "upstream_error", true)),
        HTTP_502(s -> FakeOpenAiServer.raw(502, "text/html", "<html>Bad Gateway</html>"),
                r -> new Expected(502, "upstream_error", true)),
        HTTP_503(s -> FakeOpenAiServer.raw(503, "application/json", "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"),
                r -> new Expected(502, "upstream_error", true)),
        HTTP_429_LONG_RETRY_AFTER(s -> FakeOpenAiServer.json(429,
                "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\",\"code\":\"rate_limit_exceeded\"}}",
                Map.of("Retry-After", "30")), r -> new Expected(429, "rate_limit_exceeded", true)),
        HTML_200(s -> FakeOpenAiServer.raw(200, "text/html", "<html><body>Welcome to nginx!</body></html>"),
                r -> r == Route.PASSTHROUGH ? Expected.relayed() : new Expected(502, "upstream_error", true)),
        EMPTY_200(s -> FakeOpenAiServer.raw(200, type(s), ""),
                r -> r == Route.PASSTHROUGH ? Expected.relayed() : new Expected(502, "upstream_error", true)),
        TRUNCATED_JSON(s -> FakeOpenAiServer.raw(200, "application/json", completionJson("fault-model", "cut").substring(0, 40)),
                r -> r == Route.PASSTHROUGH ? Expected.relayed() : new Expected(502, "upstream_error", true)),
        HUGE_BODY(s -> FakeOpenAiServer.huge("application/json", 17 * 1024 * 1024),
                r -> r == Route.PASSTHROUGH ? Expected.relayed() : new Expected(502, "upstream_error", true)),
        WRONG_CONTENT_TYPE(s -> FakeOpenAiServer.raw(200, "text/html", completionJson("fault-model", "fine")),
                // a completion is a completion whatever its label; only a stream must be an event stream
                r -> r == Route.GROUNDED_STREAM ? new Expected(502, "upstream_error", true) : Expected.relayed()),
        MALFORMED_SSE(s -> FakeOpenAiServer.raw(200, "text/event-stream", "data: <html>oops</html>\n\ndata: [DONE]\n\n"),
                r -> r == Route.PASSTHROUGH ? Expected.relayed() : new Expected(502, "upstream_error", true));

        final Function<Boolean, Reply> reply;
        final Function<Route, Expected> expected;

        Fault(Function<Boolean, Reply> reply, Function<Route, Expected> expected) {
            this.reply = reply;
            this.expected = expected;
        }

        private static String type(boolean stream) {
            return stream ? "text/event-stream" : "application/json";
        }
    }

    static Stream<Arguments> cases() {
        return Arrays.stream(Fault.values()).flatMap(f -> Arrays.stream(Route.values()).map(r -> Arguments.of(f, r)));
    }

    private final FakeOpenAiServer fake = FakeUpstreamResource.server();

    @Inject
    UpstreamResilience resilience;

    @Inject
    UpstreamRegistry upstreams;

    @TestHTTPResource("/v1/chat/completions")
    URI chatUri;

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void anUpstreamFaultIsACleanErrorThatCountsOnlyWhenItIsTheUpstreams(Fault fault, Route route) throws Exception {
        String model = fault == Fault.CONNECTION_REFUSED ? route.model.replace("fault-model", "refused-model") : route.model;
        Upstream upstream = upstreams.get(fault == Fault.CONNECTION_REFUSED ? "refused" : "faults");
        Reply reply = fault.reply.apply(route.stream);
        if (reply != null) {
            fake.enqueue(reply);
        }
        int failuresBefore = resilience.consecutiveFailures(upstream);
        Expected expected = fault.expected.apply(route);

        long started = System.nanoTime();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(chatUri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model + "\",\"stream\":" + route.stream
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).as("status; body %s", head(response.body())).isEqualTo(expected.status());
        assertThat(tookMillis).as("answered within the total timeout and a grace").isLessThan(10_000);
        if (expected.code() != null || expected.status() != 200) {
            JsonNode error = JSON.readTree(response.body()).path("error");
            assertThat(error.path("message").asText()).isNotBlank().doesNotContainPattern(INTERNALS);
            if (fault != Fault.HTTP_429_LONG_RETRY_AFTER) { // there the upstream's own message is kept
                assertThat(error.path("message").asText()).contains("'" + upstream.name() + "'");
            }
            assertThat(error.path("type").isTextual()).isTrue();
            assertThat(error.has("param") && error.has("code")).as("OpenAI error fields").isTrue();
            if (expected.code() != null) {
                assertThat(error.path("code").asText()).isEqualTo(expected.code());
            }
            assertThat(response.body()).doesNotContain(String.valueOf(fake.port()));
        }
        if (fault == Fault.HTTP_429_LONG_RETRY_AFTER) {
            assertThat(response.headers().firstValue("Retry-After")).as("a long Retry-After is the client's").hasValue("30");
        }
        int failuresAfter = resilience.consecutiveFailures(upstream);
        if (expected.upstreamFault()) {
            // the passthrough counts a response head as a success, so a body fault after it is the first in a row
            boolean afterHead = route == Route.PASSTHROUGH
                    && (fault == Fault.RESET_MID_BODY || fault == Fault.STALL_AFTER_HEADERS || fault == Fault.TRICKLE);
            assertThat(failuresAfter).as("the breaker counts an upstream fault once")
                    .isEqualTo(afterHead ? 1 : failuresBefore + 1);
        } else {
            assertThat(failuresAfter).as("a relayed answer is no fault").isZero();
        }
    }

    @org.junit.jupiter.api.Test
    void garbageAfterTheStreamStartedEndsItWithAnErrorEventNotAStop() throws Exception {
        fake.enqueue(FakeOpenAiServer.sse(java.util.List.of(
                FakeOpenAiServer.chunk("fault-model", "{\"role\":\"assistant\",\"content\":\"Half an ans\"}", null),
                "<html>proxy error</html>"), Duration.ZERO, true));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(chatUri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"grounded/fault-model\",\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String[] events = response.body().split("\n\n");
        assertThat(response.body()).contains("Half an ans").doesNotContain("\"finish_reason\":\"stop\"")
                .doesNotContain("[DONE]");
        JsonNode last = JSON.readTree(events[events.length - 1].substring("data: ".length()));
        assertThat(last.at("/error/code").asText()).isEqualTo("upstream_error");
        assertThat(last.at("/error/message").asText()).contains("'faults'").doesNotContainPattern(INTERNALS);
    }

    private static String head(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
