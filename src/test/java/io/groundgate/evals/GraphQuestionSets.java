package io.groundgate.evals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The held-out question sets over the team's fictional graphs: {@code evals/graphs/<name>/test.jsonl}, asked of the
 * gateway with only {@code evals/graphs/<name>/} loaded. The questions are written by hand; their gold answers are not:
 * {@link #main} fills every gold from the question's SPARQL on its graph (run it after writing or changing a question),
 * and {@code GraphQuestionSetTest} checks that the committed gold is still what the SPARQL gives.
 *
 * <pre>./mvnw -B -q -DskipNodeSdk test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.groundgate.evals.GraphQuestionSets</pre>
 */
public final class GraphQuestionSets {

    static final Path ROOT = Path.of("evals/graphs");

    /** Every question shape the issue asks each set to cover (issue 12, "Evals that measure generalisation"). */
    static final List<String> CATEGORIES = List.of("lookup", "reverse_lookup", "filter", "count", "superlative", "comparison",
            "yes_no", "aggregate", "group_by", "negation", "multi_field", "multi_hop", "unit_conversion",
            "arithmetic_over_facts", "ambiguous", "unanswerable");

    static final int MIN_QUESTIONS = 60;
    static final int MIN_UNANSWERABLE = 8;

    private GraphQuestionSets() {
    }

    /** The folders under evals/graphs that hold a test.jsonl, by name. */
    static List<Path> sets() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("test.jsonl"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ObjectNode> read(Path set) {
        List<ObjectNode> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(set.resolve("test.jsonl"), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add((ObjectNode) Gold.JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The set's questions with every gold derived afresh from its SPARQL on the set's graph. */
    static List<ObjectNode> derive(Path set, Kb kb) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode q : read(set)) {
            ObjectNode copy = q.deepCopy();
            try {
                copy.set("gold", Gold.derive(Gold.template(q.path("gold")), q.path("sparql").asText(), kb));
            } catch (RuntimeException e) {
                throw new IllegalStateException(set.getFileName() + "/" + q.path("id").asText() + ": " + e.getMessage(), e);
            }
            out.add(copy);
        }
        return out;
    }

    /** Fills the gold of every set in place and prints the counts per category. */
    public static void main(String[] args) throws IOException {
        for (Path set : sets()) {
            List<ObjectNode> questions = derive(set, Kb.load(set));
            StringBuilder sb = new StringBuilder();
            questions.forEach(q -> sb.append(q).append('\n'));
            Files.writeString(set.resolve("test.jsonl"), sb.toString(), StandardCharsets.UTF_8);
            System.out.println(set.getFileName() + ": " + questions.size() + " questions");
            for (String c : CATEGORIES) {
                System.out.printf("  %-22s %d%n", c, questions.stream().filter(q -> q.path("category").asText().equals(c)).count());
            }
        }
    }
}
