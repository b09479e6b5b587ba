package io.groundgate.conformance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The official OpenAI Node SDK against the embedded planner: grounded, cited answers, whole and streamed. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class NodeSdkLocalTest {

    @TestHTTPResource("/v1")
    URL gateway;

    @Test
    void theLocalPlannerAnswersThroughTheSdk() throws Exception {
        // the expected value is read from the knowledge graph, not typed from memory
        String meltingPoint = given().queryParam("query", "PREFIX gg: <https://w3id.org/groundgate/ontology#> "
                + "SELECT ?m WHERE { <https://w3id.org/groundgate/resource/element/Fe> gg:meltingPoint ?m }")
                .accept("application/sparql-results+json").get("/sparql")
                .then().statusCode(200).extract().jsonPath().getString("results.bindings[0].m.value");

        List<JsonNode> steps = NodeSdk.run(gateway.toString(), "groundgate-local", "models,complete,stream,error",
                Map.of("GG_QUESTION", "What is the melting point of iron?"));

        assertThat(steps).allSatisfy(step -> assertThat(step.path("ok").asBoolean()).as(step.toString()).isTrue());
        JsonNode whole = steps.get(1).path("result");
        JsonNode streamed = steps.get(2).path("result");
        assertThat(whole.path("content").asText()).contains(meltingPoint.replaceAll("\\.0+$", ""));
        assertThat(streamed.path("content").asText()).isEqualTo(whole.path("content").asText());
        assertThat(whole.at("/grounding/route").asText()).isEqualTo("local");
        assertThat(whole.at("/grounding/sources")).isNotEmpty();
        assertThat(streamed.at("/grounding/steps")).isNotEmpty();
    }
}
