package io.groundgate.kg;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;

/** Where queries of one graph version run: a local dataset or a remote endpoint. */
interface SparqlBackend {

    /** A query execution with the substitution applied, the timeout set and SERVICE disabled. */
    QueryExec build(Query query, Binding substitution, Duration timeout);

    /** Runs an action inside a read transaction where the store has them. */
    <T> T read(Supplier<T> action);

    /**
     * The default graph when it lives in this process (read it inside {@link #read}), so derived structures can read
     * it through {@code Graph.find} instead of SPARQL; empty for a remote endpoint.
     */
    default Optional<Graph> localDefaultGraph() {
        return Optional.empty();
    }

    /** Releases resources when the version is no longer served; most backends have none. */
    default void release() {
    }
}
