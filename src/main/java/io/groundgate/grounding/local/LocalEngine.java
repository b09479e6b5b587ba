package io.groundgate.grounding.local;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.groundgate.chat.ChatCompletion;
import io.groundgate.chat.ChatCompletionChunk;
import io.groundgate.chat.ChatEngine;
import io.groundgate.chat.ChatTurn;
import io.groundgate.chat.Sink;
import io.groundgate.chat.Usage;
import io.groundgate.grounding.Completions;
import io.groundgate.grounding.Grounding;
import io.groundgate.grounding.GroundingStep;
import io.groundgate.grounding.ProvenanceRecorder;
import io.groundgate.grounding.local.conversation.Conversation;
import io.groundgate.grounding.local.conversation.FollowUp;
import io.groundgate.grounding.local.conversation.FollowUpResolver;
import io.groundgate.grounding.local.plan.Answer;
import io.groundgate.grounding.local.tools.LocalToolUse;
import io.groundgate.grounding.local.tools.ToolAnswer;
import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.routing.RouteKind;
import io.groundgate.upstream.TokenMeter;

/**
 * The {@code groundgate-local} route: the embedded planner answers the last user message, with no language model;
 * a follow-up is first made standalone from the earlier turns ({@code conversation.FollowUpResolver}).
 * Usage counts whitespace-separated words as tokens (prompt: the question answered; completion: the answer), a rough
 * but deterministic measure, since there is no tokenizer of a model to agree with.
 */
@ApplicationScoped
public class LocalEngine implements ChatEngine {

    private static final String ROUTE = RouteKind.LOCAL.label();
    private static final int WORDS_PER_CHUNK = 6;

    private final LocalPlanner planner;
    private final TokenMeter tokens;
    private final LocalAnswerMetrics metrics;
    private final KnowledgeGraph graph;

    private final LocalToolUse tools;

    public LocalEngine(LocalPlanner planner, TokenMeter tokens, LocalAnswerMetrics metrics, KnowledgeGraph graph,
            LocalToolUse tools) {
        this.planner = planner;
        this.tokens = tokens;
        this.metrics = metrics;
        this.graph = graph;
        this.tools = tools;
    }

    @Override
    public RouteKind kind() {
        return RouteKind.LOCAL;
    }

    @Override
    public ChatCompletion complete(ChatTurn turn) {
        ProvenanceRecorder recorder = new ProvenanceRecorder();
        Reply reply = reply(turn, recorder);
        Usage usage = usage(turn, reply.question(), reply.text());
        return new Completions(turn.request().model()).whole(reply.text(), List.of(), "stop", usage,
                grounding(recorder, reply));
    }

    @Override
    public void stream(ChatTurn turn, Sink<ChatCompletionChunk> sink) {
        Completions completions = new Completions(turn.request().model());
        completions.role(sink);
        ProvenanceRecorder recorder = new ProvenanceRecorder();
        Reply reply = reply(turn, recorder);
        String text = reply.text();
        for (String piece : pieces(text)) {
            if (sink.cancelled()) {
                return;
            }
            completions.text(sink, piece);
        }
        completions.finish(sink, "stop", usage(turn, reply.question(), text), turn.request().includeUsage(),
                grounding(recorder, reply));
    }

    // ---- issue 12 hook (conversation, declarative tools, metrics): everything around planner.answer is here ----

    /**
     * What the route says to a turn.
     *
     * @param question the question answered: the last user message, made standalone from earlier turns
     * @param text the answer
     * @param graphVersion the graph version it rests on
     * @param viaRegistry steps the tool registry ran (and counted) itself
     * @param ambiguous whether it asked back because a reference was ambiguous
     */
    private record Reply(String question, String text, String graphVersion, Set<GroundingStep> viaRegistry,
            boolean ambiguous) {
    }

    private Reply reply(ChatTurn turn, ProvenanceRecorder recorder) {
        GraphSnapshot snapshot = graph.snapshot();
        Conversation conversation = Conversation.of(turn.request().messages());
        FollowUp followUp = new FollowUpResolver(snapshot.profile()).resolveConversation(conversation.earlier(),
                conversation.last());
        if (followUp instanceof FollowUp.Ambiguous ambiguous) {
            recorder.unresolved("\"" + ambiguous.phrase() + "\" (ambiguous: " + ambiguous.candidates().size()
                    + " earlier entities fit)");
            return new Reply(ambiguous.question(), ambiguous.message(), snapshot.version(), Set.of(), true);
        }
        if (followUp instanceof FollowUp.Resolved resolved) {
            recorder.record(Conversation.step(resolved, snapshot.version()));
        }
        ProvenanceRecorder planned = new ProvenanceRecorder();
        Answer answer = planner.answer(followUp.question(), snapshot, planned);
        Grounding plan = planned.build(ROUTE, answer.graphVersion(), 0);
        if (plan.unresolved() != null && !plan.unresolved().isEmpty()) {
            // what the planner could not answer, a declarative tool may: only with complete arguments
            Optional<ToolAnswer> viaTool = tools.answer(followUp.question(), snapshot, turn.requestId());
            if (viaTool.isPresent()) {
                recorder.record(viaTool.get().step());
                Set<GroundingStep> counted = Collections.newSetFromMap(new IdentityHashMap<>());
                counted.add(viaTool.get().step());
                return new Reply(followUp.question(), viaTool.get().text(), snapshot.version(), counted, false);
            }
        }
        plan.steps().forEach(recorder::record);
        if (plan.unresolved() != null) {
            plan.unresolved().forEach(recorder::unresolved);
        }
        return new Reply(followUp.question(), answer.text(), answer.graphVersion(), Set.of(), false);
    }

    private Grounding grounding(ProvenanceRecorder recorder, Reply reply) {
        // the planner queries the graph and the calculator directly: its steps are counted from the grounding
        return metrics.observe(recorder.build(ROUTE, reply.graphVersion(), 0), reply.viaRegistry(), reply.ambiguous());
    }

    // ---- end of issue 12 hook ----

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
}
