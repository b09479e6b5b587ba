package io.groundgate.grounding.local;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.groundgate.grounding.AnswerMetrics;
import io.groundgate.grounding.Grounding;
import io.groundgate.grounding.GroundingStep;
import io.groundgate.tools.ToolRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Metrics of the local route, derived from an answer's grounding after it was answered (the planner is not
 * instrumented): every step it ran outside the tool registry counts in {@code groundgate.tool.calls{tool,outcome}} like
 * a grounded-route tool call (the registry already counted the declarative tools it called), the answer in
 * {@code groundgate.answers{route,outcome}}, and an answer that leaves something unresolved in
 * {@code groundgate.local.abstentions{reason}}.
 */
@ApplicationScoped
public class LocalAnswerMetrics {

    /** Why the local route did not answer (all of) a question: a small closed set, so the label stays bounded. */
    public enum Abstention {
        /** A follow-up's pronoun or phrase could refer to several earlier entities. */
        AMBIGUOUS_REFERENCE,
        /** A query or calculation failed. */
        QUERY_FAILED,
        /** Part of the message was answered, part not. */
        PARTIAL,
        /** Nothing of the message could be grounded. */
        NOT_FOUND;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final AnswerMetrics answers;
    private final ToolRegistry tools;
    private final MeterRegistry meters;
    private final Map<Abstention, Counter> abstentions = new ConcurrentHashMap<>();

    public LocalAnswerMetrics(AnswerMetrics answers, ToolRegistry tools, MeterRegistry meters) {
        this.answers = answers;
        this.tools = tools;
        this.meters = meters;
    }

    /**
     * @param grounding the answer's grounding
     * @param viaRegistry steps that ran through {@link ToolRegistry#execute} and are counted already
     * @param ambiguous whether the route asked back because a reference was ambiguous
     * @return the same grounding
     */
    public Grounding observe(Grounding grounding, Set<GroundingStep> viaRegistry, boolean ambiguous) {
        if (grounding.steps() != null) {
            grounding.steps().stream().filter(s -> !viaRegistry.contains(s))
                    .forEach(s -> tools.countCall(s.tool(), s.ok() ? "ok" : "error"));
        }
        answers.observe(grounding, false);
        abstention(grounding, ambiguous).ifPresent(reason -> abstentions.computeIfAbsent(reason,
                r -> Counter.builder("groundgate.local.abstentions")
                        .description("Local-route answers that abstained on all or part of a message, by reason: "
                                + "ambiguous_reference, query_failed, partial, not_found")
                        .tag("reason", r.label()).register(meters)).increment());
        return grounding;
    }

    /** Why the answer abstained, if it did. */
    static Optional<Abstention> abstention(Grounding g, boolean ambiguous) {
        if (ambiguous) {
            return Optional.of(Abstention.AMBIGUOUS_REFERENCE);
        }
        if (g.unresolved() == null || g.unresolved().isEmpty()) {
            return Optional.empty();
        }
        if (g.steps() != null && g.steps().stream().anyMatch(s -> !s.ok())) {
            return Optional.of(Abstention.QUERY_FAILED);
        }
        boolean sourced = g.sources() != null && !g.sources().isEmpty();
        return Optional.of(sourced ? Abstention.PARTIAL : Abstention.NOT_FOUND);
    }
}
