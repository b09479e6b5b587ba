package io.groundgate.grounding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;

import io.groundgate.chat.GatewayException;
import io.groundgate.chat.ToolCall;

/** Translates an OpenAI conversation into LangChain4j messages. */
final class ConversationMapper {

    private ConversationMapper() {
    }

    static List<ChatMessage> toLangChain(List<io.groundgate.chat.ChatMessage> messages) {
        List<ChatMessage> out = new ArrayList<>(messages.size());
        Map<String, String> toolNamesByCallId = new HashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            io.groundgate.chat.ChatMessage message = messages.get(i);
            try {
                ChatMessage mapped = map(message, i, toolNamesByCallId);
                if (mapped != null) {
                    out.add(mapped);
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                // LangChain4j refuses what it cannot carry (blank text, a malformed image URL): the client's input, so a 400
                throw GatewayException.invalid("messages[" + i + "] cannot be sent on the grounded route: its '"
                        + message.role() + "' content is empty or not usable as given.", "messages[" + i + "].content");
            }
        }
        return out;
    }

    /** One message, or null when it says nothing (a blank system message). */
    private static ChatMessage map(io.groundgate.chat.ChatMessage message, int i, Map<String, String> toolNamesByCallId) {
        return switch (message.role()) {
            case "system", "developer" -> message.text().isBlank() ? null : SystemMessage.from(message.text());
            case "user" -> user(message, i);
            case "assistant" -> assistant(message, toolNamesByCallId);
            case "tool" -> {
                String name = toolNamesByCallId.get(message.toolCallId());
                if (name == null) {
                    throw GatewayException.invalid("The tool message answers tool_call_id '" + message.toolCallId()
                            + "', which no earlier assistant message called.", "messages[" + i + "].tool_call_id");
                }
                yield ToolExecutionResultMessage.from(message.toolCallId(), name, message.text());
            }
            default -> throw GatewayException.invalid("unknown role " + message.role(), "messages[" + i + "].role");
        };
    }

    private static UserMessage user(io.groundgate.chat.ChatMessage message, int i) {
        JsonNode content = message.content();
        if (content == null || content.isTextual()) {
            return message.name() == null ? UserMessage.from(message.text()) : UserMessage.from(message.name(), message.text());
        }
        List<Content> parts = new ArrayList<>();
        int index = 0;
        for (JsonNode part : content) {
            String type = part.path("type").asText();
            switch (type) {
                case "text" -> parts.add(TextContent.from(part.path("text").asText()));
                case "image_url" -> parts.add(ImageContent.from(part.path("image_url").path("url").asText()));
                default -> throw GatewayException.invalid("The grounded route forwards only 'text' and 'image_url' content"
                        + " parts; '" + type + "' parts need a passthrough model.",
                        "messages[" + i + "].content[" + index + "]");
            }
            index++;
        }
        return UserMessage.from(parts);
    }

    private static AiMessage assistant(io.groundgate.chat.ChatMessage message, Map<String, String> toolNamesByCallId) {
        List<ToolExecutionRequest> requests = new ArrayList<>();
        if (message.toolCalls() != null) {
            for (ToolCall call : message.toolCalls()) {
                toolNamesByCallId.put(call.id(), call.function().name());
                requests.add(ToolExecutionRequest.builder().id(call.id()).name(call.function().name())
                        .arguments(call.function().arguments() == null ? "{}" : call.function().arguments()).build());
            }
        }
        String text = message.text();
        if (requests.isEmpty()) {
            return AiMessage.from(text);
        }
        return text.isEmpty() ? AiMessage.from(requests) : AiMessage.from(text, requests);
    }
}
