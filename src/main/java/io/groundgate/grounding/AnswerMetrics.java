package io.groundgate.grounding;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.groundgate.tools.ToolRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts grounded answers by outcome ({@code groundgate.answers{route,outcome}}): {@code grounded} (nothing left
 * unresolved), {@code unresolved} (part of the question could not be grounded or finished) or {@code abstained}
 * (nothing could be grounded: no source at all). Steps that did not go through {@link ToolRegistry#execute} (the
 * embedded planner's) are counted in {@code groundgate.tool.calls} here.
 */
@ApplicationScoped
public class AnswerMetrics {

    private final MeterRegistry meters;
    private final ToolRegistry tools;
    private final Map<String, Counter> answers = new ConcurrentHashMap<>();

    public AnswerMetrics(MeterRegistry meters, ToolRegistry tools) {
        this.meters = meters;
        this.tools = tools;
    }

    /**
     * @param grounding the answer's grounding
     * @param stepsRanOutsideTheRegistry true when its steps have not been counted as tool calls yet
     * @return the same grounding
     */
    public Grounding observe(Grounding grounding, boolean stepsRanOutsideTheRegistry) {
        if (stepsRanOutsideTheRegistry && grounding.steps() != null) {
            grounding.steps().forEach(step -> tools.countCall(step.tool(), step.ok() ? "ok" : "error"));
        }
        boolean unresolved = grounding.unresolved() != null && !grounding.unresolved().isEmpty();
        boolean sourced = grounding.sources() != null && !grounding.sources().isEmpty();
        String outcome = !unresolved ? "grounded" : sourced ? "unresolved" : "abstained";
        String route = grounding.route();
        answers.computeIfAbsent(route + '\n' + outcome, k -> Counter.builder("groundgate.answers")
                .description("Grounded answers by route and outcome: grounded, unresolved (partly) or abstained "
                        + "(nothing found to ground it)")
                .tag("route", route).tag("outcome", outcome).register(meters)).increment();
        return grounding;
    }
}
