package io.groundgate.grounding.local;

import jakarta.enterprise.context.ApplicationScoped;

import io.groundgate.grounding.ProvenanceRecorder;
import io.groundgate.grounding.local.plan.Answer;
import io.groundgate.grounding.local.plan.Part;
import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.KnowledgeGraph;

/**
 * Facts for models without function calling (the grounded route's context mode): runs the local planner on the
 * question and renders what it found, with citations, as a compact block for a system message. The steps land in the
 * caller's recorder, so the response's {@code grounding} shows where the context came from.
 */
@ApplicationScoped
public class GroundingContext {

    private final LocalPlanner planner;
    private final KnowledgeGraph graph;

    public GroundingContext(LocalPlanner planner, KnowledgeGraph graph) {
        this.planner = planner;
        this.graph = graph;
    }

    /**
     * The block of facts relevant to the question.
     *
     * @param question the user's question
     * @param recorder where the lookups are recorded
     * @return the context: graph version, one line per grounded fact or computation with its sources, and what was not
     *         found; never null
     */
    public Context build(String question, ProvenanceRecorder recorder) {
        GraphSnapshot snapshot = graph.snapshot();
        Answer answer = planner.answer(question, snapshot, recorder);
        StringBuilder text = new StringBuilder("Facts from the GroundGate knowledge graph (version ")
                .append(snapshot.version()).append("); answer from these only and cite the sources:\n");
        boolean any = false;
        for (Part p : answer.parts()) {
            if (p.grounded()) {
                text.append("- ").append(Answer.withCitation(p)).append('\n');
                any = true;
            }
        }
        for (String missing : answer.unresolved()) {
            text.append("- Not in the knowledge graph: ").append(missing).append('\n');
        }
        return new Context(text.toString(), any, snapshot.version());
    }

    /**
     * A context block.
     *
     * @param text the block, for a system message
     * @param hasFacts whether it holds at least one grounded fact
     * @param graphVersion the graph version the facts come from
     */
    public record Context(String text, boolean hasFacts, String graphVersion) {
    }
}
