package io.groundgate.kg;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The knowledge graph's meters: reloads, triples served, reload and query durations. */
final class KgMetrics {

    private final MeterRegistry registry;
    private final Counter reloadSuccess;
    private final Counter reloadFailure;
    private final Timer reloadDuration;
    private final AtomicLong triples = new AtomicLong();

    KgMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.reloadSuccess = Counter.builder("groundgate.kg.reloads").tag("outcome", "success")
                .description("Knowledge graph reloads").register(registry);
        this.reloadFailure = Counter.builder("groundgate.kg.reloads").tag("outcome", "failure")
                .description("Knowledge graph reloads").register(registry);
        this.reloadDuration = Timer.builder("groundgate.kg.reload.duration")
                .description("Time to parse, validate and publish a knowledge graph version").register(registry);
        io.micrometer.core.instrument.Gauge.builder("groundgate.kg.triples", triples, AtomicLong::get)
                .description("Triples in the knowledge graph version being served").register(registry);
    }

    /** Meters that go nowhere, for tests and tools. */
    static KgMetrics detached() {
        return new KgMetrics(new SimpleMeterRegistry());
    }

    void reloaded(boolean success, Duration took) {
        (success ? reloadSuccess : reloadFailure).increment();
        reloadDuration.record(took);
    }

    void triples(long count) {
        triples.set(count);
    }

    void query(String form, String outcome, Duration took) {
        Timer.builder("groundgate.sparql.query.duration").tag("form", form).tag("outcome", outcome)
                .description("SPARQL query execution time").register(registry).record(took);
    }
}
