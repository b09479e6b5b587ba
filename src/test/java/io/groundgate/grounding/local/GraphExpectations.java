package io.groundgate.grounding.local;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.SparqlGuard;

/** Expected values for tests, read from the loaded graph itself (never typed from memory). */
final class GraphExpectations {

    static final String GG = "https://w3id.org/groundgate/ontology#";
    static final String RES = "https://w3id.org/groundgate/resource/";

    private final GraphSnapshot snapshot;

    GraphExpectations(GraphSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    List<Binding> select(String sparql) {
        return snapshot.query(SparqlGuard.parse(sparql)).rows();
    }

    Node one(String sparql, String var) {
        List<Binding> rows = select(sparql);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row for " + sparql + " but got " + rows.size());
        }
        return rows.get(0).get(Var.alloc(var));
    }

    BigDecimal number(String subject, String property) {
        return new BigDecimal(one("SELECT ?v WHERE { <" + subject + "> <" + property + "> ?v }", "v").getLiteralLexicalForm());
    }

    String label(String iri) {
        return one("SELECT ?l WHERE { <" + iri + "> <http://www.w3.org/2000/01/rdf-schema#label> ?l }", "l")
                .getLiteralLexicalForm();
    }

    String unit(String property) {
        return one("SELECT ?u WHERE { <" + property + "> <" + GG + "unit> ?u }", "u").getLiteralLexicalForm();
    }

    long count(String sparql) {
        return ((Number) one(sparql, "n").getLiteralValue()).longValue();
    }

    List<String> strings(String sparql, String var) {
        List<String> out = new ArrayList<>();
        for (Binding b : select(sparql)) {
            Node n = b.get(Var.alloc(var));
            out.add(n.isURI() ? n.getURI() : n.getLiteralLexicalForm());
        }
        return out;
    }

    /** The dataset sources of an entity ({@code dcterms:isPartOf} then {@code dcterms:source}). */
    List<String> datasetSources(String subject) {
        return strings("SELECT ?s WHERE { <" + subject + "> <http://purl.org/dc/terms/isPartOf>/<http://purl.org/dc/terms/source> ?s }",
                "s");
    }
}
