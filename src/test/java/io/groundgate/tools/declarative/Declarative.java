package io.groundgate.tools.declarative;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.tools.calculator.Calculator;
import io.groundgate.tools.calculator.CalculatorLimits;
import io.groundgate.tools.kg.DemoGraph;

/** Builds providers over a folder and the demo knowledge graph for plain JUnit tests. */
final class Declarative {

    static final Set<String> BUILT_INS = Set.of("kg_search", "kg_describe", "kg_schema", "sparql_query", "calculator");
    static final Calculator CALCULATOR = new Calculator(CalculatorLimits.defaults());

    private Declarative() {
    }

    /** Loaded once, not watching. */
    static DeclarativeToolProvider loaded(Path folder) {
        DeclarativeToolProvider p = provider(folder, false);
        p.start();
        return p;
    }

    static DeclarativeToolProvider provider(Path folder, boolean watch) {
        return provider(List.of(folder), watch, DemoGraph.shared());
    }

    static DeclarativeToolProvider provider(List<Path> folders, boolean watch, KnowledgeGraph kg) {
        return new DeclarativeToolProvider(folders, watch, Duration.ofMillis(200), Duration.ofMillis(100), kg,
                CALCULATOR, () -> BUILT_INS);
    }
}
