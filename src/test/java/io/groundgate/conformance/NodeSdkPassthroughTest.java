package io.groundgate.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The official OpenAI Node SDK, unchanged but for the base URL, works against the passthrough route. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class NodeSdkPassthroughTest {

    @TestHTTPResource("/v1")
    URL gateway;

    @Test
    void everyStepPasses() throws Exception {
        FakeOpenAiServer fake = FakeUpstreamResource.server();
        fake.reset();
        String call = "{\"id\":\"chatcmpl-t\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake-tools\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}";
        fake.enqueue(FakeOpenAiServer.json(200, call), FakeOpenAiServer.completion("It is sunny in Oslo."));

        List<JsonNode> steps = NodeSdk.run(gateway.toString(), "fake-tools", "models,tools,complete,stream,error");

        assertThat(steps).allSatisfy(step -> assertThat(step.path("ok").asBoolean()).as(step.toString()).isTrue());
        assertThat(steps.get(1).at("/result/arguments/city").asText()).isEqualTo("Oslo");
        assertThat(steps.get(1).at("/result/answer").asText()).isEqualTo("It is sunny in Oslo.");
        assertThat(steps.get(2).at("/result/content").asText()).isEqualTo("echo: ping");
        assertThat(steps.get(3).at("/result/content").asText()).isEqualTo("echo: pong");
        assertThat(steps.get(4).at("/result/status").asInt()).isEqualTo(404);
        // the round trip's second request carried the tool result back to the upstream
        assertThat(fake.requests().get(1).json().at("/messages/2/tool_call_id").asText()).isEqualTo("call_1");
    }
}
