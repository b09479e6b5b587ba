package io.groundgate.chat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A function call made by the assistant, as OpenAI encodes it in a message's {@code tool_calls}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToolCall(
        @NotBlank(message = "tool calls need an id") String id,
        String type,
        @NotNull(message = "tool calls need a function") @Valid Function function) {

    public static ToolCall function(String id, String name, String arguments) {
        return new ToolCall(id, "function", new Function(name, arguments));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Function(@NotBlank(message = "tool calls need a function name") String name, String arguments) {
    }
}
