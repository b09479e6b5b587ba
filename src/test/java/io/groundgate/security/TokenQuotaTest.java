package io.groundgate.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Daily token quotas in the local store, counted from the passthrough answer's {@code usage}. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
@TestProfile(TokenQuotaProfile.class)
class TokenQuotaTest {

    private final FakeOpenAiServer fake = FakeUpstreamResource.server();

    private static final String BODY = "{\"model\":\"fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private Response chat(String key) {
        fake.enqueue(FakeOpenAiServer.completion("hello"));
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + key).body(BODY)
                .post("/v1/chat/completions");
    }

    @Test
    void aKeyOverItsQuotaGets429UntilUtcMidnightAndOtherKeysAreUnaffected() {
        fake.reset();
        // under the quota before the request: it runs, and its 15 tokens overshoot the quota of 10
        chat(TokenQuotaProfile.SPENDER).then().statusCode(200).body("usage.total_tokens", equalTo(15));
        int upstreamCalls = fake.requests().size();

        // the count is added when the answer has ended, a moment after the client has it
        Response refused = await().atMost(Duration.ofSeconds(5)).until(() -> {
            Response r = given().contentType(ContentType.JSON)
                    .header("Authorization", "Bearer " + TokenQuotaProfile.SPENDER).body(BODY)
                    .post("/v1/chat/completions");
            return r;
        }, r -> r.statusCode() == 429);
        refused.then().body("error.type", equalTo("rate_limit_error"))
                .body("error.code", equalTo("token_quota_exceeded"))
                .body("error.param", nullValue());
        String message = refused.jsonPath().getString("error.message");
        Instant midnight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(message).contains("'spender'").contains("10 tokens per day").contains("15 used today")
                .contains("resets at " + midnight);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        long untilMidnight = Duration.between(Instant.now(), midnight).toSeconds();
        assertThat(retryAfter).isBetween(untilMidnight - 5, untilMidnight + 5);
        assertThat(fake.requests()).as("a refused request never reaches the upstream").hasSize(upstreamCalls);

        chat(TokenQuotaProfile.BYSTANDER).then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("# HELP groundgate_quota_rejections Requests refused because the API key had used its daily token quota")
                .containsPattern("groundgate_quota_rejections_total\\{key=\"spender\"[^}]*\\} [1-9]")
                .doesNotContain("groundgate_quota_rejections_total{key=\"bystander\"");
    }
}
