package io.groundgate.bench.kg;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;

import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.KgConfig;
import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.kg.ProfileProbe;
import io.groundgate.kg.QueryLimits;
import io.groundgate.kg.SparqlGuard;
import io.groundgate.kg.TestConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Load time, heap and query latency of the knowledge graph at several sizes, for the memory and TDB2 stores. Prints a
 * Markdown table. Arguments: sizes in triples (default 10000 100000 1000000) and optionally {@code --stores=memory,tdb2}.
 */
public final class KgBenchmark {

    private static final int WARMUP = 30;
    private static final int RUNS = 200;

    public static void main(String[] args) throws Exception {
        List<Long> sizes = Arrays.stream(args).filter(a -> !a.startsWith("--")).map(Long::parseLong).toList();
        if (sizes.isEmpty()) {
            sizes = List.of(10_000L, 100_000L, 1_000_000L);
        }
        List<String> stores = Arrays.stream(args).filter(a -> a.startsWith("--stores=")).findFirst()
                .map(a -> List.of(a.substring(9).split(","))).orElse(List.of("memory", "tdb2"));
        System.out.println("| store | triples (asserted + entailed) | load ms | heap MB | label lookup µs (index) | "
                + "label lookup µs (SPARQL) | describe µs (1 hop, ≤50 facts) | aggregate ms (GROUP BY over all items) | "
                + "profile ms (share of load) | profile heap MB (allocated MB) | profile CPU ms (share of load CPU) | "
                + "name lookups CPU ms (deferred: first lookup or warm-up after publish) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (long size : sizes) {
            Path root = Files.createTempDirectory("gg-kg-bench");
            SyntheticGraph.write(root.resolve("data"), size);
            for (String store : stores) {
                System.out.println(run(root, size, KgConfig.StoreKind.valueOf(store.toUpperCase())));
            }
            delete(root);
        }
    }

    private static String run(Path root, long size, KgConfig.StoreKind store) {
        long heapBefore = heapAfterGc();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        KnowledgeGraph kg = new KnowledgeGraph(config(root, store), new SimpleMeterRegistry());
        kg.start();
        long loadMs = (System.nanoTime() - start) / 1_000_000;
        long loadCpuMs = (os.getProcessCpuTime() - cpuStart) / 1_000_000;
        if (!kg.ready()) {
            throw new IllegalStateException("did not load: " + kg.lastReload());
        }
        long heapMb = (heapAfterGc() - heapBefore) / (1024 * 1024);
        GraphSnapshot s = kg.snapshot();
        long triples = s.query(SparqlGuard.parse("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")).rows().get(0)
                .get(Var.alloc("n")).getLiteralValue() instanceof Number n ? n.longValue() : -1;
        int items = SyntheticGraph.items(size);
        double index = micros(i -> {
            if (s.labels().find("Item " + (i * 31 % items), 5).isEmpty()) {
                throw new IllegalStateException("label not found");
            }
        });
        Query byLabel = SparqlGuard.parse("SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }");
        double sparql = micros(i -> {
            var r = s.query(byLabel, Map.of(Var.alloc("l"), NodeFactory.createLiteralLang("Item " + (i * 31 % items),
                    "en")), QueryLimits.SERVER_MAX);
            if (r.rows().size() != 1) {
                throw new IllegalStateException("label lookup found " + r.rows().size());
            }
        });
        double describe = micros(i -> {
            if (s.describe(SyntheticGraph.EX + "item" + (i * 17 % items), 50).isEmpty()) {
                throw new IllegalStateException("nothing described");
            }
        });
        Query aggregate = SparqlGuard.parse("PREFIX ex: <" + SyntheticGraph.EX + "> SELECT ?c (COUNT(?s) AS ?n) "
                + "(AVG(?w) AS ?avg) WHERE { ?s a ?c ; ex:weight ?w } GROUP BY ?c");
        double aggregateMs = median(5, 2, i -> s.query(aggregate, Map.of(), QueryLimits.of(Duration.ofMinutes(5), 0)))
                / 1000.0;
        long profileMs = s.profile().stats().millis();
        String profileMemory = profileMemory(s);
        long[] cpu = profileCpu(s);
        long profileCpuMs = cpu[0];
        kg.stop();
        return String.format("| %s | %,d | %,d | %,d | %.0f | %.0f | %.0f | %.1f | %,d (%.1f %%) | %s | %,d (%.1f %%) | %,d |",
                store.name().toLowerCase(), triples, loadMs, heapMb, index, sparql, describe, aggregateMs, profileMs,
                100.0 * profileMs / loadMs, profileMemory, profileCpuMs, 100.0 * profileCpuMs / loadCpuMs, cpu[1]);
    }

    /**
     * The CPU time of one more profile build on this thread (warm code), against the process CPU time of the load
     * (every thread, JIT and GC included): on a shared machine wall times mostly measure the neighbours' load. Second:
     * the CPU time of the name index's lookup structures, which are built after the reload (first lookup or the warm-up
     * started when the version is served), not inside it. Best of three each.
     */
    private static long[] profileCpu(GraphSnapshot s) {
        var threads = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        long bestDeferred = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            var built = ProfileProbe.build(s);
            long mid = threads.getCurrentThreadCpuTime();
            built.profile().names().prepare();
            best = Math.min(best, mid - cpu);
            bestDeferred = Math.min(bestDeferred, threads.getCurrentThreadCpuTime() - mid);
        }
        return new long[] { best / 1_000_000, bestDeferred / 1_000_000 };
    }

    /**
     * Builds the profile once more: the heap the result keeps (after GC, held vs dropped) and the bytes the build
     * allocates on its thread. Its time is taken from the build that ran inside the load ({@code stats().millis()}).
     */
    private static String profileMemory(GraphSnapshot s) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long before = heapAfterGc();
        long allocatedBefore = threads.getThreadAllocatedBytes(tid);
        var built = ProfileProbe.build(s);
        long allocated = threads.getThreadAllocatedBytes(tid) - allocatedBefore;
        long retained = heapAfterGc() - before;
        if (built.profile().classes().isEmpty()) {
            throw new IllegalStateException("empty profile");
        }
        return String.format("%,d (%,d)", retained / (1024 * 1024), allocated / (1024 * 1024));
    }

    private static double micros(IntConsumer action) {
        return median(RUNS, WARMUP, action);
    }

    /** The median duration in microseconds. */
    private static double median(int runs, int warmup, IntConsumer action) {
        for (int i = 0; i < warmup; i++) {
            action.accept(i + 1_000_000);
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            action.accept(i);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return nanos[runs / 2] / 1000.0;
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Benchmark configuration: no watching, no shapes, generous limits. */
    private static TestConfig config(Path root, KgConfig.StoreKind store) {
        return new TestConfig(List.of(root.resolve("data").toString()), List.of(root.resolve("shapes").toString()),
                store, false, Duration.ofSeconds(2), Duration.ofSeconds(60), 10_000, root.resolve("tdb2").toString(),
                Optional.empty(), Optional.empty());
    }
}
