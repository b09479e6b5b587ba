package io.groundgate.api;

import io.groundgate.chat.ChatCompletion;
import io.groundgate.chat.ChatCompletionChunk;
import io.groundgate.chat.GatewayException;
import io.groundgate.chat.Sink;
import io.vertx.core.buffer.Buffer;

/** How an engine's answer is written for one API: chat completions or Responses. Used by {@link EngineResponder}. */
interface AnswerWire {

    /** The JSON body of a non-streamed answer (called on a worker thread). */
    Object whole(ChatCompletion completion);

    /** The sink an engine streams into, writing this API's events to {@code out} (the response's bytes). */
    Sink<ChatCompletionChunk> sink(Sink<Buffer> out);

    /** Bytes after the last event of a successful stream. */
    Buffer end();

    /** The event that reports a failure once the stream has begun. */
    Buffer failure(GatewayException error);
}
