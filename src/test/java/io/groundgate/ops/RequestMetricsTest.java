package io.groundgate.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(ObservedProfile.class)
class RequestMetricsTest {

    private static void chat(String model, int expectedStatus) {
        assertThat(chat(model)).isEqualTo(expectedStatus);
    }

    private static int chat(String model) {
        return given().contentType("application/json")
                .body("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}")
                .post("/v1/chat/completions").then().extract().statusCode();
    }

    /** The count of {@code groundgate_requests_seconds} for these tags (Prometheus sorts labels by name). */
    private static double count(String model, String route, String status) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("groundgate_requests_seconds_count\\{model=\"" + Pattern.quote(model) + "\",route=\""
                + route + "\",status=\"" + status + "\"} ([0-9.E]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void aPassthroughRequestIsCountedWithRouteModelAndStatus() {
        double before = count(FakeUpstream.MODEL, "passthrough", "200");

        chat(FakeUpstream.MODEL, 200);

        assertThat(count(FakeUpstream.MODEL, "passthrough", "200")).isEqualTo(before + 1);
    }

    @Test
    void aGroundedRequestIsCountedOnTheGroundedRoute() {
        String model = "grounded/" + FakeUpstream.MODEL;
        String status = Integer.toString(chat(model)); // whatever the tool loop makes of the fake upstream's answer
        double before = count(model, "grounded", status);

        chat(model, Integer.parseInt(status));

        assertThat(count(model, "grounded", status)).isEqualTo(before + 1);
    }

    @Test
    void histogramBucketsArePublished() {
        chat(FakeUpstream.MODEL, 200);

        assertThat(given().get("/q/metrics").asString()).containsPattern(
                "groundgate_requests_seconds_bucket\\{le=\"0\\.1\",model=\"fake-model\",route=\"passthrough\",status=\"200\"}|"
                        + "groundgate_requests_seconds_bucket\\{model=\"fake-model\",route=\"passthrough\",status=\"200\",le=\"0\\.1\"}");
    }

    @Test
    void unknownModelIdsNeverBecomeTags() {
        double before = count("none", "other", "404");

        chat("made-up-model-4711", 404);

        assertThat(count("none", "other", "404")).isEqualTo(before + 1);
        assertThat(given().get("/q/metrics").asString()).doesNotContain("made-up-model-4711");
    }

    @Test
    void otherApiRequestsAreCountedAsOther() {
        double before = count("none", "other", "200");

        given().get("/v1/models").then().statusCode(200);

        assertThat(count("none", "other", "200")).isEqualTo(before + 1);
    }
}
