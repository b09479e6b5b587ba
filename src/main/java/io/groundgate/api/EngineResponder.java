package io.groundgate.api;

import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.chat.ChatCompletion;
import io.groundgate.chat.ChatCompletionChunk;
import io.groundgate.chat.ChatEngine;
import io.groundgate.chat.ChatTurn;
import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.groundgate.chat.Sink;
import io.groundgate.chat.Usage;
import io.groundgate.grounding.Grounding;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs a {@link ChatEngine} on a worker thread and writes its answer in the shape of an {@link AnswerWire}: one JSON
 * body, or Server-Sent Events. The response head is written with the first event, so a failure before that is still a
 * clean HTTP error.
 */
final class EngineResponder {

    private static final Buffer KEEP_ALIVE = Buffer.buffer(": keep-alive\n\n");

    private final RoutingContext ctx;
    private final ChatEngine engine;
    private final ObjectMapper mapper;
    private final AnswerWire wire;
    private final Context context;

    EngineResponder(RoutingContext ctx, ChatEngine engine, ObjectMapper mapper, AnswerWire wire) {
        this.ctx = ctx;
        this.engine = engine;
        this.mapper = mapper;
        this.wire = wire;
        this.context = ctx.vertx().getOrCreateContext();
    }

    void respond(ChatTurn turn) {
        if (turn.request().streaming()) {
            stream(turn);
        } else {
            ctx.vertx().<byte[]> executeBlocking(() -> {
                ChatCompletion completion = engine.complete(turn);
                record(completion.usage(), completion.grounding());
                return mapper.writeValueAsBytes(wire.whole(completion));
            }, false)
                    .onComplete(result -> {
                        RequestTiming.addUpstreamNanos(ctx, turn.upstreamTime().nanos());
                        if (result.failed()) {
                            JsonPost.fail(ctx, result.cause());
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
        Sink<Buffer> bytes = new Sink<>() {
            @Override
            public void send(Buffer event) {
                context.runOnContext(v -> EngineResponder.this.write(out, event));
            }

            @Override
            public void keepAlive() {
                context.runOnContext(v -> EngineResponder.this.write(out, KEEP_ALIVE));
            }

            @Override
            public boolean cancelled() {
                return cancelled.get();
            }
        };
        Sink<ChatCompletionChunk> sink = wire.sink(bytes).peeking(chunk -> record(chunk.usage(), chunk.grounding()));
        ctx.vertx().executeBlocking(() -> {
            engine.stream(turn, sink);
            return null;
        }, false).onComplete(result -> {
            if (out.ended() || out.closed()) {
                return;
            }
            if (result.succeeded()) {
                write(out, wire.end());
                out.end();
            } else if (!out.headWritten()) {
                JsonPost.fail(ctx, result.cause());
            } else {
                GatewayException error = result.cause() instanceof GatewayException g ? g
                        : new GatewayException(ErrorKind.INTERNAL, "The answer failed mid-stream.");
                out.end(wire.failure(error));
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
}
