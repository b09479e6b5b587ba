package io.groundgate.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeOpenAiServer.Call;
import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The official OpenAI Node SDK against the grounded route: the client's own tool comes back as tool_calls and the
 * conversation continues; answers and streams parse; the extra {@code grounding} field reaches the application.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class NodeSdkGroundedTest {

    @TestHTTPResource("/v1")
    URL gateway;

    @Test
    void everyStepPassesOnTheGroundedRoute() throws Exception {
        FakeOpenAiServer fake = FakeUpstreamResource.server();
        fake.reset();
        fake.enqueue(FakeOpenAiServer.toolCalls(new Call("call_1", "get_weather", "{\"city\":\"Oslo\"}")),
                FakeOpenAiServer.completion("It is sunny in Oslo."),
                FakeOpenAiServer.toolCalls(new Call("call_2", "calculator", "{\"expression\":\"6*7\"}")),
                FakeOpenAiServer.completion("ping: 42"));

        List<JsonNode> steps = NodeSdk.run(gateway.toString(), "grounded/fake-tools", "models,tools,complete,stream,error");

        assertThat(steps).allSatisfy(step -> assertThat(step.path("ok").asBoolean()).as(step.toString()).isTrue());
        assertThat(steps.get(1).at("/result/arguments/city").asText()).isEqualTo("Oslo");
        assertThat(steps.get(1).at("/result/answer").asText()).isEqualTo("It is sunny in Oslo.");
        JsonNode complete = steps.get(2).path("result");
        assertThat(complete.path("content").asText()).isEqualTo("ping: 42");
        assertThat(complete.at("/grounding/steps/0/tool").asText()).isEqualTo("calculator");
        assertThat(complete.at("/grounding/steps/0/result/value").asText()).isEqualTo("42");
        assertThat(complete.at("/usage/total_tokens").asInt()).isEqualTo(30);
        assertThat(steps.get(3).at("/result/content").asText()).isEqualTo("echo: pong");
        assertThat(steps.get(3).at("/result/usage/total_tokens").asInt()).isPositive();
    }
}
