package io.groundgate.chat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** A tool the client offers the model: OpenAI's {@code {"type":"function","function":{...}}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolDefinition(
        @NotNull(message = "you must provide a tool type")
        @Pattern(regexp = "function", message = "only 'function' tools are supported") String type,
        @NotNull(message = "you must provide a function definition") @Valid Function function) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Function(
            @NotNull(message = "you must provide a function name")
            @Pattern(regexp = "[a-zA-Z0-9_-]{1,64}",
                    message = "must be 1 to 64 characters of a-z, A-Z, 0-9, underscores and dashes") String name,
            String description,
            @JsonSchemaObject JsonNode parameters,
            Boolean strict) {
    }
}
