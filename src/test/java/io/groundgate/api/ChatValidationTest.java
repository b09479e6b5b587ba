package io.groundgate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every client mistake gets a 4xx in OpenAI's error format, never a 500. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class ChatValidationTest {

    private static final String PATH = "/v1/chat/completions";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing model             | {\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}                                   | model",
            "missing messages          | {\"model\":\"fake-model\"}                                                              | messages",
            "empty messages            | {\"model\":\"fake-model\",\"messages\":[]}                                              | messages",
            "unknown role              | {\"model\":\"fake-model\",\"messages\":[{\"role\":\"robot\",\"content\":\"hi\"}]}         | messages[0].role",
            "user without content      | {\"model\":\"fake-model\",\"messages\":[{\"role\":\"user\"}]}                             | messages[0].content",
            "content of wrong type     | {\"model\":\"fake-model\",\"messages\":[{\"role\":\"user\",\"content\":42}]}              | messages[0].content",
            "content part without type | {\"model\":\"fake-model\",\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"a\"}]}]} | messages[0].content[0]",
            "tool without tool_call_id | {\"model\":\"fake-model\",\"messages\":[{\"role\":\"tool\",\"content\":\"42\"}]}           | messages[0].tool_call_id",
            "temperature above 2       | {\"model\":\"fake-model\",\"temperature\":2.5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]} | temperature",
            "negative temperature      | {\"model\":\"fake-model\",\"temperature\":-1,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}  | temperature",
            "top_p above 1             | {\"model\":\"fake-model\",\"top_p\":1.5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}     | top_p",
            "n of 0                    | {\"model\":\"fake-model\",\"n\":0,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}          | n",
            "max_tokens of 0           | {\"model\":\"fake-model\",\"max_tokens\":0,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}  | max_tokens",
            "max_completion_tokens 0   | {\"model\":\"fake-model\",\"max_completion_tokens\":0,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]} | max_completion_tokens",
            "temperature as text       | {\"model\":\"fake-model\",\"temperature\":\"hot\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]} | temperature",
            "bad function name         | {\"model\":\"fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"no spaces allowed\"}}]} | tools[0].function.name",
            "parameters not an object  | {\"model\":\"fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"string\"}}}]} | tools[0].function.parameters",
            "tool of unknown type      | {\"model\":\"fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"tools\":[{\"type\":\"retrieval\",\"function\":{\"name\":\"f\"}}]} | tools[0].type",
    })
    void invalidRequestsAre400WithTheParam(String name, String body, String param) {
        given().contentType(ContentType.JSON).body(body)
                .when().post(PATH)
                .then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.param", equalTo(param))
                .body("error.message", notNullValue());
    }

    @Test
    void malformedJsonIs400WithItsPosition() {
        given().contentType(ContentType.JSON).body("{\"model\": \"fake-model\", \"messages\": [")
                .when().post(PATH)
                .then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.message", containsString("could not parse the JSON body"))
                .body("error.message", containsString("line 1"))
                .body("error.param", nullValue())
                .body("error.code", nullValue());
    }

    @Test
    void aJsonArrayIsNotARequest() {
        given().contentType(ContentType.JSON).body("[1,2]")
                .when().post(PATH)
                .then().statusCode(400).body("error.type", equalTo("invalid_request_error"));
    }

    @Test
    void wrongContentTypeIs415() {
        given().contentType("text/plain").body("hello")
                .when().post(PATH)
                .then().statusCode(415)
                .body("error.code", equalTo("unsupported_media_type"))
                .body("error.message", containsString("application/json"));
    }

    @Test
    void oversizedBodyIs413() {
        String big = "x".repeat(5 * 1024 * 1024);
        given().contentType(ContentType.JSON)
                .body("{\"model\":\"fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"" + big + "\"}]}")
                .when().post(PATH)
                .then().statusCode(413)
                .body("error.code", equalTo("request_too_large"))
                .body("error.type", equalTo("invalid_request_error"));
    }

    @Test
    void unknownModelIs404ModelNotFound() {
        given().contentType(ContentType.JSON)
                .body("{\"model\":\"gpt-nonexistent\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post(PATH)
                .then().statusCode(404)
                .body("error.code", equalTo("model_not_found"))
                .body("error.param", equalTo("model"));
    }

    @Test
    void getIsMethodNotAllowed() {
        given().when().get(PATH).then().statusCode(405).header("Allow", "POST").body("error.message", containsString("POST"));
    }

    @Test
    void assistantMessagesMayCarryOnlyToolCalls() {
        given().contentType(ContentType.JSON)
                .body("{\"model\":\"fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                        + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},"
                        + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"42\"}]}")
                .when().post(PATH)
                .then().statusCode(200);
    }

    @Test
    void contentPartsAreAccepted() {
        given().contentType(ContentType.JSON)
                .body("{\"model\":\"fake-model\",\"messages\":[{\"role\":\"developer\",\"content\":[{\"type\":\"text\",\"text\":\"be brief\"}]},"
                        + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/y.png\"}}]}]}")
                .when().post(PATH)
                .then().statusCode(200);
    }

    @Test
    void everyResponseCarriesRequestIdAndOverhead() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post(PATH)
                .then().statusCode(400)
                .header("x-request-id", notNullValue())
                .header("x-groundgate-overhead-ms", notNullValue());
        given().header("x-request-id", "my-trace-123").when().get("/v1/models")
                .then().statusCode(200).header("x-request-id", equalTo("my-trace-123"));
    }
}
