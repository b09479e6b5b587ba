package io.groundgate.api;

import static io.groundgate.testing.OpenAiErrors.assertOpenAiError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeUpstreamResource;
import io.groundgate.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * What the HTTP layer answers to broken, slow, oversized or abandoned requests: always an OpenAI error body with the
 * right 4xx, never an empty body, a 500, or an ERROR log line; and a missing upstream key file is a 503 and a DOWN
 * readiness, not a 500.
 */
@QuarkusTest
@TestProfile(HttpHygieneProfile.class)
class HttpHygieneTest {

    private static final String CHAT = "/v1/chat/completions";
    private static final Map<String, String> JSON_TYPE = Map.of("Content-Type", "application/json");

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    // ---- finding 5: memory follows arriving bytes; a stalled body is cut off --------------------------------------

    @Test
    void aDeclaredLengthReservesAtMostASmallBufferBeforeBytesArrive() {
        assertThat(BoundedBody.initialCapacity(4L * 1024 * 1024)).isLessThanOrEqualTo(8 * 1024);
        assertThat(BoundedBody.initialCapacity(Integer.MAX_VALUE)).isLessThanOrEqualTo(8 * 1024);
        assertThat(BoundedBody.initialCapacity(100)).isEqualTo(100);
    }

    @Test
    void aBodyThatStopsArrivingGets408AndTheConnectionIsClosed() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(15_000);
            String head = "POST " + CHAT + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 4194304\r\n\r\n{";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            long started = System.nanoTime();
            InputStream in = socket.getInputStream();
            RawHttp.Response response = RawHttp.read(in);
            assertThat(response.status()).isEqualTo(408);
            assertOpenAiError(response);
            assertThat(response.body()).contains("request_timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(12));
            assertThat(in.read()).as("the connection is closed after the 408").isEqualTo(-1);
        }
    }

    // ---- finding 14: HTTP-layer errors in OpenAI format ----------------------------------------------------------

    @Test
    void aTwentyMegabyteToolBodyGets413InOpenAiFormat() throws IOException {
        RawHttp.Response response = RawHttp.exchange(port, ("POST /v1/tools/calculator/invoke HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: 20971520\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
                "{\"expression\":".getBytes(StandardCharsets.US_ASCII), 15_000);
        assertThat(response.status()).isEqualTo(413);
        assertOpenAiError(response);
    }

    @Test
    void unknownPathsAndWrongMethodsGetOpenAiErrors() throws IOException {
        for (String[] probe : List.of(new String[] {"GET", "/v1/nope"}, new String[] {"POST", "/v1/chat/completion"},
                new String[] {"GET", "/nope"}, new String[] {"GET", CHAT}, new String[] {"DELETE", "/v1/models"},
                new String[] {"PATCH", "/v1/tools"}, new String[] {"PUT", "/sparql"})) {
            RawHttp.Response response = RawHttp.send(port, probe[0], probe[1], JSON_TYPE, new byte[0]);
            assertThat(response.status()).as("%s %s", probe[0], probe[1]).isIn(404, 405, 415);
            assertOpenAiError(response);
        }
    }

    @Test
    void deeplyNestedJsonIsA400WithAMessage() throws IOException {
        String deep = "[".repeat(50_000) + "]".repeat(50_000);
        for (String[] target : List.of(new String[] {CHAT, "{\"model\":\"groundgate-local\",\"messages\":" + deep + "}"},
                new String[] {"/v1/tools/calculator/invoke", "{\"expression\":" + deep + "}"})) {
            RawHttp.Response response = RawHttp.send(port, "POST", target[0], JSON_TYPE,
                    target[1].getBytes(StandardCharsets.UTF_8));
            assertThat(response.status()).as(target[0]).isEqualTo(400);
            assertOpenAiError(response);
            assertThat(response.body()).doesNotContain("java.", "com.fasterxml", "StreamReadConstraints");
        }
    }

    @Test
    void aWrongTypeIsExplainedInJsonTermsWithoutJavaClassNames() throws IOException {
        RawHttp.Response response = RawHttp.send(port, "POST", CHAT, JSON_TYPE,
                "{\"model\":\"groundgate-local\",\"max_tokens\":\"many\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(400);
        assertOpenAiError(response);
        assertThat(response.body()).contains("max_tokens").contains("integer").doesNotContain("java.");
    }

    @Test
    void aNegativeContentLengthIsA400() throws IOException {
        RawHttp.Response response = RawHttp.exchange(port, ("POST " + CHAT + " HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: -5\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
                new byte[0], 15_000);
        assertThat(response.status()).isEqualTo(400);
    }

    // ---- finding 11: a client that goes away is not an error -----------------------------------------------------

    @Test
    void aClientThatGoesAwayMidRequestOrMidStreamLogsNoError() throws Exception {
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            for (int i = 0; i < 5; i++) {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    socket.getOutputStream().write(("POST " + CHAT + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                            + "\r\nContent-Length: 500\r\n\r\n{\"model\":").getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                }
                FakeUpstreamResource.server().enqueue(FakeOpenAiServer.sseGated(
                        List.of(FakeOpenAiServer.chunk("fake-model", "{\"content\":\"a\"}", null)),
                        new java.util.concurrent.CountDownLatch(1), List.of()));
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    byte[] body = "{\"model\":\"fake-model\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                            .getBytes(StandardCharsets.UTF_8);
                    socket.getOutputStream().write(("POST " + CHAT + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                            + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().write(body);
                    socket.getInputStream().read(); // the stream has begun; now the client goes away
                }
            }
            Thread.sleep(1_500);
            assertThat(errors).extracting(LogRecord::getMessage).isEmpty();
        } finally {
            root.removeHandler(capture);
        }
    }

    // ---- finding 15: an upstream whose key file is missing ------------------------------------------------------

    @Test
    void anUpstreamWithoutItsKeyFileIs503AndNotReadyUntilTheFileAppears() throws Exception {
        byte[] chat = "{\"model\":\"late-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Response refused = RawHttp.send(port, "POST", CHAT, JSON_TYPE, chat);
        assertThat(refused.status()).isEqualTo(503);
        assertOpenAiError(refused);
        assertThat(refused.body()).contains("upstream_misconfigured").contains("'late'")
                .doesNotContain(HttpHygieneProfile.MISSING_KEY.toString());
        RawHttp.Response ready = RawHttp.send(port, "GET", "/q/health/ready", Map.of(), null);
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.body()).contains("\"upstreams\"").contains("late").contains("DOWN");

        Files.createDirectories(HttpHygieneProfile.MISSING_KEY.getParent());
        Files.writeString(HttpHygieneProfile.MISSING_KEY, "sk-mounted-late\n");
        FakeUpstreamResource.server().reset();
        FakeUpstreamResource.server().enqueue(FakeOpenAiServer.completion("healed"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            RawHttp.Response healed = RawHttp.send(port, "POST", CHAT, JSON_TYPE, chat);
            assertThat(healed.status()).isEqualTo(200);
        });
        assertThat(FakeUpstreamResource.server().lastRequest().header("Authorization")).isEqualTo("Bearer sk-mounted-late");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(
                () -> assertThat(RawHttp.send(port, "GET", "/q/health/ready", Map.of(), null).body()).doesNotContain("\"late\""));
    }
}
