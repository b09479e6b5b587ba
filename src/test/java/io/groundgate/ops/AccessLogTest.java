package io.groundgate.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The access log's line for each kind of answer, read from its MDC fields: who asked (a key refused by its rate limit is
 * named; an unknown key is not) and how many bytes went out, over HTTP/1.1 and over HTTP/2 (h2c), where a response
 * ended on a worker thread counts its bytes only once its event loop has written them.
 */
@QuarkusTest
@TestProfile(AccessLogProfile.class)
class AccessLogTest {

    @TestHTTPResource("/")
    URL root;

    private final List<Map<String, String>> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(Map.copyOf(((ExtLogRecord) record).getMdcCopy()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("groundgate.access").addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("groundgate.access").removeHandler(capture);
    }

    @Test
    void aRateLimitedRequestNamesItsKey() throws Exception {
        HttpClient client = client(HttpClient.Version.HTTP_1_1);
        assertThat(send(client, get("/v1/models", AccessLogProfile.LIMITED)).statusCode()).isEqualTo(200);
        assertLogged(send(client, get("/v1/models", AccessLogProfile.LIMITED)), 429, "one-shot");
    }

    @Test
    void anUnknownKeyStaysUnauthenticated() throws Exception {
        assertLogged(send(client(HttpClient.Version.HTTP_1_1), get("/v1/models", "sk-nobody-knows")), 401,
                "unauthenticated");
    }

    private void assertLogged(HttpResponse<String> response, int status, String key) {
        assertThat(response.statusCode()).isEqualTo(status);
        Map<String, String> line = lineOf(response);
        assertThat(line).containsEntry("key", key).containsEntry("status", Integer.toString(status));
        assertThat(line.get("bytesOut")).isEqualTo(bytes(response));
    }

    @Test
    void theModelListCountsTheBytesItSentOverEitherProtocol() throws Exception {
        for (HttpClient.Version version : HttpClient.Version.values()) {
            HttpResponse<String> models = send(client(version), get("/v1/models", AccessLogProfile.OPS));
            assertThat(models.statusCode()).isEqualTo(200);
            assertThat(models.version()).isEqualTo(version);

            Map<String, String> line = lineOf(models);
            assertThat(line).as(version.name()).containsEntry("key", "ops").containsEntry("status", "200");
            assertThat(Long.parseLong(line.get("bytesOut"))).as(version.name()).isPositive();
            assertThat(line.get("bytesOut")).as(version.name()).isEqualTo(bytes(models));
        }
    }

    @Test
    void anErrorFromAResourceCountsTheBytesItSent() throws Exception {
        HttpResponse<String> missing = send(client(HttpClient.Version.HTTP_2),
                get("/v1/models/no-such-model", AccessLogProfile.OPS));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.version()).isEqualTo(HttpClient.Version.HTTP_2);

        Map<String, String> line = lineOf(missing);
        assertThat(line).containsEntry("key", "ops").containsEntry("status", "404");
        assertThat(line.get("bytesOut")).isEqualTo(bytes(missing));
    }

    @Test
    void aChatAnswerCountsTheBytesItSentOverEitherProtocol() throws Exception {
        for (HttpClient.Version version : HttpClient.Version.values()) {
            HttpResponse<String> answer = send(client(version), HttpRequest.newBuilder(uri("/v1/chat/completions"))
                    .header("Authorization", "Bearer " + AccessLogProfile.OPS).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"groundgate-local\",\"messages\":"
                            + "[{\"role\":\"user\",\"content\":\"What is the density of gold?\"}]}"))
                    .build());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.version()).isEqualTo(version);

            Map<String, String> line = lineOf(answer);
            assertThat(line).as(version.name()).containsEntry("key", "ops").containsEntry("route", "local");
            assertThat(line.get("bytesOut")).as(version.name()).isEqualTo(bytes(answer));
        }
    }

    /** A client on one connection; for HTTP/2 that connection is upgraded (h2c) first, on a path the log leaves out. */
    private HttpClient client(HttpClient.Version version) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5)).build();
        assertThat(send(client, HttpRequest.newBuilder(uri("/q/health/live")).build()).version()).isEqualTo(version);
        return client;
    }

    private HttpRequest get(String path, String key) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).build();
    }

    private URI uri(String path) {
        return URI.create(root.toString()).resolve(path);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The line is written when the response has ended, which may be just after the client has read it. */
    private Map<String, String> lineOf(HttpResponse<String> response) {
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        return await().atMost(Duration.ofSeconds(5)).until(
                () -> lines.stream().filter(line -> requestId.equals(line.get("requestId"))).findFirst().orElse(null),
                line -> line != null);
    }

    private static String bytes(HttpResponse<String> response) {
        return Integer.toString(response.body().getBytes(StandardCharsets.UTF_8).length);
    }
}
