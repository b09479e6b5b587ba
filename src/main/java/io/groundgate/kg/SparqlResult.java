package io.groundgate.kg;

import java.time.Duration;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * The complete, bounded answer to one query. SELECT fills {@code vars} and {@code rows}; ASK sets {@code ask}; CONSTRUCT
 * and DESCRIBE fill {@code graph} (a fresh graph the caller owns).
 *
 * @param form the query form
 * @param vars the projected variables (SELECT), else empty
 * @param rows the rows (SELECT), at most the row limit, else empty
 * @param ask the answer (ASK), else false
 * @param graph the triples (CONSTRUCT, DESCRIBE), at most the row limit, else null
 * @param truncated whether more rows or triples existed than the limit allowed
 * @param graphVersion the version of the graph that answered
 * @param elapsed how long the query took
 */
public record SparqlResult(Form form, List<Var> vars, List<Binding> rows, boolean ask, Graph graph, boolean truncated,
        String graphVersion, Duration elapsed) {

    /** The read-only query forms. */
    public enum Form {
        SELECT, ASK, CONSTRUCT, DESCRIBE;

        public boolean isGraph() {
            return this == CONSTRUCT || this == DESCRIBE;
        }
    }

    public SparqlResult {
        vars = vars == null ? List.of() : List.copyOf(vars);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** The rows as a fresh Jena row set, e.g. for Jena's result writers. */
    public RowSet rowSet() {
        return RowSetStream.create(vars, rows.iterator());
    }

    /** Rows for SELECT, triples for CONSTRUCT/DESCRIBE, 1 for ASK. */
    public long size() {
        return switch (form) {
            case SELECT -> rows.size();
            case ASK -> 1;
            case CONSTRUCT, DESCRIBE -> graph.size();
        };
    }
}
