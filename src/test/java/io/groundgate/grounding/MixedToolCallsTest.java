package io.groundgate.grounding;

import static io.groundgate.testing.FakeOpenAiServer.completion;
import static io.groundgate.testing.FakeOpenAiServer.toolCalls;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeOpenAiServer.Call;
import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * One model response calls a gateway tool and a client tool: the gateway runs its own, hands the client's back, and when
 * the client continues, the upstream sees the whole assistant message with every call answered in order.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class MixedToolCallsTest {

    private static final String PATH = "/v1/chat/completions";
    private static final String TOOLS = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}]";
    private static final String USER = "{\"role\":\"user\",\"content\":\"6*7, and the weather in Oslo?\"}";
    private final FakeOpenAiServer fake = FakeUpstreamResource.server();

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void runsTheGatewayCallHandsBackTheClientsAndSplicesBothIntoTheNextRound() {
        fake.enqueue(both());
        JsonNode first = post("{\"model\":\"grounded/fake-model\",\"messages\":[" + USER + "]" + TOOLS + "}");
        assertThat(first.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
        JsonNode calls = first.at("/choices/0/message/tool_calls");
        assertThat(calls).hasSize(1);
        assertThat(calls.at("/0/function/name").asText()).isEqualTo("get_weather");
        assertThat(calls.at("/0/function/arguments").asText()).isEqualTo("{\"city\":\"Oslo\"}");
        assertThat(first.at("/grounding/steps/0/tool").asText()).isEqualTo("calculator");
        assertThat(first.at("/grounding/steps/0/result/value").asText()).isEqualTo("42");
        assertThat(fake.requests()).hasSize(1); // the gateway's call ran without another upstream round
        String clientId = calls.at("/0/id").asText();

        fake.enqueue(completion("42, and sunny in Oslo."));
        JsonNode second = post(continuation(clientId, false));
        assertThat(second.at("/choices/0/message/content").asText()).isEqualTo("42, and sunny in Oslo.");
        assertUpstreamSawEveryCallAnswered(fake.requests().get(1).json(), clientId);
    }

    @Test
    void theSameWhenStreamed() throws Exception {
        fake.enqueue(both());
        String body = given().contentType(ContentType.JSON)
                .body("{\"model\":\"grounded/fake-model\",\"stream\":true,\"messages\":[" + USER + "]" + TOOLS + "}")
                .when().post(PATH).then().statusCode(200).extract().asString();
        List<JsonNode> deltas = new ArrayList<>();
        List<JsonNode> chunks = GroundedRouteTest.dataChunks(body);
        chunks.forEach(c -> c.path("choices").forEach(ch -> ch.at("/delta/tool_calls").forEach(deltas::add)));
        assertThat(deltas).filteredOn(d -> d.has("id")).hasSize(1);
        JsonNode head = deltas.stream().filter(d -> d.has("id")).findFirst().orElseThrow();
        assertThat(head.at("/function/name").asText()).isEqualTo("get_weather");
        assertThat(head.path("index").asInt()).isZero();
        StringBuilder arguments = new StringBuilder();
        deltas.forEach(d -> arguments.append(d.at("/function/arguments").asText("")));
        assertThat(arguments).hasToString("{\"city\":\"Oslo\"}");
        assertThat(chunks).anySatisfy(c -> assertThat(c.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls"));
        String clientId = head.path("id").asText();

        fake.enqueue(completion("42, and sunny in Oslo."));
        String answer = given().contentType(ContentType.JSON).body(continuation(clientId, true))
                .when().post(PATH).then().statusCode(200).extract().asString();
        StringBuilder text = new StringBuilder();
        GroundedRouteTest.dataChunks(answer).forEach(c -> c.path("choices")
                .forEach(ch -> text.append(ch.at("/delta/content").asText(""))));
        assertThat(text).hasToString("42, and sunny in Oslo.");
        assertUpstreamSawEveryCallAnswered(fake.requests().get(1).json(), clientId);
    }

    @Test
    void theResponsesApiHandsBackAFunctionCallItemAndSplicesTheSameWay() {
        String tools = ",\"tools\":[{\"type\":\"function\",\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"city\":{\"type\":\"string\"}}}}]";
        String user = "{\"role\":\"user\",\"content\":\"6*7, and the weather in Oslo?\"}";
        fake.enqueue(both());
        JsonNode first = post("/v1/responses", "{\"model\":\"grounded/fake-model\",\"input\":[" + user + "]" + tools + "}");
        List<JsonNode> calls = new ArrayList<>();
        first.path("output").forEach(item -> {
            if ("function_call".equals(item.path("type").asText())) {
                calls.add(item);
            }
        });
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.path("name").asText()).isEqualTo("get_weather");
            assertThat(call.path("arguments").asText()).isEqualTo("{\"city\":\"Oslo\"}");
        });
        String clientId = calls.get(0).path("call_id").asText();

        fake.enqueue(completion("42, and sunny in Oslo."));
        post("/v1/responses", "{\"model\":\"grounded/fake-model\",\"input\":[" + user + ",{\"type\":\"function_call\","
                + "\"call_id\":\"" + clientId + "\",\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"},"
                + "{\"type\":\"function_call_output\",\"call_id\":\"" + clientId + "\",\"output\":\"sunny\"}]" + tools + "}");
        assertUpstreamSawEveryCallAnswered(fake.requests().get(1).json(), clientId);
    }

    @Test
    void theResponsesApiStreamedHandsBackOnlyTheClientsCallAndContinuesFromPreviousResponseId() throws Exception {
        String tools = ",\"tools\":[{\"type\":\"function\",\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"city\":{\"type\":\"string\"}}}}]";
        fake.enqueue(both());
        String stream = given().contentType(ContentType.JSON).body("{\"model\":\"grounded/fake-model\",\"stream\":true,"
                + "\"input\":\"6*7, and the weather in Oslo?\"" + tools + "}").when().post("/v1/responses").then()
                .statusCode(200).extract().asString();
        List<JsonNode> events = io.groundgate.responses.ResponsesRouteTest.events(stream);
        List<JsonNode> added = events.stream().filter(e -> e.path("type").asText().equals("response.output_item.added"))
                .map(e -> e.path("item")).toList();
        assertThat(added).singleElement().satisfies(item -> {
            assertThat(item.path("type").asText()).isEqualTo("function_call");
            assertThat(item.path("name").asText()).isEqualTo("get_weather");
        });
        StringBuilder arguments = new StringBuilder();
        events.stream().filter(e -> e.path("type").asText().equals("response.function_call_arguments.delta"))
                .forEach(e -> arguments.append(e.path("delta").asText()));
        assertThat(arguments).hasToString("{\"city\":\"Oslo\"}");
        JsonNode completed = events.get(events.size() - 1);
        assertThat(completed.path("type").asText()).isEqualTo("response.completed");
        assertThat(completed.at("/response/output")).hasSize(1);
        assertThat(completed.at("/response/grounding/steps/0/tool").asText()).isEqualTo("calculator");
        assertThat(completed.at("/response/grounding/steps/0/result/value").asText()).isEqualTo("42");
        assertThat(fake.requests()).hasSize(1);
        String clientId = added.get(0).path("call_id").asText();
        String responseId = completed.at("/response/id").asText();

        fake.enqueue(completion("42, and sunny in Oslo."));
        String answer = given().contentType(ContentType.JSON).body("{\"model\":\"grounded/fake-model\",\"stream\":true,"
                + "\"previous_response_id\":\"" + responseId + "\",\"input\":[{\"type\":\"function_call_output\","
                + "\"call_id\":\"" + clientId + "\",\"output\":\"sunny\"}]" + tools + "}").when().post("/v1/responses")
                .then().statusCode(200).extract().asString();
        StringBuilder text = new StringBuilder();
        io.groundgate.responses.ResponsesRouteTest.events(answer).stream()
                .filter(e -> e.path("type").asText().equals("response.output_text.delta"))
                .forEach(e -> text.append(e.path("delta").asText()));
        assertThat(text).hasToString("42, and sunny in Oslo.");
        assertUpstreamSawEveryCallAnswered(fake.requests().get(1).json(), clientId);
    }

    @Test
    void theSameOverAnUpstreamThatSpeaksOnlyTheResponsesApi() throws Exception {
        // groundgate.upstreams.resp.api=responses: both calls arrive as function_call items in one Responses answer
        fake.enqueue(FakeOpenAiServer.responsesFunctionCalls(new Call("call_g", "calculator", "{\"expression\":\"6*7\"}"),
                new Call("call_w", "get_weather", "{\"city\":\"Oslo\"}")));
        String body = given().contentType(ContentType.JSON)
                .body("{\"model\":\"grounded/resp-model\",\"stream\":true,\"messages\":[" + USER + "]" + TOOLS + "}")
                .when().post(PATH).then().statusCode(200).extract().asString();
        List<JsonNode> deltas = new ArrayList<>();
        GroundedRouteTest.dataChunks(body).forEach(c -> c.path("choices")
                .forEach(ch -> ch.at("/delta/tool_calls").forEach(deltas::add)));
        assertThat(deltas).filteredOn(d -> d.has("id")).hasSize(1);
        JsonNode head = deltas.stream().filter(d -> d.has("id")).findFirst().orElseThrow();
        assertThat(head.at("/function/name").asText()).isEqualTo("get_weather");
        String clientId = head.path("id").asText();

        fake.enqueue(FakeOpenAiServer.responsesText("42, and sunny in Oslo."));
        JsonNode second = post(continuation(clientId, false).replace("grounded/fake-model", "grounded/resp-model"));
        assertThat(second.at("/choices/0/message/content").asText()).isEqualTo("42, and sunny in Oslo.");
        // the upstream saw both calls in the model's order, then one output per call, as Responses items
        List<String> items = new ArrayList<>();
        fake.requests().get(1).json().path("input").forEach(i -> {
            String type = i.path("type").asText();
            if (type.startsWith("function_call")) {
                items.add(type + ":" + i.path("call_id").asText());
            }
        });
        assertThat(items).containsExactly("function_call:call_g", "function_call:" + clientId,
                "function_call_output:call_g", "function_call_output:" + clientId);
    }

    @Test
    void resultsForCallsWhoseGatewayHalfIsGoneAreRefusedClearly() {
        // an id the gateway marked but no longer holds (expired, evicted, or another replica): the same 400
        given().contentType(ContentType.JSON).body(continuation("call_ggNeverHeldOrLongExpired000", false))
                .when().post(PATH)
                .then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("tool_calls_expired"))
                .body("error.param", equalTo("messages"))
                .body("error.message", containsString("pending-tool-calls-ttl"));
        assertThat(fake.requests()).isEmpty();
    }

    private static FakeOpenAiServer.Reply both() {
        return toolCalls(new Call("call_g", "calculator", "{\"expression\":\"6*7\"}"),
                new Call("call_w", "get_weather", "{\"city\":\"Oslo\"}"));
    }

    private static String continuation(String clientId, boolean stream) {
        return "{\"model\":\"grounded/fake-model\"," + (stream ? "\"stream\":true," : "") + "\"messages\":[" + USER + ","
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"" + clientId + "\",\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"" + clientId + "\",\"content\":\"sunny\"}]" + TOOLS + "}";
    }

    /** System, user, the assistant message with both calls in the model's order, then one result per call, in order. */
    private static void assertUpstreamSawEveryCallAnswered(JsonNode request, String clientId) {
        JsonNode messages = request.path("messages");
        List<String> roles = new ArrayList<>();
        messages.forEach(m -> roles.add(m.path("role").asText()));
        assertThat(roles).containsExactly("system", "user", "assistant", "tool", "tool");
        JsonNode assistant = messages.get(2);
        List<String> called = new ArrayList<>();
        assistant.path("tool_calls").forEach(c -> called.add(c.path("id").asText() + ":" + c.at("/function/name").asText()
                + ":" + c.at("/function/arguments").asText()));
        assertThat(called).containsExactly("call_g:calculator:{\"expression\":\"6*7\"}",
                clientId + ":get_weather:{\"city\":\"Oslo\"}");
        assertThat(messages.at("/3/tool_call_id").asText()).isEqualTo("call_g");
        assertThat(messages.at("/3/content").asText()).contains("\"value\":\"42\"");
        assertThat(messages.at("/4/tool_call_id").asText()).isEqualTo(clientId);
        assertThat(messages.at("/4/content").asText()).isEqualTo("sunny");
    }

    private static JsonNode post(String body) {
        return post(PATH, body);
    }

    private static JsonNode post(String path, String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(given().contentType(ContentType.JSON).body(body)
                    .when().post(path).then().statusCode(200).extract().asString());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
