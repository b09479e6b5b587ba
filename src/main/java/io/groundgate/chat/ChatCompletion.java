package io.groundgate.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A non-streamed answer in OpenAI's {@code chat.completion} shape. {@code grounding} is GroundGate's addition: the
 * provenance of the answer; SDKs that do not know it ignore it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage,
        Object grounding) {

    public ChatCompletion(String id, long created, String model, List<Choice> choices, Usage usage, Object grounding) {
        this(id, "chat.completion", created, model, choices, usage, grounding);
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Choice(int index, ChatMessage message, String finishReason, Object logprobs) {

        public Choice(int index, ChatMessage message, String finishReason) {
            this(index, message, finishReason, null);
        }
    }
}
