package io.groundgate.grounding.local.reading;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * A report, not a gate: the reading planner on the hand-written questions of {@code planner/graph-questions.txt}
 * over the enterprise, rail and OWL test graphs: correct / wrong / abstained per graph, and the time per question.
 * Run it with {@code ./mvnw -B -ntp test -Dtest=ReadingPlannerGraphsReport -DskipNodeSdk}.
 */
class ReadingPlannerGraphsReport {

    @Test
    void report() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/planner/graph-questions.txt"));
        StringBuilder out = new StringBuilder("\nREADING PLANNER ON THE TEST GRAPHS\n");
        java.util.Map<String, int[]> counts = new java.util.TreeMap<>();
        List<Double> times = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|");
            Path folder = Path.of(f[0].strip());
            String question = f[1].strip();
            String expected = f[2].strip();
            Graphs.ask(folder, question); // warm
            long start = System.nanoTime();
            Graphs.Run r = Graphs.ask(folder, question);
            times.add((System.nanoTime() - start) / 1e6);
            boolean abstained = !r.answered();
            boolean clarifies = expected.startsWith("Which one"); // the question back is the right answer
            String verdict = expected.equals("ABSTAIN") ? (abstained ? "correct" : "wrong")
                    : abstained && !clarifies ? "abstained"
                    : r.text().contains(expected) ? "correct" : "wrong";
            int[] c = counts.computeIfAbsent(folder.getFileName().toString(), k -> new int[3]);
            c[verdict.equals("correct") ? 0 : verdict.equals("wrong") ? 1 : 2]++;
            out.append(verdict).append(" | ").append(question).append(" | ").append(r.text()).append('\n');
        }
        counts.forEach((g, c) -> out.append(String.format(Locale.ROOT, "%s: %d questions, %d correct, %d wrong, %d abstained%n",
                g, c[0] + c[1] + c[2], c[0], c[1], c[2])));
        double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out.append(String.format(Locale.ROOT, "warm time per question: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                t[t.length / 2], t[Math.min(t.length - 1, t.length * 99 / 100)], Arrays.stream(t).max().orElse(0)));
        System.out.println(out);
    }
}
