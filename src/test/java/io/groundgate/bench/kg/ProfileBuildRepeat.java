package io.groundgate.bench.kg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.groundgate.kg.KgConfig;
import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.kg.ProfileProbe;
import io.groundgate.kg.TestConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Builds the profile of one synthetic graph several times and prints each build's time: a steady loop to attach a
 * sampling profiler to (e.g. {@code -XX:StartFlightRecording}). Arguments: triples (default 100000) or a folder of graph files, builds (default 5).
 */
public final class ProfileBuildRepeat {

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "100000";
        int builds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path root = Files.createTempDirectory("gg-profile-bench");
        Path data = root.resolve("data");
        if (what.chars().allMatch(Character::isDigit)) {
            SyntheticGraph.write(data, Long.parseLong(what));
        } else {
            data = Path.of(what); // a folder of graph files, e.g. ontologies (its shapes in ontologies/shapes)
        }
        KnowledgeGraph kg = new KnowledgeGraph(new TestConfig(List.of(data.toString()),
                List.of(data.resolve("shapes").toString()), KgConfig.StoreKind.MEMORY, false, Duration.ofSeconds(2),
                Duration.ofSeconds(60), 10_000, root.resolve("tdb2").toString(), Optional.empty(), Optional.empty()),
                new SimpleMeterRegistry());
        long start = System.nanoTime();
        kg.start();
        System.out.printf("load %d ms (profile in load %d ms)%n", (System.nanoTime() - start) / 1_000_000,
                kg.snapshot().profile().stats().millis());
        // CPU time of this thread besides wall time: on a shared machine the wall time mostly measures the neighbours
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long bestCpu = Long.MAX_VALUE;
        for (int i = 0; i < builds; i++) {
            long t = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            ProfileProbe.build(kg.snapshot());
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            bestCpu = Math.min(bestCpu, cpu);
            System.out.printf("build %d: %d ms (cpu %d ms)%n", i, (System.nanoTime() - t) / 1_000_000, cpu / 1_000_000);
        }
        System.out.printf("fastest build cpu %d ms%n", bestCpu / 1_000_000);
        kg.stop();
    }
}
