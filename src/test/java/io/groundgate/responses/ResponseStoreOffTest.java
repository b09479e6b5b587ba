package io.groundgate.responses;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * {@code previous_response_id} with the response store switched off ({@code groundgate.responses.store-max-entries=0}):
 * refused over HTTP with a 400 that says why and what to do instead, before any upstream is called.
 */
@QuarkusTest
@TestProfile(ResponseStoreOffProfile.class)
@QuarkusTestResource(FakeUpstreamResource.class)
public class ResponseStoreOffTest {

    private static final String PATH = "/v1/responses";

    private final FakeOpenAiServer fake = FakeUpstreamResource.server();

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void aResponseJustGivenCannotBeContinuedAndTheClientIsToldWhy() {
        fake.enqueue(FakeOpenAiServer.completion("first"));
        String id = given().contentType(ContentType.JSON).body("{\"model\":\"grounded/fake-model\",\"input\":\"hi\"}")
                .post(PATH).then().statusCode(200).extract().path("id");
        assertThat(fake.requests()).hasSize(1);

        given().contentType(ContentType.JSON).body("{\"model\":\"grounded/fake-model\",\"input\":\"again\","
                + "\"previous_response_id\":\"" + id + "\"}").post(PATH).then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.param", equalTo("previous_response_id"))
                .body("error.code", equalTo("previous_response_not_supported"))
                .body("error.message", containsString("groundgate.responses.store-max-entries=0"))
                .body("error.message", containsString("whole conversation"))
                .body("error.message", not(containsString("Exception")));
        assertThat(fake.requests()).hasSize(1); // refused before the upstream is called
    }

    @Test
    void theLocalRouteAndStreamedRequestsAreRefusedAlike() {
        for (String stream : new String[] {"false", "true"}) {
            given().contentType(ContentType.JSON).body("{\"model\":\"groundgate-local\",\"input\":\"2+2\",\"stream\":"
                    + stream + ",\"previous_response_id\":\"resp_any\"}").post(PATH).then().statusCode(400)
                    .contentType(ContentType.JSON)
                    .body("error.param", equalTo("previous_response_id"))
                    .body("error.code", equalTo("previous_response_not_supported"));
        }
        assertThat(fake.requests()).isEmpty();
    }
}
