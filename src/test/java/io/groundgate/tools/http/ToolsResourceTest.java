package io.groundgate.tools.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ToolsResourceTest {

    @Test
    void listsTheTools() {
        given().when().get("/v1/tools").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("object", equalTo("list"))
                .body("data.name", hasItem("calculator"))
                .body("data.find { it.name == 'calculator' }.description", containsString("exactly"))
                .body("data.find { it.name == 'calculator' }.parameters.required", hasItem("expression"))
                .body("data.find { it.name == 'calculator' }.parameters.additionalProperties", equalTo(false));
    }

    @Test
    void describesOneTool() {
        given().when().get("/v1/tools/calculator").then().statusCode(200)
                .body("name", equalTo("calculator"))
                .body("parameters.properties.expression.type", equalTo("string"));
    }

    @Test
    void unknownToolIs404InOpenAiFormat() {
        given().when().get("/v1/tools/nope").then().statusCode(404)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("tool_not_found"))
                .body("error.message", containsString("'nope'"));
        given().contentType(ContentType.JSON).body("{}").when().post("/v1/tools/nope/invoke").then().statusCode(404)
                .body("error.code", equalTo("tool_not_found"));
    }

    @Test
    void invokesTheCalculator() {
        given().contentType(ContentType.JSON).body("{\"expression\":\"19.3 g/cm^3 * 2 L in kg\"}")
                .when().post("/v1/tools/calculator/invoke").then().statusCode(200)
                .header("x-request-id", notNullValue())
                .body("tool", equalTo("calculator"))
                .body("ok", equalTo(true))
                .body("result.value", equalTo("38.6"))
                .body("result.unit", equalTo("kg"))
                .body("result.text", equalTo("38.6 kg"))
                .body("result.number", equalTo(38.6f))
                .body("result.exact", equalTo(true))
                .body("error", nullValue())
                .body("provenance.tool", equalTo("calculator"))
                .body("provenance.query", equalTo("19.3 g/cm^3 * 2 L in kg"))
                .body("provenance.arguments.expression", equalTo("19.3 g/cm^3 * 2 L in kg"))
                .body("provenance.duration_ms", notNullValue());
    }

    @Test
    void aToolLevelFailureIs200WithTheStructuredError() {
        given().contentType(ContentType.JSON).body("{\"expression\":\"1 + 2 / 0\"}")
                .when().post("/v1/tools/calculator/invoke").then().statusCode(200)
                .body("ok", equalTo(false))
                .body("result", nullValue())
                .body("error.code", equalTo("math_error"))
                .body("error.message", equalTo("At column 7: division by zero"))
                .body("provenance.tool", equalTo("calculator"));
        given().contentType(ContentType.JSON).body("{\"expression\":\"2 * (3 +\"}")
                .when().post("/v1/tools/calculator/invoke").then().statusCode(200)
                .body("error.code", equalTo("parse_error"))
                .body("error.where", equalTo("column 9"));
    }

    @Test
    void hostileExpressionsAreRefusedAsToolFailures() {
        String huge = "{\"expression\":\"" + "1+".repeat(500_000) + "1\"}";
        given().contentType(ContentType.JSON).body(huge).when().post("/v1/tools/calculator/invoke").then()
                .statusCode(200).body("error.code", equalTo("limit_exceeded"));
        given().contentType(ContentType.JSON).body("{\"expression\":\"10^10^10\"}")
                .when().post("/v1/tools/calculator/invoke").then().statusCode(200)
                .body("error.code", equalTo("limit_exceeded"));
    }

    @Test
    void schemaViolationsAre400WithTheJsonPointer() {
        given().contentType(ContentType.JSON).body("{\"expression\":42}")
                .when().post("/v1/tools/calculator/invoke").then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("invalid_arguments"))
                .body("error.param", equalTo("/expression"))
                .body("error.message", containsString("expected string, got integer"));
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/v1/tools/calculator/invoke").then().statusCode(400)
                .body("error.param", equalTo("/expression"))
                .body("error.message", containsString("missing required property 'expression'"));
        given().contentType(ContentType.JSON).body("{\"expression\":\"1\",\"precision\":5}")
                .when().post("/v1/tools/calculator/invoke").then().statusCode(400)
                .body("error.param", equalTo("/precision"));
    }

    @Test
    void anEmptyBodyCountsAsNoArguments() {
        given().contentType(ContentType.JSON).when().post("/v1/tools/calculator/invoke").then().statusCode(400)
                .body("error.param", equalTo("/expression"));
    }

    @Test
    void argumentsMustBeAJsonObject() {
        given().contentType(ContentType.JSON).body("[1,2]")
                .when().post("/v1/tools/calculator/invoke").then().statusCode(400)
                .body("error.code", equalTo("invalid_arguments"))
                .body("error.message", equalTo("The arguments must be a JSON object, not an array."));
        given().contentType(ContentType.JSON).body("\"2+2\"")
                .when().post("/v1/tools/calculator/invoke").then().statusCode(400)
                .body("error.message", containsString("not a string"));
    }

    @Test
    void malformedJsonIs400() {
        given().contentType(ContentType.JSON).body("{\"expression\": ")
                .when().post("/v1/tools/calculator/invoke").then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.message", startsWith("We could not parse the JSON body"))
                .body("error.message", not(containsString("at com.fasterxml")));
    }

    @Test
    void callsAreCountedInMetrics() {
        given().contentType(ContentType.JSON).body("{\"expression\":\"1+1\"}")
                .when().post("/v1/tools/calculator/invoke").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("groundgate_tool_calls_total{outcome=\"ok\",tool=\"calculator\"}"))
                .body(containsString("groundgate_tool_duration_seconds_count{tool=\"calculator\"}"));
    }
}
