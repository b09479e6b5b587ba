package io.groundgate.chat;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The fields of an OpenAI chat completion request that GroundGate checks or interprets. Every other field is kept in the
 * raw body and reaches the upstream untouched.
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
        JsonNode toolChoice) {

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
