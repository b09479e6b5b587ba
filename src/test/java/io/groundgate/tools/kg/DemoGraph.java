package io.groundgate.tools.kg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;

import io.groundgate.kg.TestConfig;
import io.groundgate.kg.KnowledgeGraph;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A real knowledge graph over a folder (by default the demo knowledge base in {@code ontologies/}) for plain JUnit
 * tests and benchmarks, plus an independent Jena model of the same files to read expected values from.
 */
public final class DemoGraph {

    public static final String GG = "https://w3id.org/groundgate/ontology#";
    public static final String RES = "https://w3id.org/groundgate/resource/";
    public static final Path ONTOLOGIES = Path.of("ontologies");

    private static Model expected;
    private static KnowledgeGraph shared;

    private DemoGraph() {
    }

    /** One graph over the demo knowledge base for all tests of a run (it is immutable once loaded). */
    public static synchronized KnowledgeGraph shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** A started, loaded, not watching graph over the demo knowledge base. */
    public static KnowledgeGraph start() {
        return start(ONTOLOGIES, 10_000, Duration.ofSeconds(10));
    }

    public static KnowledgeGraph start(Path folder, int maxRows, Duration timeout) {
        KnowledgeGraph kg = new KnowledgeGraph(TestConfig.memory(folder).withMaxRows(maxRows).withQueryTimeout(timeout),
                new SimpleMeterRegistry());
        kg.start();
        if (!kg.ready()) {
            throw new IllegalStateException("the knowledge graph did not load: " + kg.lastReload());
        }
        return kg;
    }

    public static void stop(KnowledgeGraph kg) {
        kg.stop();
    }

    /** The demo files parsed independently of the gateway, to read expected values from. */
    public static synchronized Model expected() {
        if (expected == null) {
            Model m = ModelFactory.createDefaultModel();
            for (String f : List.of("groundgate.ttl", "elements.ttl", "countries.ttl", "materials.ttl")) {
                RDFDataMgr.read(m, ONTOLOGIES.resolve(f).toString());
            }
            expected = m;
        }
        return expected;
    }

    /** The values of {@code ?v} for a query over the files as read by Jena directly. */
    public static List<Node> values(String sparql) {
        String prefixed = "PREFIX gg: <" + GG + ">\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n" + sparql;
        try (QueryExecution qe = QueryExecution.model(expected()).query(prefixed).build()) {
            List<Node> out = new java.util.ArrayList<>();
            qe.execSelect().forEachRemaining((QuerySolution s) -> out.add(s.get("v").asNode()));
            return out;
        }
    }

    /** The single value of {@code ?v}. */
    public static Node value(String sparql) {
        List<Node> v = values(sparql);
        if (v.size() != 1) {
            throw new IllegalStateException("expected one value, got " + v + " for " + sparql);
        }
        return v.get(0);
    }
}
