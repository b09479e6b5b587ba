package io.groundgate.chat;

/** Where a streaming engine sends its chunks. Implementations are safe to call from a worker thread. */
public interface ChunkSink {

    void send(ChatCompletionChunk chunk);

    /** Sends bytes the client ignores, so that it does not time out while tools run. */
    void keepAlive();

    /** True once the client has gone away: stop working and return. */
    boolean cancelled();
}
