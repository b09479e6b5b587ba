package io.groundgate.chat;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One message of a conversation. {@code content} stays a JSON node because OpenAI allows a string, an array of content
 * parts, or null (an assistant message that only calls tools).
 */
@ValidChatMessage
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ChatMessage(
        @NotNull(message = "you must provide a role") @Pattern(regexp = "system|developer|user|assistant|tool",
                message = "must be one of 'system', 'developer', 'user', 'assistant' or 'tool'") String role,
        JsonNode content,
        String name,
        List<@NotNull @Valid ToolCall> toolCalls,
        String toolCallId) {

    public static ChatMessage system(String text) {
        return new ChatMessage("system", TextNode.valueOf(text), null, null, null);
    }

    /** The text of the content: the string itself, or the text parts joined; empty when there is none. */
    public String text() {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(part.get("text").asText());
            }
        }
        return text.toString();
    }
}
