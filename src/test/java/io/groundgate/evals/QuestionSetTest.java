package io.groundgate.evals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The committed question sets are sound: big enough, both splits with every category, unique ids, and every gold answer
 * still what its SPARQL query gives on the current knowledge base (so a change to ontologies/ that moves an answer fails
 * here until the questions are regenerated).
 */
class QuestionSetTest {

    private static final Path DIR = Path.of("evals/questions");
    private static final Set<String> TAGS = Set.of("paraphrase", "synonym", "typo", "multi_part");
    private static Kb kb;
    private static Map<String, List<JsonNode>> splits;

    @BeforeAll
    static void load() throws IOException {
        kb = Kb.load(Path.of("ontologies"));
        splits = Map.of("dev", read(DIR.resolve("dev.jsonl")), "test", read(DIR.resolve("test.jsonl")));
    }

    private static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(Gold.JSON.readTree(line));
            }
        }
        return out;
    }

    private static List<JsonNode> all() {
        List<JsonNode> all = new ArrayList<>(splits.get("dev"));
        all.addAll(splits.get("test"));
        return all;
    }

    @Test
    void thereAreAtLeast300QuestionsSplitRoughlyInHalf() {
        assertThat(all()).hasSizeGreaterThanOrEqualTo(300);
        int dev = splits.get("dev").size();
        int test = splits.get("test").size();
        assertThat(Math.abs(dev - test)).isLessThanOrEqualTo((dev + test) / 10);
    }

    @Test
    void everyCategoryIsInBothSplits() {
        for (String split : List.of("dev", "test")) {
            Set<String> categories = splits.get(split).stream().map(q -> q.path("category").asText()).collect(Collectors.toSet());
            assertThat(categories).as(split).containsExactlyInAnyOrderElementsOf(QuestionSetGenerator.CATEGORIES);
        }
    }

    @Test
    void everyTagIsUsedInBothSplitsAndNoOtherTagExists() {
        for (String split : List.of("dev", "test")) {
            Set<String> tags = new HashSet<>();
            splits.get(split).forEach(q -> q.path("tags").forEach(t -> tags.add(t.asText())));
            assertThat(tags).as(split).containsExactlyInAnyOrderElementsOf(TAGS);
        }
    }

    @Test
    void idsAreUniqueAndLinesComplete() {
        Set<String> ids = new HashSet<>();
        for (JsonNode q : all()) {
            assertThat(q.fieldNames()).toIterable().containsExactly("id", "category", "question", "gold", "tags", "sparql");
            assertThat(ids.add(q.path("id").asText())).as("duplicate id %s", q.path("id")).isTrue();
            assertThat(q.path("question").asText()).isNotBlank();
        }
    }

    @Test
    void noQuestionIsInBothSplits() {
        Set<String> dev = splits.get("dev").stream().map(q -> q.path("question").asText().toLowerCase()).collect(Collectors.toSet());
        assertThat(splits.get("test")).noneMatch(q -> dev.contains(q.path("question").asText().toLowerCase()));
    }

    @Test
    void everyGoldIsWhatItsSparqlGivesOnTheKnowledgeBase() {
        List<String> drift = Gold.drift(all(), kb);
        assertThat(drift).as("regenerate with QuestionSetGenerator (see evals/README.md)").isEmpty();
    }

    @Test
    void theGeneratorReproducesTheCommittedFiles() {
        Map<String, List<QuestionSetGenerator.Question>> generated = new QuestionSetGenerator(kb).generate();
        for (String split : List.of("dev", "test")) {
            List<String> expected = generated.get(split).stream().map(QuestionSetGenerator.Question::json).toList();
            List<String> actual = splits.get(split).stream().map(JsonNode::toString).toList();
            assertThat(actual).as("%s.jsonl differs from the generator's output: regenerate (evals/README.md)", split)
                    .isEqualTo(expected);
        }
    }

    @Test
    void aChangedGoldIsCaught() {
        JsonNode q = splits.get("dev").stream().filter(x -> x.path("gold").path("type").asText().equals("number")).findFirst()
                .orElseThrow();
        ObjectNode tampered = q.path("gold").deepCopy();
        tampered.put("value", new BigDecimal(tampered.path("value").asText()).add(java.math.BigDecimal.ONE).toPlainString());
        JsonNode derived = Gold.derive(Gold.template(tampered), q.path("sparql").asText(), kb);
        assertThat(Gold.same(tampered, derived)).isFalse();
        assertThat(Gold.same(q.path("gold"), derived)).isTrue();
    }
}
