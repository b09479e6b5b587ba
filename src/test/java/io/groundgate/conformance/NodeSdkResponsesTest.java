package io.groundgate.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeOpenAiServer.Call;
import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The official OpenAI Node SDK's Responses client ({@code client.responses.create} / {@code client.responses.stream})
 * against each route, including a streamed function call round trip continued with {@code previous_response_id}.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class NodeSdkResponsesTest {

    private final FakeOpenAiServer fake = FakeUpstreamResource.server();

    @TestHTTPResource("/v1")
    URL gateway;

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void passthroughRelaysToTheUpstreamsResponsesApi() throws Exception {
        fake.enqueue(FakeOpenAiServer.responsesText("echo: ping"), FakeOpenAiServer.responsesText("echo: pong"),
                FakeOpenAiServer.responsesFunctionCall(new Call("call_up", "get_weather", "{\"city\":\"Oslo\"}")),
                FakeOpenAiServer.responsesText("It is sunny in Oslo."));

        List<JsonNode> steps = NodeSdk.run(gateway.toString(), "fake-model",
                "responses,responses-stream,responses-tools,responses-error");

        assertThat(steps).allSatisfy(step -> assertThat(step.path("ok").asBoolean()).as(step.toString()).isTrue());
        assertThat(steps.get(0).at("/result/text").asText()).isEqualTo("echo: ping");
        assertThat(steps.get(1).at("/result/text").asText()).isEqualTo("echo: pong");
        assertThat(steps.get(2).at("/result/answer").asText()).isEqualTo("It is sunny in Oslo.");
        // the upstream keeps the conversation itself: previous_response_id reached it untouched
        assertThat(fake.lastRequest().path()).isEqualTo("/v1/responses");
        assertThat(fake.lastRequest().json().path("previous_response_id").asText()).isEqualTo("resp_fake");
    }

    @Test
    void groundedAnswersRunsToolsAndHandsBackClientCalls() throws Exception {
        fake.enqueue(FakeOpenAiServer.toolCalls(new Call("call_1", "calculator", "{\"expression\":\"6*7\"}")),
                FakeOpenAiServer.completion("ping: 42"),
                FakeOpenAiServer.completion("streamed pong"),
                FakeOpenAiServer.toolCalls(new Call("call_w", "get_weather", "{\"city\":\"Oslo\"}")),
                FakeOpenAiServer.completion("It is sunny in Oslo."));

        List<JsonNode> steps = NodeSdk.run(gateway.toString(), "grounded/fake-tools",
                "responses,responses-stream,responses-tools,responses-error");

        assertThat(steps).allSatisfy(step -> assertThat(step.path("ok").asBoolean()).as(step.toString()).isTrue());
        JsonNode whole = steps.get(0).path("result");
        assertThat(whole.path("text").asText()).isEqualTo("ping: 42");
        assertThat(whole.at("/grounding/steps/0/tool").asText()).isEqualTo("calculator");
        assertThat(whole.at("/grounding/steps/0/result/value").asText()).isEqualTo("42");
        assertThat(whole.at("/usage/total_tokens").asInt()).isEqualTo(30);
        JsonNode streamed = steps.get(1).path("result");
        assertThat(streamed.path("text").asText()).isEqualTo("streamed pong");
        assertThat(streamed.path("types").get(0).asText()).isEqualTo("response.created");
        assertThat(streamed.path("grounding").path("route").asText()).isEqualTo("grounded");
        JsonNode tools = steps.get(2).path("result");
        assertThat(tools.at("/arguments/city").asText()).isEqualTo("Oslo");
        assertThat(tools.path("answer").asText()).isEqualTo("It is sunny in Oslo.");
        JsonNode continued = fake.lastRequest().json().path("messages");
        assertThat(continued.get(continued.size() - 1).path("content").asText()).isEqualTo("sunny in Oslo");
    }

    @Test
    void groundedOverAnUpstreamThatSpeaksOnlyTheResponsesApi() throws Exception {
        // groundgate.upstreams.resp.api=responses: the tool loop reaches resp-model through POST /v1/responses
        fake.enqueue(FakeOpenAiServer.responsesText("ping over responses"),
                FakeOpenAiServer.responsesText("pong over responses"),
                FakeOpenAiServer.responsesFunctionCall(new Call("call_r", "get_weather", "{\"city\":\"Oslo\"}")),
                FakeOpenAiServer.responsesText("It is sunny in Oslo."));

        List<JsonNode> steps = NodeSdk.run(gateway.toString(), "grounded/resp-model",
                "responses,responses-stream,responses-tools");

        assertThat(steps).allSatisfy(step -> assertThat(step.path("ok").asBoolean()).as(step.toString()).isTrue());
        assertThat(steps.get(0).at("/result/text").asText()).isEqualTo("ping over responses");
        assertThat(steps.get(0).at("/result/grounding/route").asText()).isEqualTo("grounded");
        assertThat(steps.get(1).at("/result/text").asText()).isEqualTo("pong over responses");
        assertThat(steps.get(2).at("/result/callId").asText()).isEqualTo("call_r");
        assertThat(steps.get(2).at("/result/answer").asText()).isEqualTo("It is sunny in Oslo.");
        assertThat(fake.requests()).hasSize(4).allSatisfy(r -> assertThat(r.path()).isEqualTo("/v1/responses"));
        // the continuation reached the upstream as Responses items: the model's call, then the client's result
        List<String> items = new java.util.ArrayList<>();
        fake.lastRequest().json().path("input").forEach(i -> items.add(i.path("type").asText() + ":"
                + i.path("call_id").asText("") + ":" + i.path("output").asText("")));
        assertThat(items).containsSubsequence("function_call:call_r:", "function_call_output:call_r:sunny in Oslo");
    }

    @Test
    void localPlannerAnswersThroughTheResponsesClient() throws Exception {
        List<JsonNode> steps = NodeSdk.run(gateway.toString(), "groundgate-local", "responses,responses-stream",
                Map.of("GG_QUESTION", "What is the melting point of iron?"));

        assertThat(steps).allSatisfy(step -> assertThat(step.path("ok").asBoolean()).as(step.toString()).isTrue());
        JsonNode whole = steps.get(0).path("result");
        assertThat(whole.path("text").asText()).isNotBlank().isEqualTo(steps.get(1).at("/result/text").asText());
        assertThat(whole.at("/grounding/route").asText()).isEqualTo("local");
        assertThat(steps.get(1).at("/result/grounding/sources")).isNotEmpty();
        assertThat(fake.requests()).isEmpty();
    }
}
