package io.groundgate.grounding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.TextNode;

import dev.langchain4j.agent.tool.ToolExecutionRequest;

import io.groundgate.chat.ChatCompletion;
import io.groundgate.chat.ChatCompletionChunk;
import io.groundgate.chat.ChatCompletionChunk.Delta;
import io.groundgate.chat.ChatCompletionChunk.FunctionDelta;
import io.groundgate.chat.ChatCompletionChunk.ToolCallDelta;
import io.groundgate.chat.ChatMessage;
import io.groundgate.chat.Sink;
import io.groundgate.chat.ToolCall;
import io.groundgate.chat.Usage;

/**
 * Builds one answer in OpenAI's shapes: a whole {@code chat.completion}, or the chunks of a stream with the exact delta
 * shape clients rely on (role first; per tool call, id, type and name once, then argument fragments by index; usage
 * only when asked; grounding in the last chunk before {@code [DONE]}).
 */
public final class Completions {

    private final String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    private final long created = Instant.now().getEpochSecond();
    private final String model;

    public Completions(String model) {
        this.model = model;
    }

    public ChatCompletion whole(String text, List<ToolExecutionRequest> toolCalls, String finishReason, Usage usage,
            Object grounding) {
        List<ToolCall> calls = toolCalls.isEmpty() ? null
                : toolCalls.stream().map(c -> ToolCall.function(c.id(), c.name(), c.arguments())).toList();
        ChatMessage message = new ChatMessage("assistant",
                calls != null && text.isEmpty() ? null : TextNode.valueOf(text), null, calls, null);
        return new ChatCompletion(id, created, model, List.of(new ChatCompletion.Choice(0, message, finishReason)), usage,
                grounding);
    }

    public void role(Sink<ChatCompletionChunk> sink) {
        sink.send(delta(new Delta("assistant", "", null), null));
    }

    public void text(Sink<ChatCompletionChunk> sink, String text) {
        sink.send(delta(new Delta(null, text, null), null));
    }

    public void toolCalls(Sink<ChatCompletionChunk> sink, List<ToolExecutionRequest> calls) {
        for (int i = 0; i < calls.size(); i++) {
            ToolExecutionRequest call = calls.get(i);
            sink.send(delta(new Delta(null, null,
                    List.of(new ToolCallDelta(i, call.id(), "function", new FunctionDelta(call.name(), "")))), null));
            sink.send(delta(new Delta(null, null,
                    List.of(new ToolCallDelta(i, null, null, new FunctionDelta(null, call.arguments())))), null));
        }
    }

    /** The finishing chunk, then the closing one with usage (when asked) and grounding. */
    public void finish(Sink<ChatCompletionChunk> sink, String finishReason, Usage usage, boolean includeUsage, Object grounding) {
        sink.send(delta(new Delta(null, null, null), finishReason));
        sink.send(new ChatCompletionChunk(id, created, model, new ArrayList<>(), includeUsage ? usage : null, grounding));
    }

    private ChatCompletionChunk delta(Delta delta, String finishReason) {
        return new ChatCompletionChunk(id, created, model, List.of(new ChatCompletionChunk.Choice(0, delta, finishReason)),
                null, null);
    }
}
