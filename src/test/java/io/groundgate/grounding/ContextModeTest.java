package io.groundgate.grounding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A model without function calling gets the question's facts as a system message, with citations, and no tools. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class ContextModeTest {

    private final FakeOpenAiServer fake = FakeUpstreamResource.server();

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void factsTravelAsContextInsteadOfTools() {
        // the expected value comes from the knowledge graph itself, not from memory
        String density = given().queryParam("query", "PREFIX gg: <https://w3id.org/groundgate/ontology#> "
                + "SELECT ?d WHERE { <https://w3id.org/groundgate/resource/element/Au> gg:density ?d }")
                .accept("application/sparql-results+json").get("/sparql")
                .then().statusCode(200).extract().jsonPath().getString("results.bindings[0].d.value");
        fake.enqueue(FakeOpenAiServer.completion("Gold's density is " + density + " g/cm^3."));

        JsonPath reply = given().contentType(ContentType.JSON)
                .body("{\"model\":\"grounded/ctx-model\",\"messages\":[{\"role\":\"user\",\"content\":\"What is the density of gold?\"}],"
                        + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"own_tool\"}}]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(200).extract().jsonPath();

        JsonNode sent = fake.lastRequest().json();
        assertThat(sent.has("tools")).as("no tools for a model without function calling").isFalse();
        String system = sent.at("/messages/0/content").asText();
        assertThat(system).contains("Facts from the GroundGate knowledge graph").contains(density);
        assertThat(sent.at("/messages/1/content").asText()).isEqualTo("What is the density of gold?");
        assertThat(reply.getString("grounding.route")).isEqualTo("grounded-context");
        assertThat(reply.getList("grounding.steps")).isNotEmpty();
        assertThat(reply.getList("grounding.sources")).isNotEmpty();
    }

    @Test
    void modelsShowTheContextMode() {
        given().get("/v1/models/grounded/ctx-model").then().statusCode(200)
                .body("groundgate.grounding_mode", org.hamcrest.Matchers.equalTo("context"));
    }
}
