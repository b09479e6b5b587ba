package io.groundgate.kg;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The knowledge graph's meters: reloads, triples served, reload and query durations. */
final class KgMetrics {

    private final MeterRegistry registry;
    private final Counter reloadSuccess;
    private final Counter reloadFailure;
    private final Timer reloadDuration;
    private final AtomicLong asserted = new AtomicLong();
    private final AtomicLong entailed = new AtomicLong();

    KgMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.reloadSuccess = Counter.builder("groundgate.kg.reloads").tag("outcome", "success")
                .description("Knowledge graph reloads").register(registry);
        this.reloadFailure = Counter.builder("groundgate.kg.reloads").tag("outcome", "failure")
                .description("Knowledge graph reloads").register(registry);
        this.reloadDuration = Timer.builder("groundgate.kg.reload.duration")
                .description("Time to parse, validate and publish a knowledge graph version").register(registry);
        // the same counts as GET /admin/kg and the start-up log: asserted summed over the graphs, entailed apart
        Gauge.builder("groundgate.kg.triples", asserted, AtomicLong::get).tag("kind", "asserted")
                .description("Triples served: asserted (summed over the named graphs, one per file) or entailed")
                .register(registry);
        Gauge.builder("groundgate.kg.triples", entailed, AtomicLong::get).tag("kind", "entailed")
                .description("Triples served: asserted (summed over the named graphs, one per file) or entailed")
                .register(registry);
    }

    /** Meters that go nowhere, for tests and tools. */
    static KgMetrics detached() {
        return new KgMetrics(new SimpleMeterRegistry());
    }

    void reloaded(boolean success, Duration took) {
        (success ? reloadSuccess : reloadFailure).increment();
        reloadDuration.record(took);
    }

    void triples(long assertedCount, long entailedCount) {
        asserted.set(assertedCount);
        entailed.set(entailedCount);
    }

    void query(String form, String outcome, Duration took) {
        Timer.builder("groundgate.sparql.query.duration").tag("form", form).tag("outcome", outcome)
                .description("SPARQL query execution time").register(registry).record(took);
    }
}
