package io.groundgate.tools.kg;

import static io.groundgate.testing.FakeOpenAiServer.completion;
import static io.groundgate.testing.FakeOpenAiServer.toolCalls;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeOpenAiServer.Call;
import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** End to end: a (scripted) model on the grounded route is offered the kg and declarative tools and calls them. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class GroundedKgToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeOpenAiServer fake = FakeUpstreamResource.server();

    @BeforeEach
    void reset() {
        fake.reset();
    }

    private static JsonPath ask(String question) {
        return given().contentType(ContentType.JSON)
                .body("{\"model\":\"grounded/fake-model\",\"messages\":[{\"role\":\"user\",\"content\":"
                        + FakeOpenAiServer.quote(question) + "}]}")
                .when().post("/v1/chat/completions").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theSystemPromptCarriesTheGraphProfileTextKgSchemaShows() throws Exception {
        fake.enqueue(completion("ok"), completion("ok"));
        ask("Hello?");
        ask("Hello again?");
        String first = fake.requests().get(0).json().at("/messages/0/content").asText();
        String second = fake.requests().get(1).json().at("/messages/0/content").asText();
        assertThat(first).contains("# Classes [instances").contains("gg:Country").isEqualTo(second);
        assertThat(first).contains(DemoGraph.shared().snapshot().profile().text().lines().skip(4).findFirst()
                .orElseThrow());
    }

    @Test
    void theModelSearchesDescribesAndQueriesTheGraph() throws Exception {
        String gold = DemoGraph.RES + "element/Au";
        fake.enqueue(toolCalls(new Call("c1", "kg_search", "{\"query\":\"gold\",\"limit\":1}")),
                toolCalls(new Call("c2", "kg_describe", "{\"iri\":\"" + gold + "\"}"),
                        new Call("c3", "element_property", "{\"element\":\"Au\",\"property\":\"density\"}")),
                completion("Gold's density is as stated."));
        JsonPath response = ask("What is the density of gold?");
        assertThat(response.getList("grounding.steps.tool", String.class))
                .containsExactly("kg_search", "kg_describe", "element_property");
        assertThat(response.getList("grounding.steps.ok", Boolean.class)).containsOnly(true);

        JsonNode first = fake.requests().get(0).json();
        List<String> offered = new ArrayList<>();
        first.path("tools").forEach(t -> offered.add(t.at("/function/name").asText()));
        assertThat(offered).contains("kg_search", "kg_describe", "kg_schema", "sparql_query", "element_property",
                "country_facts", "compare_countries", "material_mass");

        String density = DemoGraph.value("SELECT ?v WHERE { <" + gold + "> gg:density ?v }").getLiteralLexicalForm();
        List<JsonNode> results = new ArrayList<>();
        fake.requests().get(2).json().path("messages").forEach(m -> {
            if (m.path("role").asText().equals("tool")) {
                results.add(m);
            }
        });
        assertThat(results).hasSize(3);
        assertThat(results.get(0).path("content").asText()).contains(gold);
        JsonNode property = JSON.readTree(results.get(2).path("content").asText());
        assertThat(property.findValue("value").decimalValue()).isEqualByComparingTo(new BigDecimal(density));
    }

    @Test
    void aBrokenQueryGoesBackToTheModelWithItsPosition() {
        fake.enqueue(toolCalls(new Call("c1", "sparql_query", "{\"query\":\"SELECT ?x WHERE {\\n ?x ?p }\"}")),
                completion("Sorry."));
        JsonPath response = ask("List things");
        assertThat(response.getString("grounding.steps[0].error.code")).isEqualTo("parse_error");
        assertThat(response.getString("grounding.steps[0].error.where")).startsWith("line 2, column");
    }
}
