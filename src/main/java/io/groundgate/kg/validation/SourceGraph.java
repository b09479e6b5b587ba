package io.groundgate.kg.validation;

import org.apache.jena.graph.Graph;

/**
 * One parsed file, as the checks see it.
 *
 * @param file its name relative to its folder
 * @param graph its triples
 * @param positions where each triple was written
 */
public record SourceGraph(String file, Graph graph, Positions positions) {
}
