package io.groundgate.grounding;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.groundgate.chat.ChatCompletion;
import io.groundgate.chat.ChatCompletionChunk;
import io.groundgate.chat.ChatEngine;
import io.groundgate.chat.ChatTurn;
import io.groundgate.chat.Sink;
import io.groundgate.routing.RouteKind;
import io.groundgate.upstream.TokenMeter;

/** The {@code grounded/<model>} route: the upstream model behind the gateway's tool loop. */
@ApplicationScoped
public class GroundedEngine implements ChatEngine {

    private static final String ROUTE = "grounded";

    private final ToolLoop loop;
    private final TokenMeter tokens;
    private final AnswerMetrics metrics;

    public GroundedEngine(ToolLoop loop, TokenMeter tokens, AnswerMetrics metrics) {
        this.loop = loop;
        this.tokens = tokens;
        this.metrics = metrics;
    }

    @Override
    public RouteKind kind() {
        return RouteKind.GROUNDED;
    }

    @Override
    public ChatCompletion complete(ChatTurn turn) {
        ProvenanceRecorder recorder = new ProvenanceRecorder();
        ToolLoop.Result result = loop.run(turn, null, recorder);
        count(turn, result);
        return new Completions(turn.request().model()).whole(result.text(), result.clientCalls(), result.finishReason(),
                result.usage(), metrics.observe(recorder.build(route(turn), null, result.rounds()), false));
    }

    private static String route(ChatTurn turn) {
        return turn.route().contextMode() ? ROUTE + "-context" : ROUTE;
    }

    private void count(ChatTurn turn, ToolLoop.Result result) {
        tokens.count(turn.route().id(), ROUTE, result.usage().promptTokens(), result.usage().completionTokens());
    }

    @Override
    public void stream(ChatTurn turn, Sink<ChatCompletionChunk> sink) {
        Completions completions = new Completions(turn.request().model());
        ProvenanceRecorder recorder = new ProvenanceRecorder();
        // the first chunk commits the 200: it waits for the upstream's first answer, so that an upstream failing from the
        // start is still a clean HTTP error, and goes out before tools run, so the client does not time out meanwhile
        AtomicBoolean begun = new AtomicBoolean();
        Runnable begin = () -> {
            if (begun.compareAndSet(false, true)) {
                completions.role(sink);
            }
        };
        ToolLoop.Result result = loop.run(turn, new ToolLoop.StreamListener() {
            @Override
            public void text(String delta) {
                begin.run();
                completions.text(sink, delta);
            }

            @Override
            public void beat() {
                begin.run();
                sink.keepAlive();
            }

            @Override
            public boolean cancelled() {
                return sink.cancelled();
            }
        }, recorder);
        count(turn, result);
        begin.run();
        completions.toolCalls(sink, result.clientCalls());
        completions.finish(sink, result.finishReason(), result.usage(), turn.request().includeUsage(),
                metrics.observe(recorder.build(route(turn), null, result.rounds()), false));
    }
}
