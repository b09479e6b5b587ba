package io.groundgate.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One streamed {@code chat.completion.chunk}, in OpenAI's delta shape. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatCompletionChunk(String id, String object, long created, String model, List<Choice> choices,
        Usage usage, Object grounding) {

    public ChatCompletionChunk(String id, long created, String model, List<Choice> choices, Usage usage, Object grounding) {
        this(id, "chat.completion.chunk", created, model, choices, usage, grounding);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Choice(int index, Delta delta, @JsonInclude(JsonInclude.Include.ALWAYS) String finishReason) {
    }

    /** What a chunk adds: the role (first chunk only), a piece of content, or pieces of tool calls. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Delta(String role, String content, List<ToolCallDelta> toolCalls) {
    }

    /**
     * A piece of a tool call, keyed by {@code index}: {@code id}, {@code type} and the function's {@code name} come only in
     * the first piece of each call; later pieces carry argument fragments.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ToolCallDelta(int index, String id, String type, FunctionDelta function) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FunctionDelta(String name, String arguments) {
    }
}
