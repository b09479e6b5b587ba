package io.groundgate.grounding.local.reading;

import static io.groundgate.grounding.local.reading.Graphs.ENTERPRISE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.groundgate.kg.profile.ClassPath.Step;
import io.groundgate.tools.kg.DemoGraph;

/** Candidate readings built from the profile's paths and scored by the words they explain (no Quarkus). */
class ReadingBuilderTest {

    static final String ACME = "https://example.org/acme#";

    static Reading top(Path folder, String question) {
        List<Option> options = Graphs.planner(folder).readings(question, Graphs.snapshot(folder));
        return ReadingPlanner.top(options).orElseThrow(() -> new AssertionError("no complete reading: " + options));
    }

    @Test
    void aValueNodeIsOneAttribute() {
        Reading r = top(ENTERPRISE, "What is the price of the Torque Wrench TW-3?");
        assertThat(r).isInstanceOfSatisfying(Reading.Lookup.class, l -> {
            assertThat(l.entity().iri()).isEqualTo(ACME + "prod-1001");
            assertThat(l.fields()).singleElement().satisfies(a -> {
                assertThat(a.steps()).containsExactly(new Step(ACME + "price", false), new Step(ACME + "amount", false));
                assertThat(a.numeric()).isTrue();
            });
        });
    }

    @Test
    void theShortestPathThatExplainsTheWordsWins() {
        // "manager" could also be read through two hops (the salary of the manager); one hop explains the same words
        Reading r = top(ENTERPRISE, "What is the annual salary of Karen Brant?");
        assertThat(r).isInstanceOfSatisfying(Reading.Lookup.class,
                l -> assertThat(l.fields().get(0).steps()).containsExactly(new Step(ACME + "annualSalary", false)));
    }

    @Test
    void membersAreTiedToAnchorsByTheProfilesPaths() {
        assertThat(top(ENTERPRISE, "How many employees work in Logistics?")).isInstanceOfSatisfying(Reading.Members.class,
                m -> {
                    assertThat(m.count()).isTrue();
                    assertThat(m.classIri()).isEqualTo(ACME + "Employee");
                    assertThat(m.constraints()).singleElement().isInstanceOfSatisfying(Reading.LinksTo.class,
                            k -> assertThat(k.steps()).containsExactly(new Step(ACME + "worksIn", false)));
                });
        assertThat(top(ENTERPRISE, "Which suppliers are in Switzerland?")).isInstanceOfSatisfying(Reading.Members.class,
                m -> assertThat(m.constraints()).singleElement().isInstanceOf(Reading.HasValue.class));
    }

    @Test
    void operatorsChooseTheShape() {
        assertThat(top(ENTERPRISE, "Which product has the highest price?")).isInstanceOfSatisfying(
                Reading.Superlative.class, s -> assertThat(s.high()).isTrue());
        assertThat(top(ENTERPRISE, "Which product has the lowest price?")).isInstanceOfSatisfying(
                Reading.Superlative.class, s -> assertThat(s.high()).isFalse());
        assertThat(top(ENTERPRISE, "What is the average rating of suppliers?")).isInstanceOfSatisfying(
                Reading.Aggregate.class, a -> assertThat(a.function()).isEqualTo(Reading.Function.AVG));
        assertThat(top(ENTERPRISE, "How many employees per department?")).isInstanceOf(Reading.Grouped.class);
        assertThat(top(ENTERPRISE, "Which employees are not remote?")).isInstanceOfSatisfying(Reading.Members.class,
                m -> assertThat(m.constraints()).singleElement().satisfies(k -> assertThat(k.negated()).isTrue()));
        assertThat(top(ENTERPRISE, "How many seconds are in 3.5 hours?")).isInstanceOf(Reading.Convert.class);
        assertThat(top(DemoGraph.ONTOLOGIES, "Does France border Spain?")).isInstanceOf(Reading.Ask.class);
        assertThat(top(DemoGraph.ONTOLOGIES, "How many times denser is Gold than Cobalt?"))
                .isInstanceOfSatisfying(Reading.Compare.class, c -> assertThat(c.ratio()).isTrue());
        assertThat(top(DemoGraph.ONTOLOGIES, "What are the density and the melting point of Tungsten?"))
                .isInstanceOfSatisfying(Reading.Lookup.class, l -> assertThat(l.fields()).hasSize(2));
    }

    @Test
    void arithmeticWrittenOutIsReadByTheCalculatorInFull() {
        assertThat(top(ENTERPRISE, "What is 7% of 350?")).isEqualTo(new Reading.Expression("7% of 350", null));
        assertThat(top(ENTERPRISE, "What is the cube root of 27?")).isEqualTo(new Reading.Expression("cbrt(27)", null));
        assertThat(top(ENTERPRISE, "A value goes from 40 to 50. By what percentage did it change?"))
                .isEqualTo(new Reading.Expression("(50 - 40) / 40 * 100", "%"));
        // a name of the graph is no arithmetic: the price is a fact to look up, never a calculator identifier
        assertThat(top(ENTERPRISE, "What is the price of the Torque Wrench TW-3 times 12?"))
                .isInstanceOf(Reading.Calculate.class);
        // words the calculator does not read are not arithmetic
        assertThat(Graphs.planner(ENTERPRISE).readings("What is the shoe size of 42 people?", Graphs.snapshot(ENTERPRISE)))
                .noneMatch(o -> o.reading() instanceof Reading.Expression);
    }

    @Test
    void aUnitAskedForIsExplainedOnlyByAReadingThatSaysIt() {
        assertThat(top(DemoGraph.ONTOLOGIES, "What is the boiling point of Neon in degrees Celsius?"))
                .isInstanceOfSatisfying(Reading.Lookup.class, l -> {
                    assertThat(l.inUnit()).isEqualTo("Celsius");
                    assertThat(l.fields().get(0).unit()).isEqualTo("K");
                });
        // the degree sign and the superscript are part of the unit, not a name ("F" is fluorine's symbol) or dropped
        assertThat(top(DemoGraph.ONTOLOGIES, "How large is France in km²?")).isInstanceOfSatisfying(Reading.Lookup.class,
                l -> assertThat(l.inUnit()).isEqualTo("km^2"));
        assertThat(top(DemoGraph.ONTOLOGIES, "What is 50 °F in kelvin?"))
                .isEqualTo(new Reading.Convert(new java.math.BigDecimal("50"), "°F", "kelvin"));
        // no number of the entity converts to the unit asked for: no complete reading, not the number in another unit
        assertThat(Graphs.planner(DemoGraph.ONTOLOGIES).readings("What is the atomic number of Neon in kelvin?",
                Graphs.snapshot(DemoGraph.ONTOLOGIES))).noneMatch(Option::complete);
    }

    @Test
    void aDifferenceOfTwoEntitiesIsAComparisonThatSubtracts() {
        assertThat(top(DemoGraph.ONTOLOGIES, "What is the difference between the boiling points of Neon and Argon?"))
                .isInstanceOfSatisfying(Reading.Compare.class, c -> {
                    assertThat(c.difference()).isTrue();
                    assertThat(c.attribute().name()).isEqualTo("boiling point");
                });
        assertThat(top(DemoGraph.ONTOLOGIES, "How many kelvin apart are the boiling points of Neon and Argon?"))
                .isInstanceOfSatisfying(Reading.Compare.class, c -> assertThat(c.inUnit()).isEqualTo("kelvin"));
        // a difference of temperatures in degrees Celsius is no conversion of one: the planner does not offer it
        assertThat(Graphs.planner(DemoGraph.ONTOLOGIES).readings(
                "What is the difference between the boiling points of Neon and Argon in degrees Celsius?",
                Graphs.snapshot(DemoGraph.ONTOLOGIES))).noneMatch(Option::complete);
        // a difference is never read as each value said on its own
        assertThat(Graphs.planner(DemoGraph.ONTOLOGIES).readings(
                "What is the difference between the boiling points of Neon and Argon?",
                Graphs.snapshot(DemoGraph.ONTOLOGIES))).noneMatch(o -> o.reading() instanceof Reading.Several);
    }

    @Test
    void aYearAsksForValuesTheGraphDatesWithIt() {
        // the population is dated by a sibling property ("population year"); the year is the date its values must have
        assertThat(top(DemoGraph.ONTOLOGIES, "Was the 2015 population of Chile larger than that of Peru?"))
                .isInstanceOfSatisfying(Reading.InYear.class, y -> {
                    assertThat(y.year()).isEqualTo("2015");
                    assertThat(y.reading()).isInstanceOfSatisfying(Reading.Compare.class, c -> assertThat(c.yesNo())
                            .isTrue());
                });
        // a fronted phrase does not hide that the question is answered yes or no
        assertThat(top(DemoGraph.ONTOLOGIES, "in 2015, were there more people in Chile than in Peru?"))
                .isInstanceOfSatisfying(Reading.InYear.class, y -> assertThat(y.reading())
                        .isInstanceOfSatisfying(Reading.Compare.class, c -> assertThat(c.yesNo()).isTrue()));
        assertThat(top(DemoGraph.ONTOLOGIES, "Which country bordering Chile had the largest population in 2015?"))
                .isInstanceOfSatisfying(Reading.InYear.class, y -> assertThat(y.reading())
                        .isInstanceOf(Reading.Superlative.class));
        // nothing dates the total area: a year leaves such a question unexplained, never silently dropped
        assertThat(Graphs.planner(DemoGraph.ONTOLOGIES).readings(
                "Which country bordering Chile had the largest total area in 2015?",
                Graphs.snapshot(DemoGraph.ONTOLOGIES))).noneMatch(Option::complete);
    }

    @Test
    void aWordNoTermExplainsLeavesTheReadingIncomplete() {
        List<Option> options = Graphs.planner(ENTERPRISE).readings("What is the shoe size of Karen Brant?",
                Graphs.snapshot(ENTERPRISE));
        assertThat(options).noneMatch(Option::complete);
        // and a class named together with a relation word is no class mention: "country's capital" keeps "capital",
        // so the list of countries is not taken for the answer
        List<Option> peso = Graphs.planner(DemoGraph.ONTOLOGIES).readings(
                "The Philippine peso is the currency of which country's capital?", Graphs.snapshot(DemoGraph.ONTOLOGIES));
        assertThat(peso).filteredOn(o -> o.reading() instanceof Reading.Members).isNotEmpty()
                .allSatisfy(o -> assertThat(o.unexplained()).contains("capital"));
    }
}
