package io.groundgate.kg;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where validated versions are kept and queried: memory, TDB2 or a remote endpoint. */
interface GraphStore {

    /** A version the store already holds. */
    record Stored(String version, SparqlBackend backend, List<GraphInfo> graphs, Map<String, String> prefixes) {
    }

    /** Makes a parsed and validated version servable and returns its backend. */
    SparqlBackend publish(GraphLoader.Loaded loaded);

    /** The version the store already holds if it is {@code version} (e.g. TDB2 after a restart). */
    default Optional<Stored> reuse(String version) {
        return Optional.empty();
    }

    /** Whether versions come from the local files; a remote endpoint without a GSP URL serves its own data. */
    default boolean usesLocalFiles() {
        return true;
    }

    /** The store's own current data, when it does not use local files. */
    default Stored external() {
        throw new UnsupportedOperationException();
    }

    default void close() {
    }
}
