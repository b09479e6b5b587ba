package io.groundgate.grounding.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.kg.KnowledgeGraph;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** {@code groundgate-local} through {@code /v1/chat/completions}: OpenAI's shapes plus {@code grounding}. */
@QuarkusTest
class LocalRouteTest {

    static final String PATH = "/v1/chat/completions";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KnowledgeGraph kg;

    static String request(String question, boolean stream) {
        return "{\"model\":\"groundgate-local\"," + (stream ? "\"stream\":true,\"stream_options\":{\"include_usage\":true}," : "")
                + "\"messages\":[{\"role\":\"system\",\"content\":\"ignored\"},{\"role\":\"user\",\"content\":\"What is 2+2?\"},"
                + "{\"role\":\"assistant\",\"content\":\"4\"},{\"role\":\"user\",\"content\":\"" + question + "\"}]}";
    }

    @Test
    void answersTheLastUserMessageWithGrounding() {
        GraphExpectations graph = new GraphExpectations(kg.snapshot());
        String density = graph.number(LocalPlannerTest.GOLD, GraphExpectations.GG + "density").toPlainString();
        given().contentType(ContentType.JSON).body(request("What is the density of gold?", false))
                .when().post(PATH).then().statusCode(200)
                .body("object", equalTo("chat.completion"))
                .body("model", equalTo("groundgate-local"))
                .body("choices[0].message.role", equalTo("assistant"))
                .body("choices[0].message.content", containsString(density + " g/cm³"))
                .body("choices[0].finish_reason", equalTo("stop"))
                .body("usage.prompt_tokens", equalTo(6))
                .body("grounding.route", equalTo("local"))
                .body("grounding.rounds", equalTo(0))
                .body("grounding.graph_version", equalTo(kg.snapshot().version()))
                .body("grounding.steps.tool", hasItems("kg_search", "sparql_query"))
                .body("grounding.sources", hasItems(graph.datasetSources(LocalPlannerTest.GOLD).toArray()))
                .body("grounding.unresolved", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void reportsWhatItCouldNotGround() {
        given().contentType(ContentType.JSON).body(request("What is the GDP of France?", false))
                .when().post(PATH).then().statusCode(200)
                .body("choices[0].message.content", containsString("could not find"))
                .body("grounding.unresolved[0]", notNullValue());
    }

    @Test
    void streamsTheAnswerInPiecesWithGroundingLast() throws Exception {
        String whole = given().contentType(ContentType.JSON).body(request("Which is denser, gold or lead?", false))
                .when().post(PATH).then().statusCode(200).extract().path("choices[0].message.content");
        String body = given().contentType(ContentType.JSON).body(request("Which is denser, gold or lead?", true))
                .when().post(PATH).then().statusCode(200).header("Content-Type", containsString("text/event-stream"))
                .extract().asString();
        assertThat(body.trim()).endsWith("data: [DONE]");
        List<JsonNode> chunks = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("data: {")) {
                chunks.add(JSON.readTree(line.substring(6)));
            }
        }
        assertThat(chunks.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        StringBuilder text = new StringBuilder();
        int pieces = 0;
        for (JsonNode c : chunks) {
            assertThat(c.path("object").asText()).isEqualTo("chat.completion.chunk");
            JsonNode content = c.at("/choices/0/delta/content");
            if (content.isTextual() && !content.asText().isEmpty()) {
                text.append(content.asText());
                pieces++;
            }
        }
        assertThat(pieces).isGreaterThan(1);
        assertThat(text.toString()).isEqualTo(whole);
        JsonNode finish = chunks.get(chunks.size() - 2);
        assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.path("choices")).isEmpty();
        assertThat(last.at("/grounding/route").asText()).isEqualTo("local");
        assertThat(last.at("/usage/completion_tokens").asLong()).isEqualTo(whole.split("\\s+").length);
        chunks.subList(0, chunks.size() - 1).forEach(c -> assertThat(c.has("grounding")).isFalse());
    }
}
