package io.groundgate.kg;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * What the graph says about one entity (for the {@code kg_describe} tool).
 *
 * @param iri the entity
 * @param label its preferred label, or null
 * @param types its rdf:type IRIs
 * @param outgoing facts with the entity as subject
 * @param incoming facts with the entity as object
 * @param truncated whether facts were cut off by the cap
 * @param sources the cited sources of the graphs the facts come from
 */
public record EntityDescription(String iri, String label, List<String> types, List<Fact> outgoing,
        List<Fact> incoming, boolean truncated, List<String> sources) {

    public EntityDescription {
        types = List.copyOf(types);
        outgoing = List.copyOf(outgoing);
        incoming = List.copyOf(incoming);
        sources = List.copyOf(sources);
    }

    /** Whether the graph knows nothing about the entity. */
    public boolean isEmpty() {
        return outgoing.isEmpty() && incoming.isEmpty();
    }

    /**
     * One triple with labels for its parts.
     *
     * @param triple the triple
     * @param subjectLabel the subject's label, or null
     * @param predicateLabel the predicate's label, or null
     * @param objectLabel the object's label (for an IRI), or null
     * @param unit the predicate's unit, or null
     * @param graphs the named graphs holding the triple ({@code urn:groundgate:graph:entailed} for inferred ones)
     */
    public record Fact(Triple triple, String subjectLabel, String predicateLabel, String objectLabel, String unit,
            List<String> graphs) {

        public Fact {
            graphs = List.copyOf(graphs);
        }

        /** The object as an IRI or a literal in Turtle form ({@code "8.96"^^xsd:decimal}, {@code "Gold"@en}). */
        public String objectText() {
            return text(triple.getObject());
        }

        static String text(Node node) {
            if (node.isURI()) {
                return node.getURI();
            }
            if (node.isBlank()) {
                return "_:" + node.getBlankNodeLabel();
            }
            return NodeFmtLib.strTTL(node);
        }
    }
}
