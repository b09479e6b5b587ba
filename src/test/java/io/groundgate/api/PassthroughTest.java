package io.groundgate.api;

import static io.groundgate.testing.FakeOpenAiServer.chunk;
import static io.groundgate.testing.FakeOpenAiServer.delayed;
import static io.groundgate.testing.FakeOpenAiServer.json;
import static io.groundgate.testing.FakeOpenAiServer.sse;
import static io.groundgate.testing.FakeOpenAiServer.sseGated;
import static io.groundgate.testing.FakeOpenAiServer.sseThenDrop;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The passthrough route relays bytes both ways, streams as they come, and reports upstream failures faithfully. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class PassthroughTest {

    private static final String PATH = "/v1/chat/completions";
    private final FakeOpenAiServer fake = FakeUpstreamResource.server();

    @TestHTTPResource("/v1/chat/completions")
    URI chatUri;

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void requestBodyReachesTheUpstreamByteForByteWithTheUpstreamKey() {
        String body = "{\"model\":\"fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"response_format\":{\"type\":\"json_object\"},\"seed\":7,\"logprobs\":true,\"parallel_tool_calls\":false,"
                + "\"reasoning_effort\":\"low\",\"user\":\"u-1\",\"metadata\":{\"k\":\"v\"},\"x_vendor_extension\":{\"a\":[1,2]}}";
        given().contentType(ContentType.JSON).header("Authorization", "Bearer sk-client-key").body(body)
                .when().post(PATH).then().statusCode(200);
        FakeOpenAiServer.Recorded seen = fake.lastRequest();
        assertThat(new String(seen.body(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(seen.path()).isEqualTo("/v1/chat/completions");
        assertThat(seen.header("Authorization")).isEqualTo("Bearer sk-upstream-secret");
        assertThat(seen.header("x-request-id")).isNotBlank();
    }

    @Test
    void responseBodyComesBackUntouchedWithUnknownFields() {
        String reply = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake-model\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\",\"x_reasoning\":\"r\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2},"
                + "\"system_fingerprint\":\"fp_1\",\"x_vendor\":{\"nested\":true}}";
        fake.enqueue(json(200, reply, Map.of("x-ratelimit-remaining-requests", "99")));
        String got = given().contentType(ContentType.JSON)
                .body("{\"model\":\"fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post(PATH)
                .then().statusCode(200)
                .header("x-ratelimit-remaining-requests", "99")
                .header("x-groundgate-overhead-ms", org.hamcrest.Matchers.notNullValue())
                .extract().asString();
        assertThat(got).isEqualTo(reply);
    }

    @Test
    void streamIsRelayedEventByEventBeforeTheUpstreamFinishes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        String first = chunk("fake-model", "{\"role\":\"assistant\",\"content\":\"Hel\"}", null);
        String second = chunk("fake-model", "{\"content\":\"lo\"}", "stop");
        fake.enqueue(sseGated(List.of(first), release, List.of(second)));

        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(streamRequest(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            // The upstream holds back the rest until we have seen the first event: buffering would deadlock here.
            assertThat(reader.readLine()).isEqualTo("data: " + first);
            release.countDown();
            assertThat(reader.readLine()).isEmpty();
            assertThat(reader.readLine()).isEqualTo("data: " + second);
            assertThat(reader.readLine()).isEmpty();
            assertThat(reader.readLine()).isEqualTo("data: [DONE]");
        }
    }

    @Test
    void streamedToolCallDeltasKeepOpenAisShapeExactly() {
        List<String> events = List.of(
                chunk("fake-tools", "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}", null),
                chunk("fake-tools", "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"ci\"}}]}", null),
                chunk("fake-tools", "{\"tool_calls\":[{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"get_time\",\"arguments\":\"\"}}]}", null),
                chunk("fake-tools", "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"ty\\\":\\\"Oslo\\\"}\"}}]}", null),
                chunk("fake-tools", "{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"{}\"}}]}", null),
                chunk("fake-tools", "{}", "tool_calls"),
                "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"fake-tools\",\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":9,\"total_tokens\":18}}");
        fake.enqueue(sse(events, Duration.ofMillis(5), true));
        String body = given().contentType(ContentType.JSON)
                .body("{\"model\":\"fake-tools\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"weather?\"}]}")
                .when().post(PATH).then().statusCode(200).extract().asString();
        StringBuilder expected = new StringBuilder();
        events.forEach(e -> expected.append("data: ").append(e).append("\n\n"));
        expected.append("data: [DONE]\n\n");
        assertThat(body).isEqualTo(expected.toString());
    }

    @Test
    void upstream4xxKeepsItsStatusAndMessage() {
        fake.enqueue(json(400, "{\"error\":{\"message\":\"context too long\",\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}"));
        given().contentType(ContentType.JSON).body(simple("fake-model"))
                .when().post(PATH)
                .then().statusCode(400)
                .body("error.message", equalTo("context too long"))
                .body("error.param", equalTo("messages"))
                .body("error.code", equalTo("context_length_exceeded"));
    }

    @Test
    void upstream429KeepsRetryAfter() {
        fake.enqueue(json(429, "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\",\"code\":\"rate_limit_exceeded\"}}",
                Map.of("Retry-After", "7")));
        given().contentType(ContentType.JSON).body(simple("fake-model"))
                .when().post(PATH)
                .then().statusCode(429)
                .header("Retry-After", "7")
                .body("error.type", equalTo("rate_limit_error"))
                .body("error.message", equalTo("slow down"));
    }

    @Test
    void upstream5xxIs502OnceRetriesAreSpent() {
        fake.enqueue(json(503, "overloaded"), json(503, "overloaded"));
        given().contentType(ContentType.JSON).body(simple("fake-model"))
                .when().post(PATH)
                .then().statusCode(502)
                .body("error.type", equalTo("upstream_error"))
                .body("error.message", containsString("503"));
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void a5xxIsRetriedAndTheRetryAnswers() {
        fake.enqueue(json(502, "bad gateway"));
        given().contentType(ContentType.JSON).body(simple("fake-model"))
                .when().post(PATH)
                .then().statusCode(200).body("choices[0].message.content", equalTo("echo: hi"));
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void a429WithoutALongRetryAfterIsRetried() {
        fake.enqueue(json(429, "{\"error\":{\"message\":\"busy\",\"type\":\"rate_limit_error\"}}", Map.of("Retry-After", "0")));
        given().contentType(ContentType.JSON).body(simple("fake-model"))
                .when().post(PATH)
                .then().statusCode(200);
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void aDownUpstreamFallsBackToTheNextInTheChain() {
        given().contentType(ContentType.JSON).body(simple("both-model"))
                .when().post(PATH)
                .then().statusCode(200).body("choices[0].message.content", equalTo("echo: hi"));
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void anOpenBreakerStopsCallingAFailingUpstream() {
        fake.enqueue(json(500, "down"), json(500, "down"));
        given().contentType(ContentType.JSON).body(simple("flaky-model")).when().post(PATH).then().statusCode(502);
        given().contentType(ContentType.JSON).body(simple("flaky-model")).when().post(PATH).then().statusCode(502);
        given().contentType(ContentType.JSON).body(simple("flaky-model"))
                .when().post(PATH)
                .then().statusCode(503)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("error.code", equalTo("upstream_circuit_open"));
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void unreachableUpstreamIs502() {
        given().contentType(ContentType.JSON).body(simple("dead-model"))
                .when().post(PATH)
                .then().statusCode(502)
                .body("error.code", equalTo("upstream_unreachable"))
                .body("error.message", containsString("'dead'"));
    }

    @Test
    void slowUpstreamIs504() {
        fake.enqueue(delayed(Duration.ofSeconds(4), FakeOpenAiServer.completion("too late")),
                delayed(Duration.ofSeconds(4), FakeOpenAiServer.completion("too late")));
        given().contentType(ContentType.JSON).body(simple("fake-model"))
                .when().post(PATH)
                .then().statusCode(504)
                .body("error.type", equalTo("timeout_error"));
    }

    @Test
    void connectionDroppedMidStreamEndsTheStreamWithAnError() {
        fake.enqueue(sseThenDrop(List.of(chunk("fake-model", "{\"role\":\"assistant\",\"content\":\"par\"}", null))));
        String body = given().contentType(ContentType.JSON).body(simpleStream("fake-model"))
                .when().post(PATH).then().statusCode(200).extract().asString();
        assertThat(body).startsWith("data: " + chunk("fake-model", "{\"role\":\"assistant\",\"content\":\"par\"}", null));
        assertThat(body).contains("\"code\":\"upstream_stream_broken\"").doesNotContain("[DONE]");
    }

    @Test
    void clientDisconnectCancelsTheUpstreamRequest() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        fake.enqueue(sseGated(List.of(chunk("fake-model", "{\"role\":\"assistant\",\"content\":\"a\"}", null)), never, List.of()));
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(streamRequest(), HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        assertThat(reader.readLine()).startsWith("data: ");
        response.body().close(); // the client goes away mid-stream
        long deadline = System.currentTimeMillis() + 5000;
        while (fake.cancelled().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(fake.cancelled()).containsExactly("/v1/chat/completions");
        never.countDown();
    }

    private HttpRequest streamRequest() {
        return HttpRequest.newBuilder(chatUri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(simpleStream("fake-model"))).build();
    }

    private static String simple(String model) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    private static String simpleStream(String model) {
        return "{\"model\":\"" + model + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    static final ObjectMapper JSON = new ObjectMapper();
}
