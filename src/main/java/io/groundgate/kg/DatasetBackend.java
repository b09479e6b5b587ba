package io.groundgate.kg;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecDatasetBuilder;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;

/** Queries a local dataset (in memory or TDB2). */
final class DatasetBackend implements SparqlBackend {

    private final DatasetGraph dataset;
    private final boolean unionDefaultGraph;

    /**
     * @param dataset the data
     * @param unionDefaultGraph whether the default graph is the union of the named graphs (TDB2)
     */
    DatasetBackend(DatasetGraph dataset, boolean unionDefaultGraph) {
        this.dataset = dataset;
        this.unionDefaultGraph = unionDefaultGraph;
    }

    DatasetGraph dataset() {
        return dataset;
    }

    @Override
    public QueryExec build(Query query, Binding substitution, Duration timeout) {
        QueryExecDatasetBuilder builder = QueryExecDatasetBuilder.create().dataset(dataset)
                .query(GuardedRegex.rewrite(query))
                .set(ARQ.httpServiceAllowed, false)
                .set(GuardedRegex.DEADLINE, System.nanoTime() + timeout.toNanos());
        builder.initialTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        builder.overallTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (unionDefaultGraph) {
            builder.set(TDB2.symUnionDefaultGraph, true);
        }
        if (substitution != null && !substitution.isEmpty()) {
            builder.substitution(substitution);
        }
        return builder.build();
    }

    /** The union of the named graphs where the store unions them (TDB2), else the default graph (memory: a copy). */
    @Override
    public Optional<Graph> localDefaultGraph() {
        return Optional.of(unionDefaultGraph ? dataset.getUnionGraph() : dataset.getDefaultGraph());
    }

    @Override
    public <T> T read(Supplier<T> action) {
        if (dataset.isInTransaction()) {
            return action.get();
        }
        return Txn.calculateRead(dataset, action);
    }
}
