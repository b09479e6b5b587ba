package io.groundgate.grounding.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.kg.KnowledgeGraph;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A declarative tool written into a temporary folder answers on {@code groundgate-local} what the planner cannot, when
 * its own words fit the question and the question gives its arguments; never with missing or extra arguments.
 */
@QuarkusTest
@TestProfile(CrowdingToolProfile.class)
class LocalToolUseTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String GG = "https://w3id.org/groundgate/ontology#";

    @Inject
    KnowledgeGraph kg;

    static JsonNode ask(String question) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("model", "groundgate-local");
        body.putArray("messages").addObject().put("role", "user").put("content", question);
        return JSON.readTree(given().contentType(ContentType.JSON).body(body.toString()).when()
                .post("/v1/chat/completions").then().statusCode(200).extract().asString());
    }

    @Test
    void aMatchingToolWithCompleteArgumentsAnswersThroughTheRegistry() throws Exception {
        GraphExpectations graph = new GraphExpectations(kg.snapshot());
        String japan = "https://w3id.org/groundgate/resource/country/JPN";
        BigDecimal perKm = graph.number(japan, GG + "population")
                .divide(graph.number(japan, GG + "area"), 1, RoundingMode.HALF_UP);
        double before = calls("crowding");

        JsonNode reply = ask("How crowded is Japan?");
        String text = reply.at("/choices/0/message/content").asText();
        assertThat(text).startsWith("Japan: ").contains(perKm.toPlainString() + " people per square kilometre");
        JsonNode step = reply.at("/grounding/steps/0");
        assertThat(step.path("tool").asText()).isEqualTo("crowding");
        assertThat(step.at("/arguments/place").asText()).isEqualTo("Japan");
        assertThat(step.path("query").asText()).contains("population");
        assertThat(reply.at("/grounding/sources").size()).isPositive();
        assertThat(reply.at("/grounding/unresolved").isMissingNode()).isTrue();
        assertThat(calls("crowding")).isEqualTo(before + 1); // counted once, by the registry
    }

    @Test
    void aFollowUpReachesTheToolToo() throws Exception {
        ObjectNode body = JSON.createObjectNode().put("model", "groundgate-local");
        var messages = body.putArray("messages");
        messages.addObject().put("role", "user").put("content", "How crowded is Japan?");
        messages.addObject().put("role", "assistant").put("content", "Japan: 331.5 people per square kilometre.");
        messages.addObject().put("role", "user").put("content", "And France?");
        JsonNode reply = JSON.readTree(given().contentType(ContentType.JSON).body(body.toString()).when()
                .post("/v1/chat/completions").then().statusCode(200).extract().asString());
        assertThat(reply.at("/choices/0/message/content").asText()).startsWith("France: ");
    }

    @Test
    void noToolIsCalledWithMissingOrUnclaimedArguments() throws Exception {
        double before = calls("crowding");
        // no country named; two countries for one parameter; a word the tool does not speak of ("rainy")
        for (String q : new String[] {"How crowded is it there?", "How crowded are Japan and France?",
                "How crowded and rainy is Japan?"}) {
            JsonNode reply = ask(q);
            for (JsonNode s : reply.at("/grounding/steps")) {
                assertThat(s.path("tool").asText()).isNotEqualTo("crowding");
            }
        }
        assertThat(calls("crowding")).isEqualTo(before);
    }

    static double calls(String tool) {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^groundgate_tool_calls_total\\{outcome=\"ok\",tool=\"" + tool
                + "\"} ([0-9.eE+-]+)$").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
