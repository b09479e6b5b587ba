package io.groundgate.kg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The parse cache behind {@link SparqlGuard#parse}: the same text is parsed once, the shared query stays as it was after
 * being run with bindings and with a guarded regex (so sharing it is safe), refusals are never cached, and the cache
 * stays bounded.
 */
class SparqlParseCacheTest {

    private static GraphSnapshot snapshot() {
        DatasetGraph data = DatasetGraphFactory.createTxnMem();
        for (int i = 0; i < 5; i++) {
            data.add(Quad.defaultGraphIRI, NodeFactory.createURI("urn:s" + i), NodeFactory.createURI("urn:p"),
                    NodeFactory.createLiteralString("v" + i));
        }
        return new GraphSnapshot("test", java.time.Instant.now(), new DatasetBackend(data, false), Duration.ofSeconds(5),
                1000, 100, new KgMetrics(new SimpleMeterRegistry()), List.of(), Prefixes.STANDARD);
    }

    @Test
    void theSameTextIsParsedOnce() {
        String text = "SELECT ?o WHERE { ?s <urn:p> ?o } # " + System.nanoTime();
        Query first = SparqlGuard.parse(text);
        assertThat(SparqlGuard.parse(text)).isSameAs(first);
        assertThat(SparqlGuard.parse(text + " ")).isNotSameAs(first);
    }

    @Test
    void runningASharedQueryLeavesItAsItWas() throws Exception {
        String text = "SELECT ?o WHERE { ?s <urn:p> ?o FILTER regex(?o, \"^v\") } # " + System.nanoTime();
        Query shared = SparqlGuard.parse(text);
        String before = shared.serialize();
        GraphSnapshot snapshot = snapshot();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i % 5;
                runs.add(pool.submit(() -> snapshot.query(SparqlGuard.parse(text),
                        Map.of(Var.alloc("s"), NodeFactory.createURI("urn:s" + n)), QueryLimits.SERVER_MAX).rows().size()));
            }
            for (Future<Integer> run : runs) {
                assertThat(run.get()).isEqualTo(1); // bound to one subject each time: the binding did not stick
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(snapshot.query(shared).rows()).hasSize(5);
        assertThat(shared.serialize()).isEqualTo(before);
        assertThat(SparqlGuard.parse(text)).isSameAs(shared);
    }

    @Test
    void refusalsAreNotCachedAndTheDepthLimitStillApplies() {
        String update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }";
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> SparqlGuard.parse(update)).isInstanceOf(SparqlException.class)
                    .hasMessageContaining("read-only");
        }
        String nested = "SELECT * WHERE { { { ?s ?p ?o } } } # " + System.nanoTime();
        assertThat(SparqlGuard.parse(nested)).isNotNull();
        assertThatThrownBy(() -> SparqlGuard.parse(nested, SparqlGuard.DEFAULT_MAX_LENGTH, 2))
                .isInstanceOf(SparqlException.class);
    }

    @Test
    void theCacheIsBounded() {
        for (int i = 0; i < SparqlGuard.CACHE_ENTRIES + 50; i++) {
            SparqlGuard.parse("ASK { ?s ?p " + i + " }");
        }
        assertThat(SparqlGuard.cachedQueries()).isEqualTo(SparqlGuard.CACHE_ENTRIES);
        String big = "SELECT ?s WHERE { ?s ?p ?o } # " + "x".repeat(SparqlGuard.CACHE_MAX_TEXT);
        assertThat(SparqlGuard.parse(big)).isNotSameAs(SparqlGuard.parse(big));
    }
}
