package io.groundgate.kg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The held-out eval graphs ({@code evals/graphs/<name>/}, loaded alone by {@code evals/ci.sh}) load in the gateway's own
 * loader with no error and no validation warning (ill-typed literals, undeclared terms, SHACL), with entailment on as
 * the gateway runs it.
 */
class EvalGraphsLoadTest {

    @Test
    void everyEvalGraphLoadsCleanly() throws IOException {
        List<Path> sets;
        try (Stream<Path> dirs = Files.list(Path.of("evals/graphs"))) {
            sets = dirs.filter(d -> Files.isRegularFile(d.resolve("test.jsonl"))).sorted().toList();
        }
        assertThat(sets).hasSizeGreaterThanOrEqualTo(2);
        for (Path set : sets) {
            GraphLoader loader = new GraphLoader(List.of(set), List.of(set.resolve("shapes")), true);
            GraphLoader.Loaded loaded = loader.parse(loader.read());
            assertThat(loaded.problems()).as("%s: load problems", set).isEmpty();
            assertThat(loader.warnings(loaded)).as("%s: validation warnings", set).isEmpty();
            assertThat(loaded.triples()).as(set.toString()).isGreaterThan(1000);
        }
    }
}
