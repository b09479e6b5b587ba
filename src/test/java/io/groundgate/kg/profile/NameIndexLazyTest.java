package io.groundgate.kg.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.tools.kg.DemoGraph;

/**
 * The name index builds its lookup structures on first use, off the reload path: building it makes only the list; the
 * first lookup sorts the keys, the first fuzzy lookup makes the trigram postings; every answer is the one an index
 * built ahead gives, also when many threads ask first at once.
 */
class NameIndexLazyTest {

    private static List<NameIndex.Entry> names() {
        List<NameIndex.Entry> names = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            names.add(new NameIndex.Entry("https://example.org/e" + i, "Entity number " + i + " of Zürich", "en",
                    i % 3 == 0 ? NameIndex.Source.ALT_LABEL : NameIndex.Source.LABEL, null, List.of("https://example.org/C")));
        }
        names.add(new NameIndex.Entry("https://example.org/sm", "St. Moritz", "", NameIndex.Source.LABEL, null, List.of()));
        names.add(new NameIndex.Entry("https://example.org/kb", "Karen Brant", "", NameIndex.Source.NAME_PROPERTY,
                "https://schema.org/name", List.of()));
        names.add(new NameIndex.Entry(null, "Norway", "", NameIndex.Source.VALUE, "https://example.org/country",
                List.of("https://example.org/C")));
        return names;
    }

    private static final List<String> QUESTIONS = List.of("st moritz", "Brant", "entity number 12", "Norwy",
            "Entity numbr 7 of Zurich", "norway", "nothing like it", "kar");

    @Test
    void buildingMakesNoLookupStructures() {
        NameIndex index = NameIndex.build(names());
        assertThat(index.size()).isEqualTo(2_003);
        assertThat(index.lookupsBuilt()).isFalse();
        assertThat(index.trigramsBuilt()).isFalse();

        assertThat(index.find("st moritz", 3).hits().get(0).iri()).isEqualTo("https://example.org/sm");
        assertThat(index.lookupsBuilt()).isTrue();
        assertThat(index.trigramsBuilt()).isFalse(); // an exact hit reads no trigrams

        assertThat(index.find("Norwy", 3).hits().get(0).match()).isEqualTo(NameIndex.Match.FUZZY);
        assertThat(index.trigramsBuilt()).isTrue();
    }

    @Test
    void lazyAnswersEqualPreparedAnswers() {
        NameIndex prepared = NameIndex.build(names());
        prepared.prepare();
        NameIndex lazy = NameIndex.build(names());
        for (String q : QUESTIONS) {
            assertThat(lazy.find(q, 5)).as(q).isEqualTo(prepared.find(q, 5));
        }
        assertThat(lazy.nameOf("https://example.org/e3")).isEqualTo(prepared.nameOf("https://example.org/e3"));
    }

    @Test
    void manyThreadsAskingFirstGetTheSameAnswers() throws Exception {
        NameIndex prepared = NameIndex.build(names());
        prepared.prepare();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                NameIndex lazy = NameIndex.build(names());
                List<Future<NameIndex.Lookup>> answers = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    String q = QUESTIONS.get(t % QUESTIONS.size());
                    answers.add(pool.submit((Callable<NameIndex.Lookup>) () -> lazy.find(q, 5)));
                }
                for (int t = 0; t < 16; t++) {
                    assertThat(answers.get(t).get()).isEqualTo(prepared.find(QUESTIONS.get(t % QUESTIONS.size()), 5));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aServedVersionBuildsItsLookupsBesideItWithoutALookup() throws Exception {
        KnowledgeGraph kg = DemoGraph.start();
        try {
            NameIndex names = kg.snapshot().profile().names();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!(names.lookupsBuilt() && names.trigramsBuilt()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(names.lookupsBuilt()).isTrue();
            assertThat(names.trigramsBuilt()).isTrue();
        } finally {
            kg.stop();
        }
    }
}
