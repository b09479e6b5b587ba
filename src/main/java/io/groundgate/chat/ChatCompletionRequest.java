package io.groundgate.chat;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The fields of an OpenAI chat completion request that GroundGate checks or interprets, and every other field as the
 * JSON it was sent as ({@code others}), so that one parse of the body gives both: passthrough relays the raw bytes, the
 * gateway's own routes read the rest from {@code others} instead of parsing the body a second time.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatCompletionRequest(
        @NotBlank(message = "you must provide a model parameter") String model,
        @NotNull(message = "you must provide a messages parameter")
        @NotEmpty(message = "messages must contain at least one message") List<@NotNull @Valid ChatMessage> messages,
        Boolean stream,
        @Valid StreamOptions streamOptions,
        @DecimalMin(value = "0", message = "must be between 0 and 2")
        @DecimalMax(value = "2", message = "must be between 0 and 2") Double temperature,
        @DecimalMin(value = "0", message = "must be between 0 and 1")
        @DecimalMax(value = "1", message = "must be between 0 and 1") Double topP,
        @Min(value = 1, message = "must be at least 1") Integer n,
        @Min(value = 1, message = "must be at least 1") Integer maxTokens,
        @Min(value = 1, message = "must be at least 1") Integer maxCompletionTokens,
        List<@NotNull @Valid ToolDefinition> tools,
        JsonNode toolChoice,
        @JsonAnySetter Map<String, JsonNode> others) {

    public ChatCompletionRequest {
        others = others == null ? Map.of() : others;
    }

    /** A request built by the gateway itself (no other fields). */
    public ChatCompletionRequest(String model, List<ChatMessage> messages, Boolean stream, StreamOptions streamOptions,
            Double temperature, Double topP, Integer n, Integer maxTokens, Integer maxCompletionTokens,
            List<ToolDefinition> tools, JsonNode toolChoice) {
        this(model, messages, stream, streamOptions, temperature, topP, n, maxTokens, maxCompletionTokens, tools,
                toolChoice, Map.of());
    }

    public boolean streaming() {
        return Boolean.TRUE.equals(stream);
    }

    public boolean includeUsage() {
        return streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
    }

    public List<ToolDefinition> toolsOrEmpty() {
        return tools == null ? List.of() : tools;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record StreamOptions(Boolean includeUsage) {
    }
}
