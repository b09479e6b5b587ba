package io.groundgate.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseOutputItem;
import com.openai.models.responses.ResponseStreamEvent;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeOpenAiServer.Call;
import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The official OpenAI Java SDK's Responses client ({@code client.responses()}) against every route. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class ResponsesJavaSdkTest {

    private static final FunctionTool WEATHER = FunctionTool.builder().name("get_weather").description("Weather for a city")
            .parameters(FunctionTool.Parameters.builder().putAdditionalProperty("type", JsonValue.from("object"))
                    .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                    .putAdditionalProperty("required", JsonValue.from(List.of("city"))).build())
            .strict(false).build();

    private final FakeOpenAiServer fake = FakeUpstreamResource.server();

    @TestHTTPResource("/v1")
    URL gateway;

    private OpenAIClient client;

    @BeforeEach
    void setUp() {
        fake.reset();
        client = OpenAIOkHttpClient.builder().baseUrl(gateway.toString()).apiKey("sk-client").maxRetries(0)
                .timeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void passthroughRelaysTheUpstreamsResponseUntouched() {
        Response response = client.responses().create(ResponseCreateParams.builder().model("fake-model").input("ping")
                .build());

        assertThat(text(response)).isEqualTo("echo: ping");
        assertThat(response._additionalProperties().get("vendor_extension")).isEqualTo(JsonValue.from("kept"));
        FakeOpenAiServer.Recorded sent = fake.lastRequest();
        assertThat(sent.path()).isEqualTo("/v1/responses");
        assertThat(sent.json().path("input").asText()).isEqualTo("ping");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-upstream-secret");
    }

    @Test
    void passthroughRelaysTheEventStream() {
        StringBuilder text = new StringBuilder();
        List<Response> completed = new ArrayList<>();
        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(
                ResponseCreateParams.builder().model("fake-model").input("pong").build())) {
            stream.stream().forEach(event -> {
                event.outputTextDelta().ifPresent(d -> text.append(d.delta()));
                event.completed().ifPresent(c -> completed.add(c.response()));
            });
        }
        assertThat(text).hasToString("echo: pong");
        assertThat(completed).singleElement().satisfies(r -> assertThat(text(r)).isEqualTo("echo: pong"));
    }

    @Test
    void groundedRunsGatewayToolsAndAttachesGrounding() {
        fake.enqueue(FakeOpenAiServer.toolCalls(new Call("call_calc", "calculator", "{\"expression\":\"6*7\"}")),
                FakeOpenAiServer.completion("6 times 7 is 42."));

        Response response = client.responses().create(ResponseCreateParams.builder().model("grounded/fake-model")
                .instructions("Answer briefly.").input("What is 6*7?").build());

        assertThat(text(response)).isEqualTo("6 times 7 is 42.");
        assertThat(response.model().asString()).isEqualTo("grounded/fake-model");
        JsonValue grounding = response._additionalProperties().get("grounding");
        assertThat(grounding.toString()).contains("calculator").contains("42");
        assertThat(response.usage()).hasValueSatisfying(u -> assertThat(u.totalTokens()).isEqualTo(30));
        // the upstream was asked through chat completions, instructions as a developer message before the input
        JsonNode first = fake.requests().get(0).json();
        assertThat(fake.requests().get(0).path()).isEqualTo("/v1/chat/completions");
        assertThat(first.at("/messages/1/content").asText()).isEqualTo("Answer briefly.");
        assertThat(first.at("/messages/2/content").asText()).isEqualTo("What is 6*7?");
    }

    @Test
    void groundedStreamsAClientFunctionCallAndContinuesWithPreviousResponseId() {
        fake.enqueue(FakeOpenAiServer.toolCalls(new Call("call_w", "get_weather", "{\"city\":\"Oslo\"}")),
                FakeOpenAiServer.completion("It is sunny in Oslo."));
        StringBuilder arguments = new StringBuilder();
        List<Response> completed = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(
                ResponseCreateParams.builder().model("grounded/fake-model").input("Weather in Oslo?").addTool(WEATHER)
                        .build())) {
            stream.stream().forEach(event -> {
                types.add(event._json().map(j -> j.toString()).orElse(""));
                event.functionCallArgumentsDelta().ifPresent(d -> arguments.append(d.delta()));
                event.completed().ifPresent(c -> completed.add(c.response()));
            });
        }
        assertThat(arguments).hasToString("{\"city\":\"Oslo\"}");
        Response first = completed.get(0);
        ResponseFunctionToolCall call = first.output().stream().filter(ResponseOutputItem::isFunctionCall)
                .map(ResponseOutputItem::asFunctionCall).findFirst().orElseThrow();
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call.callId()).isEqualTo("call_w");

        StringBuilder answer = new StringBuilder();
        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(
                ResponseCreateParams.builder().model("grounded/fake-model").previousResponseId(first.id())
                        .inputOfResponse(List.of(ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput
                                .builder().callId(call.callId()).output("sunny, 21 C").build())))
                        .addTool(WEATHER).build())) {
            stream.stream().forEach(event -> event.outputTextDelta().ifPresent(d -> answer.append(d.delta())));
        }
        assertThat(answer).hasToString("It is sunny in Oslo.");
        // the stored conversation was spliced in: the question, the model's call, then the client's result
        JsonNode messages = fake.lastRequest().json().path("messages");
        assertThat(messages.get(1).path("content").asText()).isEqualTo("Weather in Oslo?");
        assertThat(messages.get(2).at("/tool_calls/0/id").asText()).isEqualTo("call_w");
        assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("call_w");
        assertThat(messages.get(3).path("content").asText()).isEqualTo("sunny, 21 C");
    }

    @Test
    void localPlannerAnswersAsAResponseAndAsAStream() {
        ResponseCreateParams params = ResponseCreateParams.builder().model("groundgate-local")
                .input("What is the melting point of iron?").build();
        Response whole = client.responses().create(params);
        StringBuilder streamed = new StringBuilder();
        List<Response> completed = new ArrayList<>();
        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(params)) {
            stream.stream().forEach(event -> {
                event.outputTextDelta().ifPresent(d -> streamed.append(d.delta()));
                event.completed().ifPresent(c -> completed.add(c.response()));
            });
        }
        assertThat(text(whole)).isNotBlank().isEqualTo(streamed.toString());
        assertThat(whole._additionalProperties().get("grounding").toString()).contains("route=local");
        assertThat(completed).singleElement().satisfies(r -> {
            assertThat(text(r)).isEqualTo(streamed.toString());
            assertThat(r._additionalProperties()).containsKey("grounding");
        });
    }

    private static String text(Response response) {
        StringBuilder text = new StringBuilder();
        response.output().stream().filter(ResponseOutputItem::isMessage).map(ResponseOutputItem::asMessage)
                .forEach(m -> m.content().forEach(c -> c.outputText().ifPresent(t -> text.append(t.text()))));
        return text.toString();
    }
}
