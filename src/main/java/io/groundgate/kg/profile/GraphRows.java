package io.groundgate.kg.profile;

import java.util.function.Consumer;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;

/** Where a profile reads the graph from: SELECT queries over the default graph, streamed row by row. */
@FunctionalInterface
public interface GraphRows {

    /** Runs a SELECT and hands every row to the consumer. */
    void select(Query query, Consumer<Binding> row);

    /** Parses and runs a SELECT. */
    default void select(String sparql, Consumer<Binding> row) {
        select(QueryFactory.create(sparql), row);
    }

    /** Reads a local dataset directly (tests, tools). */
    static GraphRows of(DatasetGraph dataset) {
        return (query, row) -> {
            try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                RowSet rows = exec.select();
                while (rows.hasNext()) {
                    row.accept(rows.next());
                }
            }
        };
    }
}
