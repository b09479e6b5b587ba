package io.groundgate.evals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The held-out graph sets ({@code evals/graphs/<name>/test.jsonl}) are sound: two or more sets, each with at least 60
 * questions covering every question shape and at least 8 unanswerable ones, over a graph that says it is fictional; and
 * every gold answer is what its SPARQL gives on that graph (so an edit to a graph that moves an answer fails here until
 * the gold is refilled with {@link GraphQuestionSets#main}).
 */
class GraphQuestionSetTest {

    @Test
    void thereAreAtLeastTwoSets() {
        assertThat(GraphQuestionSets.sets()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void eachSetIsBigEnoughAndCoversEveryCategory() {
        for (Path set : GraphQuestionSets.sets()) {
            List<ObjectNode> questions = GraphQuestionSets.read(set);
            assertThat(questions).as(set.toString()).hasSizeGreaterThanOrEqualTo(GraphQuestionSets.MIN_QUESTIONS);
            Set<String> categories = questions.stream().map(q -> q.path("category").asText()).collect(Collectors.toSet());
            assertThat(categories).as(set.toString()).containsExactlyInAnyOrderElementsOf(GraphQuestionSets.CATEGORIES);
            assertThat(questions.stream().filter(q -> q.path("category").asText().equals("unanswerable")))
                    .as(set + ": unanswerable questions").hasSizeGreaterThanOrEqualTo(GraphQuestionSets.MIN_UNANSWERABLE);
        }
    }

    @Test
    void idsAreUniqueLinesCompleteAndQuestionsDistinct() {
        Set<String> ids = new HashSet<>();
        for (Path set : GraphQuestionSets.sets()) {
            Set<String> texts = new HashSet<>();
            for (JsonNode q : GraphQuestionSets.read(set)) {
                assertThat(q.fieldNames()).toIterable().containsExactly("id", "category", "question", "gold", "tags", "sparql");
                assertThat(q.path("id").asText()).startsWith(set.getFileName() + "-");
                assertThat(ids.add(q.path("id").asText())).as("duplicate id %s", q.path("id")).isTrue();
                assertThat(texts.add(q.path("question").asText().toLowerCase())).as("duplicate question %s", q.path("question"))
                        .isTrue();
            }
        }
    }

    @Test
    void everyGraphSaysItIsFictional() throws IOException {
        for (Path set : GraphQuestionSets.sets()) {
            List<Path> files;
            try (Stream<Path> s = Files.list(set)) {
                files = s.filter(f -> f.toString().endsWith(".ttl")).toList();
            }
            assertThat(files).as(set.toString()).isNotEmpty();
            for (Path f : files) {
                assertThat(Files.readString(f).lines().limit(3).collect(Collectors.joining("\n"))).as(f.toString())
                        .contains("FICTIONAL SYNTHETIC TEST DATA");
            }
        }
    }

    @Test
    void everyGoldIsWhatItsSparqlGivesOnItsGraph() {
        List<String> drift = new ArrayList<>();
        for (Path set : GraphQuestionSets.sets()) {
            drift.addAll(Gold.drift(GraphQuestionSets.read(set), Kb.load(set)));
        }
        assertThat(drift).as("refill the gold with GraphQuestionSets.main (see evals/README.md)").isEmpty();
    }

    @Test
    void aChangedGoldOfEachNewTypeIsCaught() {
        Path set = GraphQuestionSets.sets().get(0);
        Kb kb = Kb.load(set);
        for (String type : List.of("clarify", "groups", "number")) {
            ObjectNode q = GraphQuestionSets.read(set).stream().filter(x -> x.path("gold").path("type").asText().equals(type))
                    .findFirst().orElseThrow();
            ObjectNode tampered = q.path("gold").deepCopy();
            switch (type) {
                case "clarify" -> tampered.withArray("candidates").remove(0);
                case "groups" -> ((com.fasterxml.jackson.databind.node.ArrayNode) tampered.withArray("groups").get(0)).set(1,
                        Gold.JSON.getNodeFactory().textNode(new BigDecimal(tampered.path("groups").get(0).get(1).asText()).add(BigDecimal.ONE).toPlainString()));
                default -> tampered.put("value", new BigDecimal(tampered.path("value").asText()).add(BigDecimal.ONE).toPlainString());
            }
            JsonNode derived = Gold.derive(Gold.template(tampered), q.path("sparql").asText(), kb);
            assertThat(Gold.same(tampered, derived)).as(type).isFalse();
            assertThat(Gold.same(q.path("gold"), derived)).as(type).isTrue();
        }
    }
}
