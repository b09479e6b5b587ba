package io.groundgate.api;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.chat.ChatCompletion;
import io.groundgate.chat.ChatCompletionChunk;
import io.groundgate.chat.GatewayException;
import io.groundgate.chat.Sink;
import io.vertx.core.buffer.Buffer;

/** Chat completions on the wire: a {@code chat.completion}, or {@code data:} chunks ending in {@code data: [DONE]}. */
final class ChatWire implements AnswerWire {

    private static final Buffer DONE = Buffer.buffer("data: [DONE]\n\n");

    private final ObjectMapper mapper;

    ChatWire(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Object whole(ChatCompletion completion) {
        return completion;
    }

    @Override
    public Sink<ChatCompletionChunk> sink(Sink<Buffer> out) {
        return out.mapping(this::data);
    }

    @Override
    public Buffer end() {
        return DONE;
    }

    @Override
    public Buffer failure(GatewayException error) {
        return Buffer.buffer("data: " + new String(ErrorResponses.json(error), StandardCharsets.UTF_8) + "\n\n");
    }

    private Buffer data(ChatCompletionChunk chunk) {
        try {
            byte[] json = mapper.writeValueAsBytes(chunk);
            return Buffer.buffer(json.length + 8).appendString("data: ").appendBytes(json).appendString("\n\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a chunk", e);
        }
    }
}
