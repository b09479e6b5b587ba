package io.groundgate.grounding.local.plan;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.grounding.GroundingStep;
import io.groundgate.grounding.ProvenanceRecorder;
import io.groundgate.tools.Provenance;
import io.groundgate.tools.ToolError;
import io.groundgate.tools.calculator.CalcException;
import io.groundgate.tools.calculator.CalcValue;
import io.groundgate.tools.calculator.Calculator;

/** The planner's arithmetic: every evaluation is a {@code calculator} step, with the facts it used. */
public final class Arithmetic {

    public static final String CALCULATOR_TOOL = "calculator";

    private final Calculator calculator;
    private final ProvenanceRecorder recorder;
    private final String graphVersion;

    public Arithmetic(Calculator calculator, ProvenanceRecorder recorder, String graphVersion) {
        this.calculator = calculator;
        this.recorder = recorder;
        this.graphVersion = graphVersion;
    }

    /** Evaluates and records the expression; empty (and a failed step) when the calculator refuses it. */
    public Optional<CalcValue> evaluate(String expression, List<Provenance.Fact> facts, List<String> sources) {
        long start = System.nanoTime();
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("expression", expression);
        try {
            CalcValue v = calculator.evaluate(expression);
            ObjectNode result = JsonNodeFactory.instance.objectNode().put("value", v.value().toPlainString())
                    .put("text", v.text()).put("exact", v.exact());
            if (v.unit() != null) {
                result.put("unit", v.unit());
            }
            recorder.record(new GroundingStep(0, null, CALCULATOR_TOOL, args, true, result, null, v.expression(),
                    facts.isEmpty() ? null : graphVersion, facts, sources, GraphFacts.millis(start)));
            return Optional.of(v);
        } catch (CalcException e) {
            recorder.record(new GroundingStep(0, null, CALCULATOR_TOOL, args, false, null,
                    ToolError.of(e.code(), e.getMessage()), expression, null, facts, List.of(), GraphFacts.millis(start)));
            return Optional.empty();
        }
    }

    /** Whether the expression evaluates, without recording anything (for trying unit combinations). */
    public Optional<CalcValue> probe(String expression) {
        try {
            return Optional.of(calculator.evaluate(expression));
        } catch (CalcException e) {
            return Optional.empty();
        }
    }
}
