package io.groundgate.grounding.local.plan;

import java.math.BigDecimal;

import org.apache.jena.graph.Node;

/**
 * One value read from the graph.
 *
 * @param node the RDF term
 * @param number its number, when it is a numeric literal
 * @param text how to say it: the label of an IRI, the lexical form of a literal
 */
public record FactValue(Node node, BigDecimal number, String text) {

    public boolean numeric() {
        return number != null;
    }
}
