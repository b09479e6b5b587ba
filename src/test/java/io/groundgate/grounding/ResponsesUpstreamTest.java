package io.groundgate.grounding;

import static io.groundgate.testing.FakeOpenAiServer.json;
import static io.groundgate.testing.FakeOpenAiServer.responsesFailed;
import static io.groundgate.testing.FakeOpenAiServer.responsesFunctionCall;
import static io.groundgate.testing.FakeOpenAiServer.responsesFunctionCalls;
import static io.groundgate.testing.FakeOpenAiServer.responsesText;
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
 * {@code grounded/<model>} against an upstream that speaks only the Responses API
 * ({@code groundgate.upstreams.resp.api=responses}): the tool loop runs over {@code POST /v1/responses}, with parallel
 * calls and two tool rounds, streamed and not; the conversation goes back as function_call and function_call_output
 * items; failures are the upstream's 502 with its message; what that API cannot carry is the client's 400.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class ResponsesUpstreamTest {

    private static final String QUESTION = "{\"role\":\"user\",\"content\":\"2^10 and sqrt(144), then add them\"}";
    private final FakeOpenAiServer fake = FakeUpstreamResource.server();

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void runsTwoToolRoundsWithParallelCallsOverTheResponsesApi() {
        script();
        JsonNode answer = post("{\"model\":\"grounded/resp-model\",\"messages\":[" + QUESTION + "]}");
        assertThat(answer.at("/choices/0/message/content").asText()).isEqualTo("1024 + 12 = 1036.");
        assertThat(answer.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(answer.at("/grounding/steps")).hasSize(3);
        assertThat(answer.at("/grounding/steps/0/result/value").asText()).isEqualTo("1024");
        assertThat(answer.at("/grounding/steps/1/result/value").asText()).isEqualTo("12");
        assertThat(answer.at("/grounding/steps/2/result/value").asText()).isEqualTo("1036");
        assertThat(answer.at("/usage/total_tokens").asInt()).isEqualTo(3 * 19);
        assertUpstreamSpokeResponses(false);
    }

    @Test
    void theSameWhenStreamed() throws Exception {
        script();
        String body = given().contentType(ContentType.JSON)
                .body("{\"model\":\"grounded/resp-model\",\"stream\":true,\"messages\":[" + QUESTION + "]}")
                .when().post("/v1/chat/completions").then().statusCode(200)
                .header("Content-Type", containsString("text/event-stream")).extract().asString();
        List<JsonNode> chunks = GroundedRouteTest.dataChunks(body);
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> c.path("choices").forEach(ch -> text.append(ch.at("/delta/content").asText(""))));
        assertThat(text).hasToString("1024 + 12 = 1036.");
        assertThat(chunks.get(chunks.size() - 1).at("/grounding/steps")).hasSize(3);
        assertUpstreamSpokeResponses(true);
    }

    @Test
    void theResponsesRouteOnAResponsesUpstreamStreamsOpenAisEvents() {
        script();
        String body = given().contentType(ContentType.JSON)
                .body("{\"model\":\"grounded/resp-model\",\"stream\":true,\"input\":\"2^10 and sqrt(144), then add them\"}")
                .when().post("/v1/responses").then().statusCode(200).extract().asString();
        assertThat(body).contains("event: response.created", "event: response.output_text.delta",
                "event: response.completed", "1024 + 12 = 1036.");
        assertUpstreamSpokeResponses(true);
    }

    @Test
    void aClientFunctionCalledAmongGatewayCallsIsHandedBackAsOpenAiWould() {
        fake.enqueue(responsesFunctionCalls(new Call("call_w", "get_weather", "{\"city\":\"Oslo\"}")));
        JsonNode answer = post("{\"model\":\"grounded/resp-model\",\"messages\":[" + QUESTION + "],\"tools\":[{\"type\":"
                + "\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\","
                + "\"properties\":{\"city\":{\"type\":\"string\"}}}}}]}");
        assertThat(answer.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(answer.at("/choices/0/message/tool_calls/0/id").asText()).isEqualTo("call_w");
        assertThat(answer.at("/choices/0/message/tool_calls/0/function/arguments").asText()).isEqualTo("{\"city\":\"Oslo\"}");
        JsonNode tools = fake.lastRequest().json().path("tools");
        List<String> names = new ArrayList<>();
        tools.forEach(t -> names.add(t.path("name").asText()));
        assertThat(names).contains("get_weather", "calculator");
        assertThat(tools).allSatisfy(t -> assertThat(t.path("type").asText()).isEqualTo("function"));
    }

    @Test
    void aNamedToolChoiceOffersOnlyThatFunctionAsRequired() {
        fake.enqueue(responsesText("ok"));
        post("{\"model\":\"grounded/resp-model\",\"messages\":[" + QUESTION + "],"
                + "\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"calculator\"}}}");
        JsonNode sent = fake.lastRequest().json();
        assertThat(sent.path("tools")).hasSize(1);
        assertThat(sent.at("/tools/0/name").asText()).isEqualTo("calculator");
        assertThat(sent.path("tool_choice").asText()).isEqualTo("required");
    }

    @Test
    void anUpstreamErrorStatusIsTheUpstreamsError() {
        fake.enqueue(json(500, "{\"error\":{\"message\":\"the model is overloaded\",\"type\":\"server_error\"}}"));
        given().contentType(ContentType.JSON).body("{\"model\":\"grounded/resp-model\",\"messages\":[" + QUESTION + "]}")
                .when().post("/v1/chat/completions").then().statusCode(502)
                .body("error.type", equalTo("upstream_error"))
                .body("error.message", containsString("the model is overloaded"));
    }

    @Test
    void aFailedResponseIsTheUpstreamsErrorWithItsMessage() {
        fake.enqueue(responsesFailed("server_error", "the run failed midway"));
        given().contentType(ContentType.JSON).body("{\"model\":\"grounded/resp-model\",\"messages\":[" + QUESTION + "]}")
                .when().post("/v1/chat/completions").then().statusCode(502)
                .body("error.type", equalTo("upstream_error"))
                .body("error.code", equalTo("server_error"))
                .body("error.message", containsString("the run failed midway"));
    }

    @Test
    void aFailedStreamIsTheUpstreamsErrorWithItsMessage() {
        fake.enqueue(responsesFailed("server_error", "the stream failed midway"));
        String body = given().contentType(ContentType.JSON)
                .body("{\"model\":\"grounded/resp-model\",\"stream\":true,\"messages\":[" + QUESTION + "]}")
                .when().post("/v1/chat/completions").then().extract().asString();
        assertThat(body).contains("the stream failed midway").contains("upstream_error");
        assertThat(body).doesNotContain("Exception").doesNotContain("io.groundgate");
    }

    @Test
    void aParameterTheResponsesApiCannotCarryIsTheClientsMistake() {
        for (String field : List.of("\"stop\":[\"END\"]", "\"seed\":7", "\"presence_penalty\":0.5",
                "\"prediction\":{\"type\":\"content\",\"content\":\"x\"}")) {
            String param = field.substring(1, field.indexOf('"', 1));
            given().contentType(ContentType.JSON)
                    .body("{\"model\":\"grounded/resp-model\",\"messages\":[" + QUESTION + "]," + field + "}")
                    .when().post("/v1/chat/completions").then().statusCode(400)
                    .body("error.type", equalTo("invalid_request_error"))
                    .body("error.code", equalTo("unsupported_parameter"))
                    .body("error.param", equalTo(param))
                    .body("error.message", containsString("Responses API"));
        }
        assertThat(fake.requests()).isEmpty();
    }

    /** Round 1: two calculator calls at once; round 2: one more; round 3: the answer. */
    private void script() {
        fake.enqueue(responsesFunctionCalls(new Call("call_a", "calculator", "{\"expression\":\"2^10\"}"),
                new Call("call_b", "calculator", "{\"expression\":\"sqrt(144)\"}")),
                responsesFunctionCall(new Call("call_c", "calculator", "{\"expression\":\"1024 + 12\"}")),
                responsesText("1024 + 12 = 1036."));
    }

    /** Every round went to /v1/responses, statelessly, with the whole conversation as Responses input items. */
    private void assertUpstreamSpokeResponses(boolean stream) {
        assertThat(fake.requests()).hasSize(3).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v1/responses");
            assertThat(r.json().path("model").asText()).isEqualTo("resp-model");
            assertThat(r.json().path("stream").asBoolean()).isEqualTo(stream);
            assertThat(r.json().path("store").asBoolean(true)).isFalse();
            assertThat(r.json().has("messages")).isFalse();
        });
        JsonNode first = fake.requests().get(0).json();
        assertThat(first.at("/input/0/role").asText()).isEqualTo("system");
        assertThat(first.at("/input/1/role").asText()).isEqualTo("user");
        JsonNode tools = first.path("tools");
        assertThat(tools).anySatisfy(t -> assertThat(t.path("name").asText()).isEqualTo("calculator"));
        JsonNode third = fake.requests().get(2).json().path("input");
        List<String> items = new ArrayList<>();
        third.forEach(i -> items.add(i.path("type").asText() + ":" + i.path("call_id").asText("")));
        assertThat(items).containsSubsequence("function_call:call_a", "function_call:call_b",
                "function_call_output:call_a", "function_call_output:call_b", "function_call:call_c",
                "function_call_output:call_c");
        List<String> outputs = new ArrayList<>();
        third.forEach(i -> {
            if (i.path("type").asText().equals("function_call_output")) {
                outputs.add(i.path("output").asText());
            }
        });
        assertThat(outputs.get(0)).contains("1024");
        assertThat(outputs.get(1)).contains("12");
        assertThat(outputs.get(2)).contains("1036");
    }

    private static JsonNode post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/v1/chat/completions").then().statusCode(200)
                .extract().as(JsonNode.class);
    }
}
