package io.groundgate.api;

import static io.groundgate.testing.FakeOpenAiServer.chunk;
import static io.groundgate.testing.FakeOpenAiServer.sse;
import static io.groundgate.testing.FakeOpenAiServer.sseGated;
import static io.groundgate.testing.FakeOpenAiServer.sseThenDrop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeUpstreamResource;
import io.groundgate.testing.VertxTimers;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/**
 * Nothing a passthrough request sets up outlives it: after streams that complete, break, or are abandoned by the
 * client, and after whole answers, the gateway holds no more Vert.x timers than before.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class PassthroughResourcesTest {

    private static final int ROUNDS = 40;

    private final FakeOpenAiServer fake = FakeUpstreamResource.server();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    Vertx vertx;

    @TestHTTPResource("/v1/chat/completions")
    URI chatUri;

    @Test
    void everyTimerIsCancelledWhenARequestEndsHoweverItEnds() throws Exception {
        fake.reset();
        oneOfEach(); // warm up: clients, pools and their periodic timers exist from here on
        await().atMost(Duration.ofSeconds(10)).until(() -> fake.requests().size() >= 4);
        Thread.sleep(300);
        int baseline = VertxTimers.live(vertx);
        for (int i = 0; i < ROUNDS; i++) {
            oneOfEach();
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(VertxTimers.live(vertx))
                        .as("live Vert.x timers after %d rounds of streamed, broken, abandoned and whole requests", ROUNDS)
                        .isLessThanOrEqualTo(baseline));
    }

    /** A completed stream, a stream the upstream breaks, a stream the client abandons, and a whole answer. */
    private void oneOfEach() throws Exception {
        String model = "fake-model";
        List<String> events = List.of(chunk(model, "{\"content\":\"a\"}", null), chunk(model, "{}", "stop"));
        fake.enqueue(sse(events, Duration.ZERO, true));
        assertThat(post(true).body()).contains("[DONE]");

        fake.enqueue(sseThenDrop(events));
        post(true);

        CountDownLatch never = new CountDownLatch(1);
        fake.enqueue(sseGated(List.of(events.get(0)), never, List.of()));
        HttpResponse<InputStream> abandoned = http.send(request(true), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = abandoned.body()) {
            in.read(); // the stream has begun; now the client goes away
        }
        never.countDown();

        fake.enqueue(FakeOpenAiServer.completion("whole"));
        assertThat(post(false).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> post(boolean stream) throws Exception {
        return http.send(request(stream), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(boolean stream) {
        return HttpRequest.newBuilder(chatUri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"fake-model\",\"stream\":" + stream
                        + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .build();
    }
}
