package io.groundgate.chat;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks what a single-field constraint cannot: content shape by role, and tool messages naming their call. */
public class ChatMessageValidator implements ConstraintValidator<ValidChatMessage, ChatMessage> {

    @Override
    public boolean isValid(ChatMessage message, ConstraintValidatorContext context) {
        if (message == null || message.role() == null) {
            return true; // reported by @NotNull
        }
        context.disableDefaultConstraintViolation();
        JsonNode content = message.content();
        boolean absent = content == null || content.isNull();
        if (absent) {
            boolean assistantWithCalls = "assistant".equals(message.role()) && message.toolCalls() != null
                    && !message.toolCalls().isEmpty();
            if (!assistantWithCalls) {
                return violation(context, "content", "you must provide content for a '" + message.role()
                        + "' message" + ("assistant".equals(message.role()) ? " without tool_calls" : ""));
            }
        } else if (content.isArray()) {
            if (content.isEmpty()) {
                return violation(context, "content", "content must be a string or a non-empty array of content parts");
            }
            int index = 0;
            for (JsonNode part : content) {
                String problem = ContentParts.problem(message.role(), part);
                if (problem != null) {
                    return violation(context, "content[" + index + "]" + ContentParts.field(part), problem);
                }
                index++;
            }
        } else if (!content.isTextual()) {
            return violation(context, "content", "content must be a string or an array of content parts");
        }
        if ("tool".equals(message.role()) && (message.toolCallId() == null || message.toolCallId().isBlank())) {
            return violation(context, "tool_call_id", "a 'tool' message must carry the tool_call_id it answers");
        }
        if (message.toolCalls() != null && !message.toolCalls().isEmpty() && !"assistant".equals(message.role())) {
            return violation(context, "tool_calls", "only 'assistant' messages may carry tool_calls");
        }
        return true;
    }

    private static boolean violation(ConstraintValidatorContext context, String property, String message) {
        context.buildConstraintViolationWithTemplate(message).addPropertyNode(property).addConstraintViolation();
        return false;
    }
}
