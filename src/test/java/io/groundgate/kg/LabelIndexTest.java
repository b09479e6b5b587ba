package io.groundgate.kg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelIndexTest {

    static final String EX = "https://example.org/widgets#";

    @TempDir
    static Path dir;
    static KnowledgeGraph kg;
    static LabelIndex labels;

    @BeforeAll
    static void load() {
        TestConfig.copyFixture("basic", dir);
        kg = TestConfig.started(TestConfig.memory(dir));
        labels = kg.snapshot().labels();
    }

    @AfterAll
    static void stop() {
        kg.stop();
    }

    @Test
    void exactMatchIgnoresCaseAndAccents() {
        assertThat(labels.exact("Zurich")).singleElement().satisfies(h -> {
            assertThat(h.iri()).isEqualTo(EX + "zurich");
            assertThat(h.label()).isEqualTo("Zürich");
            assertThat(h.match()).isEqualTo(LabelHit.Match.EXACT);
            assertThat(h.types()).contains(EX + "Place");
        });
        assertThat(labels.exact("sprocket   ALPHA")).extracting(LabelHit::iri).containsExactly(EX + "sprocket");
    }

    @Test
    void prefixMatchFindsLabelsStartingWithTheText() {
        assertThat(labels.prefix("sprock", 5)).extracting(LabelHit::iri).containsExactly(EX + "sprocket");
        assertThat(labels.prefix("sprock", 5).get(0).match()).isEqualTo(LabelHit.Match.PREFIX);
    }

    @Test
    void fuzzyMatchForgivesATypo() {
        assertThat(labels.fuzzy("Sprockt Alpha", 5)).first().satisfies(h -> {
            assertThat(h.iri()).isEqualTo(EX + "sprocket");
            assertThat(h.match()).isEqualTo(LabelHit.Match.FUZZY);
            assertThat(h.score()).isBetween(0.5, 0.85);
        });
        assertThat(labels.find("Flange Detla", 3)).extracting(LabelHit::iri).contains(EX + "flange");
    }

    @Test
    void altLabelsAndClassesAreFound() {
        assertThat(labels.exact("SA-1")).extracting(LabelHit::iri).containsExactly(EX + "sprocket");
        assertThat(labels.exact("weight")).extracting(LabelHit::iri).containsExactly(EX + "mass");
        assertThat(labels.exact("doohickey")).extracting(LabelHit::iri).containsExactly(EX + "Doohickey");
    }

    @Test
    void englishLabelsArePreferredAndOtherLanguagesScoreLower() {
        assertThat(labels.labelOf(EX + "frame")).contains("Frame Beta");
        LabelHit en = labels.exact("Frame Beta").get(0);
        LabelHit de = labels.exact("Rahmen Beta").get(0);
        assertThat(de.iri()).isEqualTo(EX + "frame");
        assertThat(de.label()).isEqualTo("Frame Beta");
        assertThat(de.score()).isLessThan(en.score());
    }

    @Test
    void fuzzyMatchesOnlyWhenNothingMatchesExactlyOrByPrefix() {
        LabelIndex index = LabelIndex.build(List.of(
                new LabelIndex.Entry("urn:a", "Gold", "en", LabelIndex.Source.LABEL),
                new LabelIndex.Entry("urn:b", "Golf", "en", LabelIndex.Source.LABEL)), Map.of(), List.of("en"));
        assertThat(index.find("gold", 5)).extracting(LabelHit::iri).containsExactly("urn:a");
        assertThat(index.fuzzy("gold", 5)).extracting(LabelHit::iri).containsExactly("urn:b");
        assertThat(index.find("gould", 5)).extracting(LabelHit::iri).containsExactly("urn:a");
    }
}
