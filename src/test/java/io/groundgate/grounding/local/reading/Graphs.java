package io.groundgate.grounding.local.reading;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import io.groundgate.grounding.ProvenanceRecorder;
import io.groundgate.grounding.local.plan.Arithmetic;
import io.groundgate.grounding.local.plan.GraphFacts;
import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.tools.calculator.Calculator;
import io.groundgate.tools.calculator.CalculatorLimits;
import io.groundgate.tools.kg.DemoGraph;

/** Real graphs and one real embedding model for the planner's unit tests, loaded once per test run. */
final class Graphs {

    static final Path ENTERPRISE = Path.of("src/test/resources/graphs/enterprise");
    static final Path RAIL = Path.of("src/test/resources/kg/rail");
    static final Path OWL_SMALL = Path.of("src/test/resources/graphs/owl-small");
    static final Calculator CALCULATOR = new Calculator(CalculatorLimits.defaults());

    private static final Map<Path, KnowledgeGraph> GRAPHS = new HashMap<>();
    private static EmbeddingModel model;
    private static final Map<Path, ReadingPlanner> PLANNERS = new HashMap<>();

    private Graphs() {
    }

    static synchronized GraphSnapshot snapshot(Path folder) {
        return GRAPHS.computeIfAbsent(folder, f -> f.equals(DemoGraph.ONTOLOGIES) ? DemoGraph.shared()
                : DemoGraph.start(f, 10_000, Duration.ofSeconds(10))).snapshot();
    }

    static synchronized EmbeddingModel model() {
        if (model == null) {
            model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        }
        return model;
    }

    static synchronized ReadingPlanner planner(Path folder) {
        return PLANNERS.computeIfAbsent(folder, f -> new ReadingPlanner(CALCULATOR, Graphs::model));
    }

    /** Runs the planner on a question and returns its outcome, with the steps it recorded. */
    static Run ask(Path folder, String question) {
        GraphSnapshot s = snapshot(folder);
        ProvenanceRecorder recorder = new ProvenanceRecorder();
        ReadingPlanner.Outcome o = planner(folder).answer(question, s, recorder, new GraphFacts(s, recorder),
                new Arithmetic(CALCULATOR, recorder, s.version()));
        return new Run(o, recorder);
    }

    /** The values of {@code ?v} for a query over the folder's files read by Jena directly (not through the gateway). */
    static java.util.List<String> expected(Path folder, String sparql) {
        org.apache.jena.rdf.model.Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        try (var files = java.nio.file.Files.list(folder)) {
            files.filter(f -> f.toString().endsWith(".ttl")).forEach(f -> org.apache.jena.riot.RDFDataMgr.read(m,
                    f.toString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        try (var qe = org.apache.jena.query.QueryExecution.model(m).query(sparql).build()) {
            qe.execSelect().forEachRemaining(s -> {
                var n = s.get("v");
                out.add(n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
            });
        }
        return out;
    }

    record Run(ReadingPlanner.Outcome outcome, ProvenanceRecorder recorder) {
        String text() {
            return outcome instanceof ReadingPlanner.Answered a ? a.part().text() : "DECLINED " + outcome;
        }

        boolean answered() {
            return outcome instanceof ReadingPlanner.Answered a && a.part().grounded();
        }
    }
}
