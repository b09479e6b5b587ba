package io.groundgate.upstream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A client's mistake is a 400 before any upstream call and never counts against the upstream: {@code touchy}'s breaker
 * opens after two upstream faults, and other clients must not notice one client's malformed tools.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class ClientMistakeTest {

    private static final String MALFORMED_TOOL = "{\"type\":\"function\",\"function\":{\"name\":\"f\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":1}}}}";

    private final FakeOpenAiServer fake = FakeUpstreamResource.server();

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void malformedToolSchemasAre400sThatNeverReachOrTripTheUpstream() {
        for (String model : new String[] { "grounded/touchy-model", "touchy-model" }) {
            for (int i = 0; i < 6; i++) {
                given().contentType(ContentType.JSON).body(request(model, MALFORMED_TOOL, false))
                        .when().post("/v1/chat/completions")
                        .then().statusCode(400)
                        .body("error.type", equalTo("invalid_request_error"))
                        .body("error.param", equalTo("tools[0].function.parameters"))
                        .body("error.message", containsString("/properties/city"))
                        .body("error.message", not(containsString("Exception")))
                        .body("error.message", not(containsString("java.")));
            }
        }
        assertThat(fake.requests()).as("no malformed request reached the upstream").isEmpty();

        // another client, same upstream: its breaker is still closed
        given().contentType(ContentType.JSON).body(request("grounded/touchy-model", null, false))
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .body("choices[0].message.content", containsString("hello"));
    }

    @Test
    void booleanSubschemasAreValidAndReachTheModelAsObjects() {
        String tool = "{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"anything\":true,\"nothing\":false}}}}";
        given().contentType(ContentType.JSON).body(request("grounded/fake-model", tool, false))
                .when().post("/v1/chat/completions")
                .then().statusCode(200);
        var properties = java.util.stream.StreamSupport.stream(fake.lastRequest().json().path("tools").spliterator(), false)
                .filter(t -> "f".equals(t.at("/function/name").asText())).findFirst().orElseThrow()
                .at("/function/parameters/properties");
        assertThat(properties.get("anything").toString()).isEqualTo("{}");
        assertThat(properties.get("nothing").toString()).isEqualTo("{\"not\":{}}");
    }

    @Test
    void malformedNestedSchemasAreFoundWhereverTheyAre() {
        String tool = "{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"a\":{\"type\":\"array\",\"items\":{\"anyOf\":[{\"type\":\"string\"},\"x\"]}}}}}}";
        given().contentType(ContentType.JSON).body(request("grounded/fake-model", tool, true))
                .when().post("/v1/chat/completions")
                .then().statusCode(400)
                .body("error.param", equalTo("tools[0].function.parameters"))
                .body("error.message", containsString("/properties/a/items/anyOf/1"));
        assertThat(fake.requests()).isEmpty();
    }

    private static String request(String model, String tool, boolean stream) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]"
                + (tool == null ? "" : ",\"tools\":[" + tool + "]") + "}";
    }
}
