package io.groundgate.kg;

import java.nio.file.Path;

import org.apache.jena.riot.Lang;

/**
 * One RDF file of the graph.
 *
 * @param path where it is read from (possibly through symbolic links)
 * @param name its path relative to its folder, with {@code /} separators
 * @param graph its named graph IRI
 * @param lang its syntax, or null when sniffed from the content ({@code .owl})
 */
record SourceFile(Path path, String name, String graph, Lang lang) {

    static final String GRAPH_PREFIX = "urn:groundgate:graph:";

    static String graphIri(String name) {
        return GRAPH_PREFIX + name.replace(" ", "%20");
    }
}
