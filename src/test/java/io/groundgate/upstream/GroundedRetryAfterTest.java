package io.groundgate.upstream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The grounded route honours a 429's {@code Retry-After} as the passthrough does: a short one is waited out before the
 * retry, a long one goes back to the client with the header. {@code fake} retries once.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class GroundedRetryAfterTest {

    private static final String BUSY = "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\",\"code\":\"rate_limit_exceeded\"}}";

    private final FakeOpenAiServer fake = FakeUpstreamResource.server();

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = { false, true })
    void aShortRetryAfterIsWaitedOutBeforeTheRetry(boolean stream) {
        fake.enqueue(FakeOpenAiServer.json(429, BUSY, Map.of("Retry-After", "1")), FakeOpenAiServer.completion("after the pause"));
        String body = given().contentType(ContentType.JSON).body(request(stream))
                .when().post("/v1/chat/completions")
                .then().statusCode(200).extract().asString();
        assertThat(body).contains("he pause");
        List<FakeOpenAiServer.Recorded> requests = fake.requests();
        assertThat(requests).hasSize(2);
        long waited = requests.get(1).atNanos() - requests.get(0).atNanos();
        assertThat(Duration.ofNanos(waited)).as("the retry waited for Retry-After").isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = { false, true })
    void aLongRetryAfterIsHandedToTheClient(boolean stream) {
        fake.enqueue(FakeOpenAiServer.json(429, BUSY, Map.of("Retry-After", "30")));
        given().contentType(ContentType.JSON).body(request(stream))
                .when().post("/v1/chat/completions")
                .then().statusCode(429)
                .header("Retry-After", "30")
                .body("error.code", equalTo("rate_limit_exceeded"))
                .body("error.message", containsString("slow down"));
        assertThat(fake.requests()).as("not retried against a long pause").hasSize(1);
    }

    private static String request(boolean stream) {
        return "{\"model\":\"grounded/fake-model\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }
}
