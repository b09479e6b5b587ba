package io.groundgate.kg;

import java.time.Instant;
import java.util.List;

/**
 * One named graph, i.e. one file.
 *
 * @param file the file's path relative to its folder
 * @param graph the graph IRI ({@code urn:groundgate:graph:<file>})
 * @param triples how many triples it holds
 * @param hash a content hash of the file
 * @param loadedAt when this content was loaded
 * @param lastError the file's error in the latest reload attempt, or null
 * @param sources the {@code dcterms:source} values of the datasets described in the file
 */
public record GraphInfo(String file, String graph, long triples, String hash, Instant loadedAt, String lastError,
        List<String> sources) {

    public GraphInfo {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public GraphInfo withLastError(String error) {
        return new GraphInfo(file, graph, triples, hash, loadedAt, error, sources);
    }
}
