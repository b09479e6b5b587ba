package io.groundgate.grounding.local.reading;

import static io.groundgate.grounding.local.reading.Graphs.ENTERPRISE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.groundgate.grounding.local.reading.Lexicon.Op;
import io.groundgate.grounding.local.reading.Linked.EntityAnchor;
import io.groundgate.grounding.local.reading.Linked.Role;
import io.groundgate.grounding.local.reading.Linked.ValueAnchor;
import io.groundgate.kg.profile.GraphProfile;
import io.groundgate.tools.kg.DemoGraph;

/** Linking words to the graph through the profile's name index, on the enterprise and demo graphs (no Quarkus). */
class QuestionLinkerTest {

    static final String ACME = "https://example.org/acme#";
    final QuestionLinker linker = new QuestionLinker(Lexicon.english(), new Units(Graphs.CALCULATOR, Lexicon.english()));

    Linked link(String q) {
        GraphProfile profile = Graphs.snapshot(ENTERPRISE).profile();
        return linker.link(q, profile);
    }

    @Test
    void namesFromANamePropertyLinkWholeAndWithoutPunctuation() {
        Linked l = link("What is the rating of St Moritz Tools AG?");
        assertThat(l.entities()).singleElement().satisfies(e -> {
            assertThat(e.best().iri()).isEqualTo(ACME + "sup-01");
            assertThat(e.text()).isEqualTo("St Moritz Tools AG");
            assertThat(e.ambiguous()).isFalse();
        });
        assertThat(l.phrases()).extracting(Linked.Phrase::text).containsExactly("rating");
    }

    @Test
    void aPartialNameSharedByTwoEntitiesIsAmbiguous() {
        EntityAnchor brant = link("What does Brant earn?").entities().get(0);
        assertThat(brant.ambiguous()).isTrue();
        assertThat(brant.candidates()).extracting(Linked.Candidate::iri).containsExactlyInAnyOrder(ACME + "emp-0001",
                ACME + "emp-0002");
    }

    @Test
    void unlabelledIrisLinkByTheirLocalNames() {
        assertThat(link("Who works in Logistics?").entities()).singleElement()
                .satisfies(e -> assertThat(e.best().iri()).isEqualTo(ACME + "Logistics"));
        assertThat(link("Who works in customer support?").entities()).singleElement()
                .satisfies(e -> assertThat(e.best().iri()).isEqualTo(ACME + "customer_support"));
    }

    @Test
    void categoricalValuesNeedTheirSpelling() {
        ValueAnchor swiss = link("Which suppliers are in Switzerland?").values().get(0);
        assertThat(swiss.property()).isEqualTo(ACME + "country");
        assertThat(swiss.value()).isEqualTo("Switzerland");
        assertThat(link("Which suppliers are in Swiss?").values()).isEmpty(); // meaning alone does not link a value
        assertThat(link("Which suppliers are in Switzerlnd?").values()).singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualTo("Switzerland")); // a typo still agrees in spelling
    }

    @Test
    void typosLinkOnlyInNamesWrittenAsNames() {
        assertThat(link("What is the annual salary of Karen Brnat?").entities()).singleElement()
                .satisfies(e -> assertThat(e.best().iri()).isEqualTo(ACME + "emp-0001"));
        // a lower-case word is never taken for a name by its first letters ("lie" is not "Lietuvos Respublika")
        Linked demo = linker.link("How many sovereign states lie in Europe?", Graphs.snapshot(DemoGraph.ONTOLOGIES).profile());
        assertThat(demo.entities()).extracting(EntityAnchor::text).containsExactly("Europe");
    }

    @Test
    void functionWordsAreOperatorsAndTheRestIsContent() {
        Linked l = link("How many products cost more than 10 and are not Tools?");
        assertThat(l.has(Op.COUNT)).isTrue();
        assertThat(l.has(Op.GT)).isTrue();
        assertThat(l.has(Op.NOT)).isTrue();
        assertThat(l.numbers()).singleElement().satisfies(n -> assertThat(n.value()).isEqualByComparingTo("10"));
        assertThat(l.phrases()).extracting(Linked.Phrase::text).containsExactly("products cost");
        assertThat(l.values()).extracting(ValueAnchor::value).containsExactly("Tools");
    }

    @Test
    void functionWordsInsideASchemaNameAreContent() {
        GraphProfile demo = Graphs.snapshot(DemoGraph.ONTOLOGIES).profile();
        SchemaMatcher names = SchemaMatcher.of(demo, null, null);
        Linked l = linker.link("What is the total area of Chad?", demo, names::isName);
        assertThat(l.has(Op.SUM)).isFalse();
        assertThat(l.phrases()).extracting(Linked.Phrase::text).containsExactly("total area");
        assertThat(linker.link("What is the total area of Chad?", demo).has(Op.SUM)).isTrue(); // without the schema
    }

    @Test
    void amountsWithUnitsAndTheUnitAsked() {
        Linked l = link("How many seconds are in 3.5 hours?");
        assertThat(l.numbers()).singleElement().satisfies(n -> {
            assertThat(n.value()).isEqualByComparingTo("3.5");
            assertThat(n.unit()).isEqualTo("hours");
        });
        assertThat(l.askedUnit()).isEqualTo("seconds");
        assertThat(l.words()).allSatisfy(w -> assertThat(w.role()).isNotEqualTo(Role.CONTENT));
        assertThat(link("What is 2 square miles in square kilometres?").askedUnit()).isEqualTo("kilometres^2");
    }
}
