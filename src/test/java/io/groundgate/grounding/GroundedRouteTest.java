package io.groundgate.grounding;

import static io.groundgate.testing.FakeOpenAiServer.completion;
import static io.groundgate.testing.FakeOpenAiServer.json;
import static io.groundgate.testing.FakeOpenAiServer.toolCalls;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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

/** The grounded route runs the tool loop server-side against a scripted upstream that behaves like an OpenAI model. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class GroundedRouteTest {

    private static final String PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeOpenAiServer fake = FakeUpstreamResource.server();

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void runsTheCalculatorAndAnswersWithProvenance() {
        fake.enqueue(toolCalls(new Call("call_1", "calculator", "{\"expression\":\"0.1 + 0.2\"}")),
                completion("0.1 + 0.2 is 0.3."));
        JsonPath response = ask(question("What is 0.1 + 0.2?"));
        assertThat(response.getString("choices[0].message.content")).isEqualTo("0.1 + 0.2 is 0.3.");
        assertThat(response.getString("choices[0].finish_reason")).isEqualTo("stop");
        assertThat(response.getString("model")).isEqualTo("grounded/fake-model");
        assertThat(response.getInt("usage.total_tokens")).isEqualTo(30);
        assertThat(response.getString("grounding.route")).isEqualTo("grounded");
        assertThat(response.getInt("grounding.rounds")).isEqualTo(2);
        assertThat(response.getString("grounding.steps[0].tool")).isEqualTo("calculator");
        assertThat(response.getString("grounding.steps[0].call_id")).isEqualTo("call_1");
        assertThat(response.getBoolean("grounding.steps[0].ok")).isTrue();
        assertThat(response.getString("grounding.steps[0].result.value")).isEqualTo("0.3");

        // what the gateway sent: its tools to the upstream model, then the tool result under the model's call id
        JsonNode first = fake.requests().get(0).json();
        assertThat(names(first.path("tools"))).contains("calculator");
        assertThat(first.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(first.at("/model").asText()).isEqualTo("fake-model");
        JsonNode second = fake.requests().get(1).json();
        JsonNode toolMessage = last(second.path("messages"));
        assertThat(toolMessage.path("role").asText()).isEqualTo("tool");
        assertThat(toolMessage.path("tool_call_id").asText()).isEqualTo("call_1");
        assertThat(toolMessage.path("content").asText()).contains("\"value\":\"0.3\"");
    }

    @Test
    void runsParallelCallsAndAnswersEachById() {
        fake.enqueue(toolCalls(new Call("call_a", "calculator", "{\"expression\":\"2^10\"}"),
                new Call("call_b", "calculator", "{\"expression\":\"sqrt(144)\"}")), completion("1024 and 12."));
        JsonPath response = ask(question("2^10 and sqrt(144)?"));
        assertThat(response.getList("grounding.steps.call_id")).containsExactly("call_a", "call_b");
        List<JsonNode> toolMessages = toolMessages(fake.requests().get(1).json());
        assertThat(toolMessages).extracting(m -> m.path("tool_call_id").asText()).containsExactly("call_a", "call_b");
        assertThat(toolMessages.get(0).path("content").asText()).contains("\"value\":\"1024\"");
        assertThat(toolMessages.get(1).path("content").asText()).contains("\"value\":\"12\"");
    }

    @Test
    void malformedArgumentsGoBackToTheModelAsAnError() {
        fake.enqueue(toolCalls(new Call("call_1", "calculator", "{\"expression\": 2+")), completion("Sorry."));
        JsonPath response = ask(question("compute"));
        assertThat(response.getBoolean("grounding.steps[0].ok")).isFalse();
        assertThat(response.getString("grounding.steps[0].error.code")).isEqualTo("invalid_arguments");
        assertThat(last(fake.requests().get(1).json().path("messages")).path("content").asText()).contains("invalid_arguments");
    }

    @Test
    void anUnknownToolNameGoesBackToTheModelWithTheToolsItMayUse() {
        fake.enqueue(toolCalls(new Call("call_1", "web_search", "{\"q\":\"x\"}")), completion("ok"));
        JsonPath response = ask(question("search"));
        assertThat(response.getString("grounding.steps[0].error.code")).isEqualTo("tool_not_found");
        assertThat(last(fake.requests().get(1).json().path("messages")).path("content").asText()).contains("calculator");
    }

    @Test
    void aModelThatNeverStopsCallingToolsGetsAnHonestAnswerAfterTheRoundLimit() {
        for (int i = 0; i < 10; i++) {
            fake.enqueue(toolCalls(new Call("call_" + i, "calculator", "{\"expression\":\"1+1\"}")));
        }
        JsonPath response = ask(question("loop forever"));
        assertThat(response.getString("choices[0].message.content")).contains("could not finish");
        assertThat(response.getInt("grounding.rounds")).isEqualTo(6);
        assertThat(response.getList("grounding.unresolved", String.class)).anySatisfy(u -> assertThat(u).contains("round limit"));
        assertThat(fake.requests()).hasSize(6);
    }

    @Test
    void anUpstreamErrorMidLoopIsReportedNotHidden() {
        fake.enqueue(toolCalls(new Call("call_1", "calculator", "{\"expression\":\"1+1\"}")),
                json(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}"),
                json(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}"));
        given().contentType(ContentType.JSON).body(question("x"))
                .when().post(PATH)
                .then().statusCode(502)
                .body("error.type", equalTo("upstream_error"))
                .body("error.message", containsString("boom"));
    }

    @Test
    void clientToolsAreHandedBackAndTheConversationContinues() throws Exception {
        String clientTool = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"description\":\"weather\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\",\"enum\":[\"Oslo\",\"Rome\"]}},\"required\":[\"city\"]}}}]";
        fake.enqueue(toolCalls(new Call("call_w", "get_weather", "{\"city\":\"Oslo\"}")));
        JsonPath first = ask("{\"model\":\"grounded/fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Oslo?\"}]" + clientTool + "}");
        assertThat(first.getString("choices[0].finish_reason")).isEqualTo("tool_calls");
        assertThat(first.getString("choices[0].message.tool_calls[0].id")).isEqualTo("call_w");
        assertThat(first.getString("choices[0].message.tool_calls[0].type")).isEqualTo("function");
        assertThat(first.getString("choices[0].message.tool_calls[0].function.name")).isEqualTo("get_weather");
        assertThat(first.getString("choices[0].message.tool_calls[0].function.arguments")).isEqualTo("{\"city\":\"Oslo\"}");
        // the client's schema reached the model intact, next to the gateway's tools
        JsonNode offered = fake.requests().get(0).json().path("tools");
        assertThat(names(offered)).contains("get_weather", "calculator");
        JsonNode weather = findTool(offered, "get_weather");
        assertThat(weather.at("/function/parameters/properties/city/enum").toString()).isEqualTo("[\"Oslo\",\"Rome\"]");

        fake.enqueue(completion("It is sunny in Oslo."));
        JsonPath second = ask("{\"model\":\"grounded/fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Oslo?\"},"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_w\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_w\",\"content\":\"sunny\"}]" + clientTool + "}");
        assertThat(second.getString("choices[0].message.content")).isEqualTo("It is sunny in Oslo.");
        JsonNode resent = last(fake.lastRequest().json().path("messages"));
        assertThat(resent.path("tool_call_id").asText()).isEqualTo("call_w");
        assertThat(resent.path("content").asText()).isEqualTo("sunny");
    }

    @Test
    void aClientToolNamedLikeAGatewayToolIsRefused() {
        given().contentType(ContentType.JSON)
                .body("{\"model\":\"grounded/fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                        + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"calculator\"}}]}")
                .when().post(PATH)
                .then().statusCode(400).body("error.param", equalTo("tools[0].function.name"));
    }

    @Test
    void streamsTheFinalAnswerWithGroundingInTheLastChunk() throws Exception {
        fake.enqueue(toolCalls(new Call("call_1", "calculator", "{\"expression\":\"6*7\"}")), completion("The answer is 42."));
        String body = given().contentType(ContentType.JSON)
                .body("{\"model\":\"grounded/fake-model\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"6*7?\"}]}")
                .when().post(PATH).then().statusCode(200).header("Content-Type", containsString("text/event-stream"))
                .extract().asString();
        List<JsonNode> chunks = dataChunks(body);
        assertThat(body.trim()).endsWith("data: [DONE]");
        assertThat(chunks.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> c.path("choices").forEach(ch -> text.append(ch.at("/delta/content").asText(""))));
        assertThat(text).hasToString("The answer is 42.");
        JsonNode lastChunk = chunks.get(chunks.size() - 1);
        assertThat(lastChunk.path("choices")).isEmpty();
        assertThat(lastChunk.at("/usage/total_tokens").asInt()).isEqualTo(30);
        assertThat(lastChunk.at("/grounding/steps/0/result/value").asText()).isEqualTo("42");
        assertThat(chunks.get(chunks.size() - 2).at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(chunks).allSatisfy(c -> assertThat(c.path("object").asText()).isEqualTo("chat.completion.chunk"));
    }

    @Test
    void streamedClientToolCallsKeepOpenAisDeltaShape() throws Exception {
        fake.enqueue(toolCalls(new Call("call_x", "lookup", "{\"q\":\"abc\"}"), new Call("call_y", "lookup", "{\"q\":\"def\"}")));
        String body = given().contentType(ContentType.JSON)
                .body("{\"model\":\"grounded/fake-model\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                        + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"parameters\":{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}}}}}]}")
                .when().post(PATH).then().statusCode(200).extract().asString();
        List<JsonNode> deltas = new ArrayList<>();
        dataChunks(body).forEach(c -> c.path("choices").forEach(ch -> ch.at("/delta/tool_calls").forEach(deltas::add)));
        // per call: the first delta has id, type and name; later ones only the index and argument fragments
        assertThat(deltas).filteredOn(d -> d.has("id")).extracting(d -> d.path("id").asText()).containsExactly("call_x", "call_y");
        assertThat(deltas).filteredOn(d -> d.has("id")).allSatisfy(d -> {
            assertThat(d.path("type").asText()).isEqualTo("function");
            assertThat(d.at("/function/name").asText()).isEqualTo("lookup");
        });
        assertThat(deltas).filteredOn(d -> !d.has("id")).allSatisfy(d -> {
            assertThat(d.has("type")).isFalse();
            assertThat(d.at("/function").has("name")).isFalse();
        });
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        deltas.forEach(d -> (d.path("index").asInt() == 0 ? first : second).append(d.at("/function/arguments").asText("")));
        assertThat(first).hasToString("{\"q\":\"abc\"}");
        assertThat(second).hasToString("{\"q\":\"def\"}");
        List<JsonNode> chunks = dataChunks(body);
        assertThat(chunks).anySatisfy(c -> assertThat(c.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls"));
        assertThat(chunks).noneSatisfy(c -> assertThat(c.has("usage")).isTrue());
    }

    @Test
    void oddlyStreamedUpstreamToolCallsReachTheClientInOpenAisShape() throws Exception {
        // repeated ids and names in every delta, then a whole call in one delta: seen from real OpenAI-compatible servers
        List<String> odd = List.of(
                FakeOpenAiServer.chunk("fake-model", "{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_r\",\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"arguments\":\"{\\\"q\\\":\"}}]}", null),
                FakeOpenAiServer.chunk("fake-model", "{\"tool_calls\":[{\"index\":0,\"id\":\"call_r\",\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"arguments\":\"\\\"a\\\"}\"}}]}", null),
                FakeOpenAiServer.chunk("fake-model", "{\"tool_calls\":[{\"index\":1,\"id\":\"call_s\",\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"arguments\":\"{\\\"q\\\":\\\"b\\\"}\"}}]}", null),
                FakeOpenAiServer.chunk("fake-model", "{}", "tool_calls"));
        fake.enqueue(FakeOpenAiServer.sse(odd, java.time.Duration.ZERO, true));
        String body = given().contentType(ContentType.JSON)
                .body("{\"model\":\"grounded/fake-model\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                        + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"parameters\":{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}}}}}]}")
                .when().post(PATH).then().statusCode(200).extract().asString();
        List<JsonNode> deltas = new ArrayList<>();
        dataChunks(body).forEach(c -> c.path("choices").forEach(ch -> ch.at("/delta/tool_calls").forEach(deltas::add)));
        assertThat(deltas).filteredOn(d -> d.has("id")).extracting(d -> d.path("id").asText()).containsExactly("call_r", "call_s");
        assertThat(deltas).filteredOn(d -> d.has("id")).extracting(d -> d.at("/function/name").asText()).containsExactly("lookup", "lookup");
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        deltas.forEach(d -> (d.path("index").asInt() == 0 ? first : second).append(d.at("/function/arguments").asText("")));
        assertThat(first).hasToString("{\"q\":\"a\"}");
        assertThat(second).hasToString("{\"q\":\"b\"}");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static String question(String text) {
        return "{\"model\":\"grounded/fake-model\",\"messages\":[{\"role\":\"user\",\"content\":" + FakeOpenAiServer.quote(text) + "}]}";
    }

    private static JsonPath ask(String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post(PATH)
                .then().statusCode(200).body("object", equalTo("chat.completion"))
                .body("choices.index", hasItem(0))
                .extract().jsonPath();
    }

    private static List<String> names(JsonNode tools) {
        List<String> names = new ArrayList<>();
        tools.forEach(t -> names.add(t.at("/function/name").asText()));
        return names;
    }

    private static JsonNode findTool(JsonNode tools, String name) {
        for (JsonNode t : tools) {
            if (name.equals(t.at("/function/name").asText())) {
                return t;
            }
        }
        throw new AssertionError("no tool " + name);
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private static List<JsonNode> toolMessages(JsonNode request) {
        List<JsonNode> out = new ArrayList<>();
        request.path("messages").forEach(m -> {
            if ("tool".equals(m.path("role").asText())) {
                out.add(m);
            }
        });
        return out;
    }

    static List<JsonNode> dataChunks(String sse) throws Exception {
        List<JsonNode> chunks = new ArrayList<>();
        for (String line : sse.split("\n")) {
            if (line.startsWith("data: {")) {
                chunks.add(JSON.readTree(line.substring(6)));
            }
        }
        return chunks;
    }
}
