package io.groundgate.conformance;

import static io.groundgate.testing.FakeOpenAiServer.chunk;
import static io.groundgate.testing.FakeOpenAiServer.json;
import static io.groundgate.testing.FakeOpenAiServer.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.models.Model;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The official OpenAI Java SDK, unchanged but for the base URL, works against the gateway. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class OpenAiJavaSdkTest {

    private final FakeOpenAiServer fake = FakeUpstreamResource.server();

    @TestHTTPResource("/v1")
    URL gateway;

    private OpenAIClient client;

    @BeforeEach
    void setUp() {
        fake.reset();
        client = OpenAIOkHttpClient.builder().baseUrl(gateway.toString()).apiKey("sk-client").maxRetries(0)
                .timeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void listsModels() {
        List<String> ids = client.models().list().data().stream().map(Model::id).toList();
        assertThat(ids).contains("groundgate-local", "fake-model", "grounded/fake-model");
        assertThat(client.models().retrieve("grounded/fake-model").id()).isEqualTo("grounded/fake-model");
    }

    @Test
    void completes() {
        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("fake-model").addUserMessage("ping").build());
        assertThat(completion.choices().get(0).message().content()).hasValue("echo: ping");
        assertThat(completion.usage()).hasValueSatisfying(u -> assertThat(u.totalTokens()).isEqualTo(15));
    }

    @Test
    void streams() {
        StringBuilder text = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model("fake-model").addUserMessage("pong").build())) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append)));
        }
        assertThat(text).hasToString("echo: pong");
    }

    @Test
    void toolCallRoundTrip() {
        String call = "{\"id\":\"chatcmpl-t\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake-tools\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
                + "\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}";
        fake.enqueue(json(200, call), FakeOpenAiServer.completion("It is sunny in Oslo."));
        ChatCompletionFunctionTool weather = ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder()
                .name("get_weather").description("Weather for a city")
                .parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .putAdditionalProperty("required", JsonValue.from(List.of("city")))
                        .build())
                .build()).build();
        ChatCompletionCreateParams first = ChatCompletionCreateParams.builder().model("fake-tools")
                .addUserMessage("Weather in Oslo?").addTool(weather).build();
        ChatCompletion reply = client.chat().completions().create(first);
        assertThat(reply.choices().get(0).finishReason()).hasToString("tool_calls");
        ChatCompletionMessageFunctionToolCall toolCall = reply.choices().get(0).message().toolCalls().orElseThrow().get(0).asFunction();
        assertThat(toolCall.function().name()).isEqualTo("get_weather");
        assertThat(toolCall.function().arguments()).isEqualTo("{\"city\":\"Oslo\"}");

        ChatCompletion answer = client.chat().completions().create(first.toBuilder()
                .addMessage(reply.choices().get(0).message())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(toolCall.id()).content("sunny, 21 C").build())
                .build());
        assertThat(answer.choices().get(0).message().content()).hasValue("It is sunny in Oslo.");
        assertThat(fake.lastRequest().json().path("messages").get(2).path("tool_call_id").asText()).isEqualTo("call_1");
    }

    @Test
    void streamedToolCallsAssembleInTheSdk() {
        fake.enqueue(sse(List.of(
                chunk("fake-tools", "{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_x\",\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"arguments\":\"\"}}]}", null),
                chunk("fake-tools", "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"q\\\":\"}}]}", null),
                chunk("fake-tools", "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"x\\\"}\"}}]}", null),
                chunk("fake-tools", "{}", "tool_calls")), Duration.ZERO, true));
        StringBuilder arguments = new StringBuilder();
        StringBuilder names = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model("fake-tools").addUserMessage("look up x").build())) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(c -> c.delta().toolCalls().ifPresent(calls -> calls.forEach(call -> {
                call.function().flatMap(f -> f.name()).ifPresent(names::append);
                call.function().flatMap(f -> f.arguments()).ifPresent(arguments::append);
            }))));
        }
        assertThat(names).hasToString("lookup");
        assertThat(arguments).hasToString("{\"q\":\"x\"}");
    }

    @Test
    void theGroundingFieldIsIgnoredByTheSdkYetReachable() {
        fake.enqueue(FakeOpenAiServer.toolCalls(new FakeOpenAiServer.Call("call_1", "calculator", "{\"expression\":\"2^8\"}")),
                FakeOpenAiServer.completion("256"));
        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("grounded/fake-model").addUserMessage("2^8?").build());
        assertThat(completion.choices().get(0).message().content()).hasValue("256");
        JsonValue grounding = completion._additionalProperties().get("grounding");
        assertThat(grounding).isNotNull();
        assertThat(grounding.toString()).contains("calculator").contains("256");
    }

    @Test
    void errorsSurfaceAsSdkExceptionsWithStatusAndMessage() {
        assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("no-such-model").addUserMessage("hi").build()))
                .isInstanceOf(NotFoundException.class)
                .satisfies(e -> {
                    OpenAIServiceException error = (OpenAIServiceException) e;
                    assertThat(error.statusCode()).isEqualTo(404);
                    assertThat(error.code()).hasValue("model_not_found");
                    assertThat(error.getMessage()).contains("no-such-model");
                });
        fake.enqueue(json(429, "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}",
                Map.of("Retry-After", "30")));
        assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("fake-model").addUserMessage("hi").build()))
                .isInstanceOf(RateLimitException.class)
                .hasMessageContaining("slow down");
    }
}
