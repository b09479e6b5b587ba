package io.groundgate.api;

import io.groundgate.chat.ChatCompletion;
import io.groundgate.chat.ChunkSink;
import io.groundgate.chat.GatewayException;
import io.vertx.core.buffer.Buffer;

/** How an engine's answer is written for one API: chat completions or Responses. Used by {@link EngineResponder}. */
interface AnswerWire {

    /** Where a streamed answer's bytes go; safe to call from a worker thread. */
    interface Out {
        void write(Buffer event);

        void keepAlive();

        boolean cancelled();
    }

    /** The JSON body of a non-streamed answer (called on a worker thread). */
    Object whole(ChatCompletion completion);

    /** The sink an engine streams into, writing events to {@code out}. */
    ChunkSink sink(Out out);

    /** Bytes after the last event of a successful stream. */
    Buffer end();

    /** The event that reports a failure once the stream has begun. */
    Buffer failure(GatewayException error);
}
