package io.groundgate.grounding.local.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.groundgate.kg.profile.GraphProfile;
import io.groundgate.tools.kg.DemoGraph;

/** Follow-ups resolved against earlier turns on the demo graph's profile, without Quarkus and without a planner. */
class FollowUpResolverTest {

    static GraphProfile profile;
    static FollowUpResolver resolver;

    @BeforeAll
    static void profile() {
        profile = DemoGraph.shared().snapshot().profile();
        resolver = new FollowUpResolver(profile);
    }

    static FollowUp ask(String message, String... turns) {
        List<Exchange> exchanges = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < turns.length; i += 2) {
            exchanges.add(new Exchange(turns[i], turns[i + 1]));
        }
        return resolver.resolveConversation(exchanges, message);
    }

    static String resolved(FollowUp f) {
        assertThat(f).isInstanceOf(FollowUp.Resolved.class);
        return f.question();
    }

    @Test
    void findsEntitiesOfATextThroughTheNameIndex() {
        List<Referent> found = EntityMentions.of(profile).in("Belgium, Germany and Luxembourg [source: Germany data]");
        // "Luxembourg" names a country and a city: both are found
        assertThat(found).extracting(Referent::name).containsExactly("Belgium", "Germany", "Luxembourg", "Luxembourg");
        // two-letter names must agree in case: "he" is a pronoun, "He" may be a symbol
        assertThat(EntityMentions.of(profile).in("he said no")).isEmpty();
    }

    @Test
    void aQuestionWithoutEarlierTurnsStandsAlone() {
        assertThat(ask("Which of them is the largest?")).isInstanceOf(FollowUp.Standalone.class);
        assertThat(ask("What is the density of gold?", "What is 2+2?", "4"))
                .isEqualTo(new FollowUp.Standalone("What is the density of gold?"));
    }

    @Test
    void theyAndThemAreTheEntitiesOfThePreviousAnswer() {
        FollowUp f = ask("Which of them has the largest population?",
                "Which countries border Luxembourg?", "Belgium, France and Germany share a land border with Luxembourg.");
        assertThat(resolved(f)).isEqualTo("Which of Belgium, France and Germany has the largest population?");
        assertThat(((FollowUp.Resolved) f).describe()).isEqualTo("resolved \"them\" to Belgium, France and Germany");
        assertThat(resolved(ask("What are their capitals?", "Which countries border Luxembourg?",
                "Belgium, France and Germany share a land border with Luxembourg.")))
                .isEqualTo("What are the capitals of Belgium, France and Germany?");
    }

    @Test
    void aDemonstrativeBeforeAClassNamePicksTheEntityOfThatClass() {
        FollowUp f = ask("What is the capital of that country?", "Which country has the largest area?",
                "Russia has the largest area (17098246 km^2).");
        assertThat(resolved(f)).isEqualTo("What is the capital of Russia?");
        assertThat(((FollowUp.Resolved) f).substitutions().get(0).phrase()).isEqualTo("that country");
    }

    @Test
    void itIsTheOneEntityTalkedAbout() {
        assertThat(resolved(ask("How much would 3 litres of it weigh?", "What is the density of gold?",
                "The density of gold is 19.3 g/cm^3 [source: Wikidata].")))
                .isEqualTo("How much would 3 litres of gold weigh?");
        assertThat(resolved(ask("What is its melting point?", "What is the density of gold?",
                "The density of gold is 19.3 g/cm^3.")))
                .isEqualTo("What is the melting point of gold?");
    }

    @Test
    void aLoneThatIsThePhraseThePreviousQuestionAskedAbout() {
        assertThat(resolved(ask("Is that higher than the density of lead?", "What is the density of gold?",
                "The density of gold is 19.3 g/cm^3.")))
                .isEqualTo("Is the density of gold higher than the density of lead?");
        // a relative "that" is left alone
        assertThat(ask("Which countries that border France are in Europe?", "What is the density of gold?", "…"))
                .isInstanceOf(FollowUp.Standalone.class);
    }

    @Test
    void anEllipsisRepeatsThePreviousQuestionWithTheNewEntity() {
        assertThat(resolved(ask("And of silver?", "What is the density of gold?", "The density of gold is 19.3 g/cm^3.")))
                .isEqualTo("What is the density of silver?");
        assertThat(resolved(ask("What about Japan?", "What is the capital of France?", "The capital of France is Paris.")))
                .isEqualTo("What is the capital of Japan?");
        // chained: the second follow-up reads the first one in full
        assertThat(resolved(ask("and of lead?", "What is the density of gold?", "19.3 g/cm^3.", "And of silver?",
                "10.49 g/cm^3."))).isEqualTo("What is the density of lead?");
        // a typo in the new entity is linked through the name index
        assertThat(resolved(ask("what about Germny?", "What is the capital of France?", "Paris.")))
                .isEqualTo("What is the capital of Germny?");
    }

    @Test
    void whatAboutAPropertyAsksItOfTheEntityTalkedAbout() {
        assertThat(resolved(ask("What about its population?", "What is the area of Japan?", "377975 km^2.")))
                .isEqualTo("What is the population of Japan?");
        assertThat(resolved(ask("What about the population?", "What is the area of Japan?", "377975 km^2.")))
                .isEqualTo("What is the population of Japan?");
    }

    @Test
    void saysSoWhenTheReferentIsAmbiguous() {
        FollowUp f = ask("How much would 3 litres of it weigh?", "Which is denser, gold or lead?",
                "Gold is denser than lead.");
        assertThat(f).isInstanceOf(FollowUp.Ambiguous.class);
        assertThat(((FollowUp.Ambiguous) f).message()).contains("\"it\"").contains("Gold or Lead");
        assertThat(ask("And of silver?", "Which is denser, gold or lead?", "Gold is denser than lead."))
                .isInstanceOf(FollowUp.Ambiguous.class);
    }

    @Test
    void aPossessiveIsResolvedByTheEntityWhoseClassHasTheProperty() {
        // "its" after a question naming an element and a country: only one of them has an atomic number
        FollowUp f = ask("What is its atomic number?", "Which element is named after France?",
                "Francium is named after France.");
        assertThat(resolved(f)).isEqualTo("What is the atomic number of Francium?");
    }
}
