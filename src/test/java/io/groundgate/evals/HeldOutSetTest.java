package io.groundgate.evals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The hand-written held-out sets ({@code phrasing.jsonl}, {@code multiturn.jsonl}) are sound: big enough, well formed,
 * every gold answer (of every turn) still what its SPARQL gives on the current knowledge base, the files what
 * {@link HeldOutSets} writes, and no phrasing question shared with the template splits.
 */
class HeldOutSetTest {

    private static final Path DIR = Path.of("evals/questions");
    private static Kb kb;
    private static List<JsonNode> phrasing;
    private static List<JsonNode> multiturn;

    @BeforeAll
    static void load() throws IOException {
        kb = Kb.load(Path.of("ontologies"));
        phrasing = read(HeldOutSets.PHRASING);
        multiturn = read(HeldOutSets.MULTITURN);
    }

    private static List<JsonNode> read(String file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(Gold.JSON.readTree(line));
            }
        }
        return out;
    }

    private static List<JsonNode> turns() {
        List<JsonNode> turns = new ArrayList<>();
        multiturn.forEach(c -> c.path("turns").forEach(turns::add));
        return turns;
    }

    /** Lower case, single spaces, no end punctuation: "Is Lima Peru's capital?" and "is lima peru's capital" are the same. */
    private static String text(JsonNode q) {
        return q.path("question").asText().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[?.!]+$", "").trim();
    }

    @Test
    void phrasingHasAtLeast90QuestionsInTenFamiliesWithTenUnanswerables() {
        assertThat(phrasing).hasSizeGreaterThanOrEqualTo(90);
        Set<String> families = phrasing.stream().map(q -> q.path("category").asText()).collect(Collectors.toSet());
        assertThat(families).hasSizeGreaterThanOrEqualTo(10).doesNotContainAnyElementsOf(QuestionSetGenerator.CATEGORIES.subList(0, 7));
        assertThat(phrasing.stream().filter(q -> q.at("/gold/type").asText().equals("unanswerable"))).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void phrasingLinesAreCompleteWithUniqueIds() {
        Set<String> ids = new HashSet<>();
        for (JsonNode q : phrasing) {
            assertThat(q.fieldNames()).toIterable().containsExactly("id", "category", "question", "gold", "sparql");
            assertThat(ids.add(q.path("id").asText())).as("duplicate id %s", q.path("id")).isTrue();
            assertThat(q.path("question").asText()).isNotBlank();
        }
    }

    @Test
    void phrasingSharesNoQuestionWithDevOrTestOrItself() throws IOException {
        Set<String> template = new HashSet<>();
        read("dev.jsonl").forEach(q -> template.add(text(q)));
        read("test.jsonl").forEach(q -> template.add(text(q)));
        assertThat(template).hasSizeGreaterThan(300);
        assertThat(phrasing).noneMatch(q -> template.contains(text(q)));
        assertThat(phrasing.stream().map(HeldOutSetTest::text).distinct()).hasSameSizeAs(phrasing);
    }

    @Test
    void multiturnHasAtLeast40WellFormedConversationsOfTwoOrThreeTurns() {
        assertThat(multiturn).hasSizeGreaterThanOrEqualTo(40);
        Set<String> ids = new HashSet<>();
        for (JsonNode c : multiturn) {
            assertThat(c.fieldNames()).toIterable().containsExactly("id", "category", "turns");
            assertThat(ids.add(c.path("id").asText())).as("duplicate id %s", c.path("id")).isTrue();
            assertThat(c.path("turns").size()).as(c.path("id").asText()).isBetween(2, 3);
            for (JsonNode t : c.path("turns")) {
                assertThat(t.fieldNames()).toIterable().containsExactly("question", "gold", "sparql");
                assertThat(t.path("question").asText()).isNotBlank();
            }
            // the opening turn stands on its own: only a follow-up can be ambiguous
            assertThat(c.at("/turns/0/gold/type").asText()).isNotEqualTo("ambiguous");
        }
        Set<String> followUpGolds = new HashSet<>();
        multiturn.forEach(c -> c.path("turns").forEach(t -> followUpGolds.add(t.at("/gold/type").asText())));
        assertThat(followUpGolds).contains("unanswerable", "ambiguous", "yes_no", "choice", "number", "entities");
        assertThat(multiturn.stream().filter(c -> c.path("turns").size() == 3)).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void everyGoldIsWhatItsSparqlGivesOnTheKnowledgeBase() {
        List<JsonNode> all = new ArrayList<>(phrasing);
        all.addAll(turns());
        List<String> drift = Gold.drift(all, kb);
        assertThat(all).hasSizeGreaterThan(190);
        assertThat(drift).as("regenerate with HeldOutSets (see evals/README.md)").isEmpty();
    }

    @Test
    void theFilesAreWhatHeldOutSetsWrites() {
        assertThat(phrasing.stream().map(JsonNode::toString).toList()).as("phrasing.jsonl: regenerate (evals/README.md)")
                .isEqualTo(HeldOutSets.phrasingLines(kb));
        assertThat(multiturn.stream().map(JsonNode::toString).toList()).as("multiturn.jsonl: regenerate (evals/README.md)")
                .isEqualTo(HeldOutSets.multiturnLines(kb));
    }

    @Test
    void aChangedReadingOfAnAmbiguousFollowUpIsCaught() {
        JsonNode turn = turns().stream().filter(t -> t.at("/gold/type").asText().equals("ambiguous")).findFirst().orElseThrow();
        ObjectNode tampered = turn.path("gold").deepCopy();
        ObjectNode second = (ObjectNode) tampered.path("readings").get(1);
        second.put("value", second.path("value").asText() + "1");
        JsonNode derived = Gold.derive(Gold.template(tampered), turn.path("sparql").asText(), kb);
        assertThat(Gold.same(tampered, derived)).isFalse();
        assertThat(Gold.same(turn.path("gold"), derived)).isTrue();
    }
}
