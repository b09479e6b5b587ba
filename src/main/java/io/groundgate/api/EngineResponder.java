package io.groundgate.api;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.chat.ChatCompletion;
import io.groundgate.chat.ChatCompletionChunk;
import io.groundgate.chat.ChatEngine;
import io.groundgate.chat.ChatTurn;
import io.groundgate.chat.ChunkSink;
import io.groundgate.chat.GatewayException;
import io.groundgate.chat.Usage;
import io.groundgate.grounding.Grounding;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs a {@link ChatEngine} on a worker thread and writes its answer: one JSON body, or Server-Sent Events ending in
 * {@code data: [DONE]}. The response head is written with the first event, so a failure before that is still a clean
 * HTTP error.
 */
final class EngineResponder {

    private static final Buffer DONE = Buffer.buffer("data: [DONE]\n\n");
    private static final Buffer KEEP_ALIVE = Buffer.buffer(": keep-alive\n\n");

    private final RoutingContext ctx;
    private final ChatEngine engine;
    private final ObjectMapper mapper;
    private final Context context;

    EngineResponder(RoutingContext ctx, ChatEngine engine, ObjectMapper mapper) {
        this.ctx = ctx;
        this.engine = engine;
        this.mapper = mapper;
        this.context = ctx.vertx().getOrCreateContext();
    }

    void respond(ChatTurn turn) {
        if (turn.request().streaming()) {
            stream(turn);
        } else {
            ctx.vertx().<byte[]> executeBlocking(() -> {
                ChatCompletion completion = engine.complete(turn);
                record(completion.usage(), completion.grounding());
                return mapper.writeValueAsBytes(completion);
            }, false)
                    .onComplete(result -> {
                        RequestTiming.addUpstreamNanos(ctx, turn.upstreamTime().nanos());
                        if (result.failed()) {
                            ChatCompletionsRoute.fail(ctx, result.cause());
                        } else if (!ctx.response().closed()) {
                            ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                                    .end(Buffer.buffer(result.result()));
                        }
                    });
        }
    }

    private void stream(ChatTurn turn) {
        HttpServerResponse out = ctx.response();
        AtomicBoolean cancelled = new AtomicBoolean();
        out.closeHandler(v -> cancelled.set(true));
        ChunkSink sink = new ChunkSink() {
            @Override
            public void send(ChatCompletionChunk chunk) {
                record(chunk.usage(), chunk.grounding());
                Buffer event = event(chunk);
                context.runOnContext(v -> write(out, event));
            }

            @Override
            public void keepAlive() {
                context.runOnContext(v -> write(out, KEEP_ALIVE));
            }

            @Override
            public boolean cancelled() {
                return cancelled.get();
            }
        };
        ctx.vertx().executeBlocking(() -> {
            engine.stream(turn, sink);
            return null;
        }, false).onComplete(result -> {
            if (out.ended() || out.closed()) {
                return;
            }
            if (result.succeeded()) {
                write(out, DONE);
                out.end();
            } else if (!out.headWritten()) {
                ChatCompletionsRoute.fail(ctx, result.cause());
            } else {
                GatewayException error = result.cause() instanceof GatewayException g ? g
                        : new GatewayException(io.groundgate.chat.ErrorKind.INTERNAL, "The answer failed mid-stream.");
                out.end(Buffer.buffer("data: " + new String(ErrorResponses.json(error), StandardCharsets.UTF_8) + "\n\n"));
            }
        });
    }

    /** For the access log: an answer's usage and how many tool calls grounded it (recorded before the answer is written, so the end handler sees it). */
    private void record(Usage usage, Object grounding) {
        RequestUsage.tokens(ctx, usage);
        if (grounding instanceof Grounding g && g.steps() != null) {
            RequestUsage.toolSteps(ctx, g.steps().size());
        }
    }

    private void write(HttpServerResponse out, Buffer data) {
        if (out.ended() || out.closed()) {
            return;
        }
        if (!out.headWritten()) {
            out.setStatusCode(200).setChunked(true)
                    .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                    .putHeader("Cache-Control", "no-cache");
        }
        out.write(data);
    }

    private Buffer event(ChatCompletionChunk chunk) {
        try {
            byte[] json = mapper.writeValueAsBytes(chunk);
            return Buffer.buffer(json.length + 8).appendString("data: ").appendBytes(json).appendString("\n\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a chunk", e);
        }
    }
}
