package io.groundgate.grounding.local;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.groundgate.chat.ChatCompletion;
import io.groundgate.chat.ChatMessage;
import io.groundgate.chat.ChatTurn;
import io.groundgate.chat.ChunkSink;
import io.groundgate.chat.ChatEngine;
import io.groundgate.chat.Usage;
import io.groundgate.grounding.Completions;
import io.groundgate.grounding.AnswerMetrics;
import io.groundgate.grounding.Grounding;
import io.groundgate.grounding.ProvenanceRecorder;
import io.groundgate.grounding.local.plan.Answer;
import io.groundgate.routing.RouteKind;
import io.groundgate.upstream.TokenMeter;

/**
 * The {@code groundgate-local} route: the embedded planner answers the last user message, with no language model.
 * Usage counts whitespace-separated words as tokens (prompt: the question answered; completion: the answer), a rough
 * but deterministic measure, since there is no tokenizer of a model to agree with.
 */
@ApplicationScoped
public class LocalEngine implements ChatEngine {

    private static final String ROUTE = RouteKind.LOCAL.label();
    private static final int WORDS_PER_CHUNK = 6;

    private final LocalPlanner planner;
    private final TokenMeter tokens;
    private final AnswerMetrics metrics;

    public LocalEngine(LocalPlanner planner, TokenMeter tokens, AnswerMetrics metrics) {
        this.planner = planner;
        this.tokens = tokens;
        this.metrics = metrics;
    }

    @Override
    public RouteKind kind() {
        return RouteKind.LOCAL;
    }

    @Override
    public ChatCompletion complete(ChatTurn turn) {
        String question = lastUserMessage(turn);
        ProvenanceRecorder recorder = new ProvenanceRecorder();
        Answer answer = planner.answer(question, recorder);
        String text = answer.text();
        Usage usage = usage(turn, question, text);
        return new Completions(turn.request().model()).whole(text, List.of(), "stop", usage,
                grounding(recorder, answer));
    }

    @Override
    public void stream(ChatTurn turn, ChunkSink sink) {
        Completions completions = new Completions(turn.request().model());
        completions.role(sink);
        String question = lastUserMessage(turn);
        ProvenanceRecorder recorder = new ProvenanceRecorder();
        Answer answer = planner.answer(question, recorder);
        String text = answer.text();
        for (String piece : pieces(text)) {
            if (sink.cancelled()) {
                return;
            }
            completions.text(sink, piece);
        }
        completions.finish(sink, "stop", usage(turn, question, text), turn.request().includeUsage(),
                grounding(recorder, answer));
    }

    private Grounding grounding(ProvenanceRecorder recorder, Answer answer) {
        // the planner queries the graph and the calculator directly, not through the tool registry
        return metrics.observe(recorder.build(ROUTE, answer.graphVersion(), 0), true);
    }

    private Usage usage(ChatTurn turn, String question, String answer) {
        long in = words(question);
        long out = words(answer);
        tokens.count(turn.route().id(), ROUTE, in, out);
        return new Usage(in, out, in + out);
    }

    /** The answer in pieces of a few words; joined they give the exact text. */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int words = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' && ++words % WORDS_PER_CHUNK == 0) {
                pieces.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }

    static long words(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    private static String lastUserMessage(ChatTurn turn) {
        List<ChatMessage> messages = turn.request().messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).role())) {
                return messages.get(i).text();
            }
        }
        return "";
    }
}
