package io.groundgate.kg;

import java.time.Duration;
import java.util.function.Supplier;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;

/** Where queries of one graph version run: a local dataset or a remote endpoint. */
interface SparqlBackend {

    /** A query execution with the substitution applied, the timeout set and SERVICE disabled. */
    QueryExec build(Query query, Binding substitution, Duration timeout);

    /** Runs an action inside a read transaction where the store has them. */
    <T> T read(Supplier<T> action);

    /** Releases resources when the version is no longer served; most backends have none. */
    default void release() {
    }
}
