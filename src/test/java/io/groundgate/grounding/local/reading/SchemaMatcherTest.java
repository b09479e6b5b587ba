package io.groundgate.grounding.local.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;

import io.groundgate.kg.profile.GraphProfile;
import io.groundgate.tools.kg.DemoGraph;

/** The matcher's shortcuts give the same numbers as the plain computations they replace. */
class SchemaMatcherTest {

    @Test
    void cosineWithLengthsKnownIsLangChain4jsToTheBit() {
        Random r = new Random(42);
        for (int n = 0; n < 2_000; n++) {
            float[] a = new float[384];
            float[] b = new float[384];
            for (int i = 0; i < a.length; i++) {
                a[i] = n % 100 == 0 ? 0 : (float) r.nextGaussian() * 0.1f;
                b[i] = (float) r.nextGaussian() * 0.1f;
            }
            SchemaMatcher.Vector va = SchemaMatcher.Vector.of(a);
            SchemaMatcher.Vector vb = SchemaMatcher.Vector.of(b);
            double expected = CosineSimilarity.between(Embedding.from(a), Embedding.from(b));
            assertThat(SchemaMatcher.cosine(a, va.length(), b, vb.length())).isEqualTo(expected);
        }
    }

    @Test
    void otherFormsByStemAreTheWordsSameStemFinds() {
        List<String> vocabulary = List.of("serves", "served", "serve", "serving", "cares", "cared", "care", "density",
                "densities", "border", "borders", "bordered", "is", "es", "s", "capital", "capitals", "population", "e",
                "mass", "masses", "used", "uses", "using", "flies", "flied", "fly");
        Random r = new Random(7);
        for (int n = 0; n < 500; n++) {
            Set<String> words = new java.util.HashSet<>();
            for (int k = 0; k < 1 + r.nextInt(4); k++) {
                words.add(vocabulary.get(r.nextInt(vocabulary.size())));
            }
            SchemaMatcher.Text text = new SchemaMatcher.Text("k", words, null);
            for (String word : vocabulary) {
                boolean expected = words.stream().anyMatch(w -> SchemaMatcher.sameStem(w, word));
                assertThat(text.hasOtherForm(word, SchemaMatcher.stem(word))).as(words + " / " + word).isEqualTo(expected);
            }
        }
    }

    @Test
    void aScoreAskedAgainIsTheScoreWorkedOutFirst() {
        GraphProfile demo = DemoGraph.shared().snapshot().profile();
        SchemaMatcher first = SchemaMatcher.of(demo, DemoGraph.shared().snapshot().schema(), Graphs.model());
        List<String> terms = new ArrayList<>();
        demo.classes().forEach(c -> terms.add(c.iri()));
        demo.properties().forEach(p -> terms.add(p.iri()));
        List<String> phrases = List.of("density", "capital", "borders", "melting point", "population density",
                "currency", "served", "heaviest", "noble gas", "");
        List<Double> once = new ArrayList<>();
        for (String p : phrases) {
            for (String t : terms) {
                once.add(first.similarity(p, t));
            }
        }
        SchemaMatcher fresh = SchemaMatcher.of(demo, DemoGraph.shared().snapshot().schema(), Graphs.model());
        List<Double> again = new ArrayList<>();
        List<Double> fromFresh = new ArrayList<>();
        for (String p : phrases) {
            for (String t : terms) {
                again.add(first.similarity(p, t));
            }
        }
        for (int i = phrases.size() - 1; i >= 0; i--) { // another order: nothing depends on what was asked before
            List<Double> row = new ArrayList<>();
            for (String t : terms) {
                row.add(fresh.similarity(phrases.get(i), t));
            }
            fromFresh.addAll(0, row);
        }
        assertThat(again).isEqualTo(once);
        assertThat(fromFresh).isEqualTo(once);
        assertThat(once).anyMatch(s -> s > 0.3 && s < 1.0); // some scores came from embeddings
        assertThat(first.rank("density", terms)).isEqualTo(fresh.rank("density", terms));
    }
}
