package io.groundgate.bench.planner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.groundgate.grounding.ProvenanceRecorder;
import io.groundgate.grounding.local.LocalPlanner;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Time per question of the local planner over the demo knowledge base, in process (no HTTP): warm-up rounds, then
 * measured rounds over a fixed mix of question kinds. Excluded from the normal test run (surefire skips bench/**);
 * run it with {@code ./mvnw -B -DskipNodeSdk test -Dtest=LocalPlannerBenchmark}.
 */
@QuarkusTest
class LocalPlannerBenchmark {

    static final List<String> QUESTIONS = List.of(
            "What is the density of gold?",
            "capital of Japan",
            "Which is denser, gold or lead?",
            "Is Germany larger than France?",
            "Which element has the highest density?",
            "What is the largest country in Africa?",
            "How many countries border Germany?",
            "How many noble gases are there?",
            "What is 15% of 80?",
            "What is the mass of 2 litres of gold?",
            "What is the population density of Japan?",
            "How much heavier is a litre of gold than a litre of lead?",
            "What is the GDP of France?",
            "What is the capital of Japan and the population of France?",
            "At what temperature does gold melt?",
            "What currency is used in the country whose capital is Wellington?");

    static final int WARMUP_ROUNDS = 5;
    static final int ROUNDS = 20;

    @Inject
    LocalPlanner planner;

    /** Every question of the dev split (evals/questions/dev.jsonl), 3 measured rounds after one warm-up round. */
    @Test
    void timePerDevQuestion() throws Exception {
        List<String> questions = new ArrayList<>();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("evals/questions/dev.jsonl"))) {
            if (!line.isBlank()) {
                questions.add(json.readTree(line).path("question").asText());
            }
        }
        // CPU time of the answering thread besides wall time: on a shared machine wall time mostly measures neighbours
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Double> firstCpu = new ArrayList<>(); // each question's first time on this version: no per-version cache hit
        for (String q : questions) {
            long c = threads.getCurrentThreadCpuTime();
            planner.answer(q, new ProvenanceRecorder());
            firstCpu.add((threads.getCurrentThreadCpuTime() - c) / 1e6);
        }
        double[] first = firstCpu.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%nfirst round (each question new, JIT still warming): thread CPU p50 %.2f ms, "
                + "p90 %.2f ms, p99 %.2f ms, mean %.2f ms%n", first[first.length / 2], first[first.length * 9 / 10],
                first[first.length * 99 / 100], Arrays.stream(first).average().orElse(0));
        List<Double> all = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            for (String q : questions) {
                long c = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                planner.answer(q, new ProvenanceRecorder());
                all.add((System.nanoTime() - s) / 1e6);
                cpu.add((threads.getCurrentThreadCpuTime() - c) / 1e6);
            }
        }
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] cpuSorted = cpu.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%nLOCAL PLANNER, DEV QUESTIONS%n%d answers (%d questions x 3): p50 %.2f ms, "
                + "p90 %.2f ms, p99 %.2f ms, max %.2f ms, mean %.2f ms%n", sorted.length, questions.size(),
                sorted[sorted.length / 2], sorted[sorted.length * 9 / 10], sorted[sorted.length * 99 / 100],
                sorted[sorted.length - 1], Arrays.stream(sorted).average().orElse(0));
        System.out.printf(Locale.ROOT, "thread CPU per answer: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, mean %.2f ms%n",
                cpuSorted[cpuSorted.length / 2], cpuSorted[cpuSorted.length * 9 / 10],
                cpuSorted[cpuSorted.length * 99 / 100], Arrays.stream(cpuSorted).average().orElse(0));
    }

    @Test
    void timePerQuestion() {
        long firstStart = System.nanoTime();
        planner.answer(QUESTIONS.get(0), new ProvenanceRecorder());
        double firstMs = (System.nanoTime() - firstStart) / 1e6; // includes model load and vocabulary embedding
        for (int r = 0; r < WARMUP_ROUNDS; r++) {
            QUESTIONS.forEach(q -> planner.answer(q, new ProvenanceRecorder()));
        }
        List<Double> all = new ArrayList<>();
        StringBuilder perQuestion = new StringBuilder();
        for (String q : QUESTIONS) {
            double[] t = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                long s = System.nanoTime();
                planner.answer(q, new ProvenanceRecorder());
                t[r] = (System.nanoTime() - s) / 1e6;
                all.add(t[r]);
            }
            Arrays.sort(t);
            perQuestion.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f |%n", q, t[ROUNDS / 2], t[ROUNDS * 9 / 10]));
        }
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%nLOCAL PLANNER BENCHMARK%nfirst question (cold): %.0f ms%n"
                + "all %d answers: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, mean %.2f ms%n| question | p50 ms | p90 ms |%n%s",
                firstMs, sorted.length, sorted[sorted.length / 2], sorted[sorted.length * 9 / 10],
                sorted[sorted.length * 99 / 100], Arrays.stream(sorted).average().orElse(0), perQuestion);
    }
}
