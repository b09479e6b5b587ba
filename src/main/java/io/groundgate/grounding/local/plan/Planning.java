package io.groundgate.grounding.local.plan;

import io.groundgate.grounding.local.PlannerConfig;
import io.groundgate.grounding.local.linking.LinkedQuestion;
import io.groundgate.grounding.local.linking.PropertyMatcher;
import io.groundgate.grounding.local.linking.Vocabulary;

/** The entry point into planning one linked sub-question. */
public final class Planning {

    private Planning() {
    }

    public static Part answer(LinkedQuestion q, GraphFacts graph, Arithmetic arithmetic, Vocabulary vocabulary,
            PropertyMatcher matcher, PlannerConfig config) {
        return new SubQuestion(q, graph, arithmetic, vocabulary, matcher, config).answer();
    }
}
