package io.groundgate.responses;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.chat.ChatCompletionChunk;
import io.groundgate.chat.GatewayException;
import io.groundgate.chat.Sink;

/**
 * Turns an engine's chat completion chunks into the Responses API's event stream, as OpenAI emits it:
 * {@code response.created}, {@code response.in_progress}; per output item {@code response.output_item.added}, for a
 * message {@code response.content_part.added}, {@code response.output_text.delta}…, {@code response.output_text.done},
 * {@code response.content_part.done}, for a function call {@code response.function_call_arguments.delta}…,
 * {@code response.function_call_arguments.done}; then {@code response.output_item.done}; finally
 * {@code response.completed} (or {@code response.incomplete}) with the whole response, usage and grounding. Every event
 * carries a {@code sequence_number}.
 */
public final class ResponseEvents implements Sink<ChatCompletionChunk> {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ResponseDraft draft;
    private final Sink<ObjectNode> out;
    private final Consumer<List<ObjectNode>> completed;
    private final List<ObjectNode> output = new ArrayList<>();
    private int sequence;
    private boolean started;
    private ObjectNode open;
    private final StringBuilder pending = new StringBuilder();
    private String finishReason;

    /** @param completed receives the final output items once the response is complete */
    public ResponseEvents(ResponseDraft draft, Sink<ObjectNode> out, Consumer<List<ObjectNode>> completed) {
        this.draft = draft;
        this.out = out;
        this.completed = completed;
    }

    @Override
    public void send(ChatCompletionChunk chunk) {
        start();
        if (chunk.choices() == null || chunk.choices().isEmpty()) {
            finish(chunk);
            return;
        }
        ChatCompletionChunk.Choice choice = chunk.choices().get(0);
        ChatCompletionChunk.Delta delta = choice.delta();
        if (delta != null && delta.content() != null && !delta.content().isEmpty()) {
            text(delta.content());
        }
        if (delta != null && delta.toolCalls() != null) {
            for (ChatCompletionChunk.ToolCallDelta call : delta.toolCalls()) {
                String arguments = call.function() == null ? null : call.function().arguments();
                if (call.id() != null) {
                    close();
                    open(ResponseDraft.functionCallItem(ResponseDraft.newId("fc_"), "in_progress", call.id(),
                            call.function() == null ? null : call.function().name(), ""));
                }
                if (arguments != null && !arguments.isEmpty() && open != null) {
                    pending.append(arguments);
                    emit(itemEvent("response.function_call_arguments.delta").put("delta", arguments));
                }
            }
        }
        if (choice.finishReason() != null) {
            finishReason = choice.finishReason();
        }
    }

    @Override
    public void keepAlive() {
        out.keepAlive();
    }

    @Override
    public boolean cancelled() {
        return out.cancelled();
    }

    /** The {@code error} event for a failure after the stream began. */
    public ObjectNode error(GatewayException e) {
        ObjectNode event = JSON.objectNode().put("type", "error").put("sequence_number", sequence++);
        event.put("code", e.code() == null ? e.kind().type() : e.code()).put("message", e.getMessage())
                .put("param", e.param());
        return event;
    }

    private void start() {
        if (started) {
            return;
        }
        started = true;
        ObjectNode response = draft.response("in_progress", List.of(), null, null, null);
        emit(JSON.objectNode().put("type", "response.created").set("response", response));
        emit(JSON.objectNode().put("type", "response.in_progress").set("response", response.deepCopy()));
    }

    private void text(String delta) {
        if (open == null || !"message".equals(open.path("type").asText())) {
            close();
            open(ResponseDraft.messageItem(ResponseDraft.newId("msg_"), "in_progress", null));
            ObjectNode added = itemEvent("response.content_part.added").put("content_index", 0);
            added.set("part", ResponseDraft.outputText(""));
            emit(added);
        }
        if (!delta.isEmpty()) {
            pending.append(delta);
            ObjectNode event = itemEvent("response.output_text.delta").put("content_index", 0).put("delta", delta);
            event.putArray("logprobs");
            emit(event);
        }
    }

    private void open(ObjectNode item) {
        open = item;
        pending.setLength(0);
        output.add(item);
        ObjectNode added = JSON.objectNode().put("type", "response.output_item.added").put("output_index", output.size() - 1);
        added.set("item", item.deepCopy());
        emit(added);
    }

    /** Ends the open item: its done events, then {@code response.output_item.done} with the item as it now stands. */
    private void close() {
        if (open == null) {
            return;
        }
        String whole = pending.toString();
        if ("message".equals(open.path("type").asText())) {
            ObjectNode done = itemEvent("response.output_text.done").put("content_index", 0).put("text", whole);
            done.putArray("logprobs");
            emit(done);
            ObjectNode part = ResponseDraft.outputText(whole);
            emit(itemEvent("response.content_part.done").put("content_index", 0).set("part", part));
            open.withArray("content").add(part.deepCopy());
        } else {
            open.put("arguments", whole);
            emit(itemEvent("response.function_call_arguments.done").put("name", open.path("name").asText())
                    .put("arguments", whole));
        }
        open.put("status", "completed");
        ObjectNode done = JSON.objectNode().put("type", "response.output_item.done").put("output_index", output.size() - 1);
        done.set("item", open.deepCopy());
        emit(done);
        open = null;
    }

    private void finish(ChatCompletionChunk last) {
        if (output.isEmpty()) {
            text(""); // an empty answer is still one (empty) message, as in the non-streamed response
        }
        close();
        boolean cut = "length".equals(finishReason);
        ObjectNode response = draft.response(cut ? "incomplete" : "completed", output, last.usage(), last.grounding(),
                cut ? "max_output_tokens" : null);
        emit(JSON.objectNode().put("type", cut ? "response.incomplete" : "response.completed").set("response", response));
        completed.accept(List.copyOf(output));
    }

    private ObjectNode itemEvent(String type) {
        return JSON.objectNode().put("type", type).put("item_id", open.path("id").asText())
                .put("output_index", output.size() - 1);
    }

    private void emit(ObjectNode event) {
        ObjectNode numbered = JSON.objectNode();
        numbered.put("type", event.path("type").asText()).put("sequence_number", sequence++);
        event.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("type")) {
                numbered.set(f.getKey(), f.getValue());
            }
        });
        out.send(numbered);
    }
}
