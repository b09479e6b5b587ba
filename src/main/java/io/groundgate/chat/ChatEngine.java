package io.groundgate.chat;

import io.groundgate.routing.RouteKind;

/**
 * Answers chat completions for one kind of route, with no knowledge of HTTP. Both methods block; callers run them on
 * worker threads.
 */
public interface ChatEngine {

    RouteKind kind();

    ChatCompletion complete(ChatTurn turn);

    /** Streams the answer into {@code sink}; returns when the answer is complete. */
    void stream(ChatTurn turn, Sink<ChatCompletionChunk> sink);
}
