package io.groundgate.grounding.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Conversations on {@code groundgate-local} through the HTTP routes, as an OpenAI SDK sends them: the whole history in
 * {@code messages} (chat completions) or {@code previous_response_id} (Responses). A follow-up gets the same answer as
 * the question it stands for, the resolution is a grounding step, and steps and abstentions show in {@code /q/metrics}.
 */
@QuarkusTest
class LocalConversationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode chat(String... turns) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("model", "groundgate-local");
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", "You are helpful.");
        for (int i = 0; i < turns.length; i++) {
            messages.addObject().put("role", i % 2 == 0 ? "user" : "assistant").put("content", turns[i]);
        }
        String json = given().contentType(ContentType.JSON).body(body.toString()).when().post("/v1/chat/completions")
                .then().statusCode(200).extract().asString();
        return JSON.readTree(json);
    }

    static String text(JsonNode completion) {
        return completion.at("/choices/0/message/content").asText();
    }

    static JsonNode step(JsonNode completion, String tool) {
        for (JsonNode s : completion.at("/grounding/steps")) {
            if (tool.equals(s.path("tool").asText())) {
                return s;
            }
        }
        return null;
    }

    @Test
    void aPronounFollowUpIsAnsweredAsTheQuestionItStandsFor() throws Exception {
        String first = text(chat("What is the density of gold?"));
        JsonNode followUp = chat("What is the density of gold?", first, "What is its melting point?");
        String direct = text(chat("What is the melting point of gold?"));
        assertThat(text(followUp)).isEqualTo(direct).doesNotContain("could not find");
        JsonNode step = step(followUp, "conversation");
        assertThat(step).isNotNull();
        assertThat(step.at("/result/question").asText()).isEqualTo("What is the melting point of gold?");
        assertThat(step.at("/result/text").asText()).isEqualTo("resolved \"its melting point\" to Gold");
        assertThat(followUp.at("/grounding/unresolved").isMissingNode()).isTrue();
    }

    @Test
    void themIsTheListOfThePreviousAnswerAndAndOfXRepeatsTheQuestion() throws Exception {
        String borders = text(chat("Which countries border Luxembourg?"));
        JsonNode which = chat("Which countries border Luxembourg?", borders, "Which of them has the largest area?");
        assertThat(step(which, "conversation").at("/result/question").asText())
                .startsWith("Which of ").endsWith(" has the largest area?").contains("Germany").contains("France");

        String gold = text(chat("What is the density of gold?"));
        JsonNode silver = chat("What is the density of gold?", gold, "And of silver?");
        assertThat(text(silver)).isEqualTo(text(chat("What is the density of silver?")));
    }

    @Test
    void anAmbiguousReferenceIsAskedBackAndCountedAsAnAbstention() throws Exception {
        double before = metric("groundgate_local_abstentions_total\\{reason=\"ambiguous_reference\"}");
        String answer = text(chat("Which is denser, gold or lead?"));
        JsonNode reply = chat("Which is denser, gold or lead?", answer, "How much would 3 litres of it weigh?");
        assertThat(text(reply)).contains("\"it\"").contains("Gold").contains("Lead").contains("or");
        assertThat(reply.at("/grounding/unresolved/0").asText()).contains("ambiguous");
        assertThat(metric("groundgate_local_abstentions_total\\{reason=\"ambiguous_reference\"}")).isEqualTo(before + 1);
    }

    @Test
    void theResponsesApiContinuesAPreviousResponse() throws Exception {
        String first = given().contentType(ContentType.JSON)
                .body("{\"model\":\"groundgate-local\",\"input\":\"What is the capital of France?\"}")
                .when().post("/v1/responses").then().statusCode(200).extract().asString();
        String id = JSON.readTree(first).path("id").asText();
        String second = given().contentType(ContentType.JSON)
                .body("{\"model\":\"groundgate-local\",\"input\":\"And of Japan?\",\"previous_response_id\":\"" + id
                        + "\"}")
                .when().post("/v1/responses").then().statusCode(200).extract().asString();
        String direct = text(chat("What is the capital of Japan?"));
        assertThat(outputText(JSON.readTree(second))).isEqualTo(direct).contains("Tokyo");
    }

    @Test
    void plannerStepsAndAbstentionsShowInMetrics() throws Exception {
        double sparql = metric("groundgate_tool_calls_total\\{outcome=\"ok\",tool=\"sparql_query\"}");
        double resolutions = metric("groundgate_tool_calls_total\\{outcome=\"ok\",tool=\"conversation\"}");
        double notFound = metric("groundgate_local_abstentions_total\\{reason=\"not_found\"}");
        JsonNode answered = chat("What is the density of gold?", "19.3 g/cm^3", "and of lead?");
        long sparqlSteps = count(answered, "sparql_query");
        assertThat(sparqlSteps).isPositive();
        assertThat(metric("groundgate_tool_calls_total\\{outcome=\"ok\",tool=\"sparql_query\"}"))
                .isEqualTo(sparql + sparqlSteps);
        assertThat(metric("groundgate_tool_calls_total\\{outcome=\"ok\",tool=\"conversation\"}"))
                .isEqualTo(resolutions + 1);
        chat("Qwxyzzy plumbus?");
        assertThat(metric("groundgate_local_abstentions_total\\{reason=\"not_found\"}")).isEqualTo(notFound + 1);
    }

    static long count(JsonNode completion, String tool) {
        long n = 0;
        for (JsonNode s : completion.at("/grounding/steps")) {
            n += tool.equals(s.path("tool").asText()) && s.path("ok").asBoolean() ? 1 : 0;
        }
        return n;
    }

    static String outputText(JsonNode response) {
        StringBuilder out = new StringBuilder();
        for (JsonNode item : response.path("output")) {
            for (JsonNode part : item.path("content")) {
                if ("output_text".equals(part.path("type").asText())) {
                    out.append(part.path("text").asText());
                }
            }
        }
        return out.toString();
    }

    /** One sample of {@code /q/metrics}, 0 when it is not there yet. */
    static double metric(String nameAndLabels) {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + nameAndLabels + " ([0-9.eE+-]+)$").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

}
