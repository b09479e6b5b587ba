package io.groundgate.responses;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.groundgate.chat.ChatCompletionRequest;
import io.groundgate.chat.ChatMessage;
import io.groundgate.chat.GatewayException;
import io.groundgate.chat.ToolCall;
import io.groundgate.chat.ToolDefinition;

/**
 * Maps a Responses API request onto the chat completion request the engines answer: {@code instructions} and
 * {@code input} items become messages, function tools become chat tools. The chat request's own validation then applies;
 * {@link Translated#param} names a violation the way the client wrote it.
 */
public final class ResponsesTranslator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern MESSAGE = Pattern.compile("^messages\\[(\\d+)](.*)$");
    private static final Pattern TOOL = Pattern.compile("^tools\\[(\\d+)](?:\\.function)?(.*)$");

    /**
     * The chat form of a Responses request.
     *
     * @param chat the typed chat request, to validate and to run
     * @param body the same as JSON, for the fields engines read raw
     * @param conversation the messages without the instructions: what a later {@code previous_response_id} continues
     */
    public record Translated(ChatCompletionRequest chat, ObjectNode body, List<ChatMessage> conversation,
            List<String> messageSources, List<String> toolSources) {

        /** A chat parameter path ({@code messages[2].content}) as the Responses request spells it. */
        public String param(String chatParam) {
            Matcher message = MESSAGE.matcher(chatParam);
            if (message.matches()) {
                int index = Integer.parseInt(message.group(1));
                String rest = message.group(2).startsWith(".content") ? message.group(2) : "";
                return index < messageSources.size() ? messageSources.get(index) + rest : "input";
            }
            Matcher tool = TOOL.matcher(chatParam);
            if (tool.matches()) {
                int index = Integer.parseInt(tool.group(1));
                return (index < toolSources.size() ? toolSources.get(index) : "tools") + tool.group(2);
            }
            return switch (chatParam) {
                case "messages" -> "input";
                case "max_completion_tokens" -> "max_output_tokens";
                default -> chatParam;
            };
        }
    }

    private ResponsesTranslator() {
    }

    /**
     * @param previous the stored conversation {@code previous_response_id} continues (empty for none)
     * @param strict true on routes that run the request themselves: what they cannot honour (hosted tools, unknown item
     *        types) is refused; false on passthrough, where such things are the upstream's business and are skipped here
     */
    public static Translated translate(ResponsesRequest request, List<ChatMessage> previous, boolean strict) {
        List<ChatMessage> messages = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        if (request.instructions() != null && !request.instructions().isEmpty()) {
            messages.add(new ChatMessage("developer", TextNode.valueOf(request.instructions()), null, null, null));
            sources.add("instructions");
        }
        for (ChatMessage message : previous) {
            messages.add(message);
            sources.add("previous_response_id");
        }
        int conversationStart = messages.size() - previous.size();
        input(request.input(), messages, sources, strict);

        List<ToolDefinition> tools = new ArrayList<>();
        List<String> toolSources = new ArrayList<>();
        List<JsonNode> offered = request.toolsOrEmpty();
        for (int i = 0; i < offered.size(); i++) {
            JsonNode tool = offered.get(i);
            String type = tool == null ? null : tool.path("type").asText(null);
            if (!"function".equals(type)) {
                if (strict) {
                    throw GatewayException.invalid("Only 'function' tools are supported on this route (got "
                            + (type == null ? "no type" : "'" + type + "'") + "); the gateway brings its own tools.",
                            "tools[" + i + "].type");
                }
                continue;
            }
            JsonNode name = tool.get("name");
            tools.add(new ToolDefinition("function", new ToolDefinition.Function(name == null || name.isNull() ? null
                    : name.asText(), tool.path("description").asText(null), tool.get("parameters"),
                    tool.path("strict").isBoolean() ? tool.get("strict").asBoolean() : null)));
            toolSources.add("tools[" + i + "]");
        }
        JsonNode toolChoice = toolChoice(request.toolChoice(), strict);

        ChatCompletionRequest chat = new ChatCompletionRequest(request.model(), messages, request.stream(),
                new ChatCompletionRequest.StreamOptions(true), request.temperature(), request.topP(), null, null,
                request.maxOutputTokens(), tools.isEmpty() ? null : tools, toolChoice);
        ObjectNode body = body(request, chat, toolChoice);
        return new Translated(chat, body, List.copyOf(messages.subList(conversationStart, messages.size())),
                sources, toolSources);
    }

    private static void input(JsonNode input, List<ChatMessage> messages, List<String> sources, boolean strict) {
        if (input == null || input.isNull()) {
            return;
        }
        if (input.isTextual()) {
            messages.add(new ChatMessage("user", input, null, null, null));
            sources.add("input");
            return;
        }
        if (!input.isArray()) {
            throw GatewayException.invalid("Invalid type for 'input': expected a string or an array of input items.",
                    "input");
        }
        for (int i = 0; i < input.size(); i++) {
            JsonNode item = input.get(i);
            String where = "input[" + i + "]";
            if (!item.isObject()) {
                throw GatewayException.invalid("Invalid type for '" + where + "': expected an object.", where);
            }
            String type = item.path("type").asText(item.has("role") ? "message" : "");
            switch (type) {
                case "message" -> {
                    messages.add(new ChatMessage(item.path("role").asText(null), content(item.get("content"), where),
                            null, null, null));
                    sources.add(where);
                }
                case "function_call" -> {
                    ToolCall call = ToolCall.function(item.path("call_id").asText(null), item.path("name").asText(null),
                            item.path("arguments").asText(""));
                    ChatMessage last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
                    if (last != null && "assistant".equals(last.role()) && last.toolCalls() != null) {
                        List<ToolCall> calls = new ArrayList<>(last.toolCalls());
                        calls.add(call);
                        messages.set(messages.size() - 1, new ChatMessage("assistant", last.content(), null, calls, null));
                    } else {
                        messages.add(new ChatMessage("assistant", null, null, List.of(call), null));
                        sources.add(where);
                    }
                }
                case "function_call_output" -> {
                    JsonNode output = item.get("output");
                    messages.add(new ChatMessage("tool", output == null || output.isTextual() ? output
                            : content(output, where + ".output"), null, null, item.path("call_id").asText(null)));
                    sources.add(where);
                }
                case "reasoning" -> {
                    // a reasoning model's own notes: the chat upstream has no place for them
                }
                default -> {
                    if (strict) {
                        throw GatewayException.invalid("Input items of type '" + type + "' are not supported on this "
                                + "route; use message, function_call and function_call_output items.", where + ".type");
                    }
                }
            }
        }
    }

    /** Responses content parts as chat content parts; a string stays a string. */
    private static JsonNode content(JsonNode content, String where) {
        if (content == null || content.isNull() || content.isTextual()) {
            return content;
        }
        if (!content.isArray()) {
            throw GatewayException.invalid("Invalid type for '" + where + ".content': expected a string or an array of "
                    + "content parts.", where + ".content");
        }
        ArrayNode parts = JSON.arrayNode();
        for (JsonNode part : content) {
            String type = part.path("type").asText("");
            switch (type) {
                case "input_text", "output_text", "text" -> parts.addObject().put("type", "text")
                        .set("text", part.get("text"));
                case "refusal" -> parts.addObject().put("type", "text").set("text", part.get("refusal"));
                case "input_image" -> {
                    ObjectNode image = parts.addObject().put("type", "image_url").putObject("image_url");
                    image.set("url", part.get("image_url"));
                    if (part.has("detail")) {
                        image.set("detail", part.get("detail"));
                    }
                }
                default -> parts.add(part); // the chat validation names what it cannot take
            }
        }
        return parts;
    }

    private static JsonNode toolChoice(JsonNode choice, boolean strict) {
        if (choice == null || choice.isNull() || choice.isTextual()) {
            return choice;
        }
        if ("function".equals(choice.path("type").asText()) && choice.path("name").isTextual()) {
            ObjectNode named = JSON.objectNode().put("type", "function");
            named.putObject("function").set("name", choice.get("name"));
            return named;
        }
        if (strict) {
            throw GatewayException.invalid("tool_choice must be 'auto', 'none', 'required' or a function "
                    + "{\"type\":\"function\",\"name\":...} on this route.", "tool_choice");
        }
        return null;
    }

    /** The chat request as JSON: only chat fields, since engines pass unknown fields on to the upstream. */
    private static ObjectNode body(ResponsesRequest request, ChatCompletionRequest chat, JsonNode toolChoice) {
        ObjectNode body = JSON.objectNode();
        body.put("model", chat.model());
        if (toolChoice != null) {
            body.set("tool_choice", toolChoice);
        }
        if (request.parallelToolCalls() != null) {
            body.put("parallel_tool_calls", request.parallelToolCalls());
        }
        if (request.user() != null) {
            body.put("user", request.user());
        }
        if (request.metadata() != null && request.metadata().isObject()) {
            body.set("metadata", request.metadata());
        }
        JsonNode format = request.text() == null ? null : request.text().get("format");
        if (format != null && "json_schema".equals(format.path("type").asText())) {
            ObjectNode schema = JSON.objectNode();
            for (String field : List.of("name", "description", "schema", "strict")) {
                if (format.has(field)) {
                    schema.set(field, format.get(field));
                }
            }
            body.putObject("response_format").put("type", "json_schema").set("json_schema", schema);
        } else if (format != null && "json_object".equals(format.path("type").asText())) {
            body.putObject("response_format").put("type", "json_object");
        }
        return body;
    }
}
