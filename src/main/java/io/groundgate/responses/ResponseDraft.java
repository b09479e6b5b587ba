package io.groundgate.responses;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.groundgate.chat.ChatCompletion;
import io.groundgate.chat.ChatMessage;
import io.groundgate.chat.ToolCall;
import io.groundgate.chat.Usage;

/**
 * One Responses API answer in the making: its id, and OpenAI's {@code response} object and output items built from what
 * an engine produced. {@code grounding} is GroundGate's addition, as on chat completions.
 */
public final class ResponseDraft {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id = newId("resp_");
    private final long createdAt = Instant.now().getEpochSecond();
    private final ResponsesRequest request;

    public ResponseDraft(ResponsesRequest request) {
        this.request = request;
    }

    public String id() {
        return id;
    }

    static String newId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    /** The {@code response} object with the given status and output; usage and grounding may be null (in progress). */
    public ObjectNode response(String status, List<ObjectNode> output, Usage usage, Object grounding,
            String incompleteReason) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", id).put("object", "response").put("created_at", createdAt).put("status", status);
        r.putNull("error");
        if (incompleteReason == null) {
            r.putNull("incomplete_details");
        } else {
            r.putObject("incomplete_details").put("reason", incompleteReason);
        }
        r.put("instructions", request.instructions());
        putNumber(r, "max_output_tokens", request.maxOutputTokens());
        r.put("model", request.model());
        r.putArray("output").addAll(output);
        r.put("parallel_tool_calls", request.parallelToolCalls() == null || request.parallelToolCalls());
        r.put("previous_response_id", request.previousResponseId());
        ObjectNode reasoning = r.putObject("reasoning");
        reasoning.putNull("effort");
        reasoning.putNull("summary");
        r.put("store", request.stored());
        r.put("temperature", request.temperature() == null ? 1.0 : request.temperature());
        r.set("text", request.text() != null && request.text().isObject() ? request.text()
                : JSON.createObjectNode().set("format", JSON.createObjectNode().put("type", "text")));
        r.set("tool_choice", request.toolChoice() == null ? TextNode.valueOf("auto") : request.toolChoice());
        r.putArray("tools").addAll(request.toolsOrEmpty());
        r.put("top_p", request.topP() == null ? 1.0 : request.topP());
        r.put("truncation", "disabled");
        if (usage == null) {
            r.putNull("usage");
        } else {
            ObjectNode u = r.putObject("usage");
            u.put("input_tokens", usage.promptTokens());
            u.putObject("input_tokens_details").put("cached_tokens", 0);
            u.put("output_tokens", usage.completionTokens());
            u.putObject("output_tokens_details").put("reasoning_tokens", 0);
            u.put("total_tokens", usage.totalTokens());
        }
        r.put("user", request.user());
        r.set("metadata", request.metadata() != null && request.metadata().isObject() ? request.metadata()
                : JSON.createObjectNode());
        if (grounding != null) {
            r.set("grounding", JSON.valueToTree(grounding));
        }
        return r;
    }

    /** A whole chat completion as a completed (or, cut short by the token limit, incomplete) response. */
    public ObjectNode whole(ChatCompletion completion) {
        ChatCompletion.Choice choice = completion.choices().get(0);
        ChatMessage message = choice.message();
        List<ObjectNode> output = new ArrayList<>();
        String text = message.text();
        if (!text.isEmpty() || message.toolCalls() == null || message.toolCalls().isEmpty()) {
            output.add(messageItem(newId("msg_"), "completed", text));
        }
        if (message.toolCalls() != null) {
            for (ToolCall call : message.toolCalls()) {
                output.add(functionCallItem(newId("fc_"), "completed", call.id(), call.function().name(),
                        call.function().arguments()));
            }
        }
        boolean cut = "length".equals(choice.finishReason());
        return response(cut ? "incomplete" : "completed", output, completion.usage(), completion.grounding(),
                cut ? "max_output_tokens" : null);
    }

    static ObjectNode messageItem(String itemId, String status, String text) {
        ObjectNode item = JSON.createObjectNode().put("id", itemId).put("type", "message").put("status", status)
                .put("role", "assistant");
        ArrayNode content = item.putArray("content");
        if (text != null) {
            content.add(outputText(text));
        }
        return item;
    }

    static ObjectNode outputText(String text) {
        ObjectNode part = JSON.createObjectNode().put("type", "output_text").put("text", text);
        part.putArray("annotations");
        part.putArray("logprobs");
        return part;
    }

    static ObjectNode functionCallItem(String itemId, String status, String callId, String name, String arguments) {
        return JSON.createObjectNode().put("id", itemId).put("type", "function_call").put("status", status)
                .put("arguments", arguments).put("call_id", callId).put("name", name);
    }

    /** The assistant turn a response's output stands for, to continue the conversation from. */
    static ChatMessage assistantMessage(List<ObjectNode> output) {
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode item : output) {
            if ("message".equals(item.path("type").asText())) {
                item.path("content").forEach(part -> text.append(part.path("text").asText()));
            } else if ("function_call".equals(item.path("type").asText())) {
                calls.add(ToolCall.function(item.path("call_id").asText(), item.path("name").asText(),
                        item.path("arguments").asText()));
            }
        }
        return new ChatMessage("assistant", text.isEmpty() && !calls.isEmpty() ? null : TextNode.valueOf(text.toString()),
                null, calls.isEmpty() ? null : calls, null);
    }

    private static void putNumber(ObjectNode node, String field, Integer value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
