package io.groundgate.grounding.local;

import static io.groundgate.grounding.local.GraphExpectations.GG;
import static io.groundgate.grounding.local.GraphExpectations.RES;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.groundgate.grounding.Grounding;
import io.groundgate.grounding.GroundingStep;
import io.groundgate.grounding.ProvenanceRecorder;
import io.groundgate.grounding.local.compose.Numbers;
import io.groundgate.grounding.local.plan.Answer;
import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.kg.SparqlGuard;
import io.quarkus.test.junit.QuarkusTest;

/** The planner over the demo knowledge base; every expected value is read from the graph. */
@QuarkusTest
class LocalPlannerTest {

    static final String GOLD = RES + "element/Au";
    static final String LEAD = RES + "element/Pb";

    @Inject
    LocalPlanner planner;

    @Inject
    KnowledgeGraph kg;

    GraphExpectations graph;
    ProvenanceRecorder recorder;

    @BeforeEach
    void setUp() {
        graph = new GraphExpectations(kg.snapshot());
        recorder = new ProvenanceRecorder();
    }

    Answer ask(String question) {
        return planner.answer(question, recorder);
    }

    static String plain(BigDecimal v) {
        return Numbers.format(v);
    }

    @Test
    void looksUpAValueWithItsUnitAndSource() {
        Answer a = ask("What is the density of gold?");
        String expected = plain(graph.number(GOLD, GG + "density")) + " " + Numbers.unit(graph.unit(GG + "density"));
        assertThat(a.text()).contains("density of " + graph.label(GOLD) + " is " + expected + ".");
        // the sources are one short footnote naming the datasets, not a list of addresses in the sentence
        assertThat(a.text()).containsPattern("\\n\\n\\[Sources?: [^\\]]+]$").doesNotContain("https://");
        assertThat(a.unresolved()).isEmpty();
        assertThat(a.sources()).containsAll(graph.datasetSources(GOLD));
    }

    @Test
    void looksUpAnObjectValueByItsLabel() {
        String capital = graph.label(graph.one("SELECT ?c WHERE { <" + RES + "country/JPN> <" + GG + "capital> ?c }", "c")
                .getURI());
        assertThat(ask("capital of Japan").text()).contains("capital of Japan is " + capital);
    }

    @Test
    void linksSynonymsParaphrasesAndTypos() {
        String lead = plain(graph.number(LEAD, GG + "density"));
        assertThat(ask("How heavy per volume is lead?").text()).contains(lead + " g/cm³"); // an altLabel
        assertThat(ask("What is the denisty of lead?").text()).contains(lead + " g/cm³"); // a typo in the property
        String berlin = graph.label(RES + "city/DEU-Berlin");
        assertThat(ask("What is the capital of Germny?").text()).contains(berlin); // a typo in the entity
        String mp = plain(graph.number(GOLD, GG + "meltingPoint"));
        assertThat(ask("At what temperature does gold melt?").text()).contains(mp + " K"); // by meaning
        String z = plain(graph.number(GOLD, GG + "atomicNumber"));
        assertThat(ask("How many protons does gold have?").text()).contains("is " + z);
    }

    @Test
    void mentionsTheReferenceYearOfAValue() {
        String jpn = RES + "country/JPN";
        Answer a = ask("What is the population of Japan?");
        assertThat(a.text()).contains(plain(graph.number(jpn, GG + "population")))
                .contains("(" + graph.number(jpn, GG + "populationYear").toPlainString() + ")");
    }

    @Test
    void comparesTwoEntities() {
        BigDecimal gold = graph.number(GOLD, GG + "density");
        BigDecimal lead = graph.number(LEAD, GG + "density");
        String denser = gold.compareTo(lead) > 0 ? graph.label(GOLD) : graph.label(LEAD);
        assertThat(ask("Which is denser, gold or lead?").text()).startsWith(denser + " has the higher density");

        BigDecimal de = graph.number(RES + "country/DEU", GG + "area");
        BigDecimal fr = graph.number(RES + "country/FRA", GG + "area");
        assertThat(ask("Is Germany larger than France?").text()).startsWith(de.compareTo(fr) > 0 ? "Yes" : "No");
    }

    @Test
    void comparesInTimeAndCountsAnEntitysValues() {
        BigDecimal oxygen = graph.number(RES + "element/O", GG + "yearDiscovered");
        BigDecimal hydrogen = graph.number(RES + "element/H", GG + "yearDiscovered");
        assertThat(ask("Was oxygen discovered before hydrogen?").text())
                .startsWith(oxygen.compareTo(hydrogen) < 0 ? "Yes" : "No");
        long languages = graph.count("SELECT (COUNT(?l) AS ?n) WHERE { <" + RES + "country/IND> <" + GG
                + "officialLanguage> ?l }");
        assertThat(ask("number of official languages in India?").text())
                .startsWith(graph.label(RES + "country/IND") + " has " + languages + " official languages");
    }

    @Test
    void findsSuperlativesWithAClassAndAFilter() {
        String densest = graph.one("SELECT ?s WHERE { ?s a <" + GG + "ChemicalElement> ; <" + GG
                + "density> ?d } ORDER BY DESC(?d) LIMIT 1", "s").getURI();
        assertThat(ask("Which element has the highest density?").text()).contains(graph.label(densest) + " has the highest density");

        String largest = graph.one("SELECT ?s WHERE { ?s a <" + GG + "Country> ; <" + GG + "continent> <" + RES
                + "continent/Africa> ; <" + GG + "area> ?a } ORDER BY DESC(?a) LIMIT 1", "s").getURI();
        assertThat(ask("What is the largest country in Africa?").text()).contains(graph.label(largest) + " has the highest");

        String coldest = graph.one("SELECT ?s WHERE { ?s a <" + GG + "ChemicalElement> ; <" + GG
                + "meltingPoint> ?m } ORDER BY ASC(?m) LIMIT 1", "s").getURI();
        assertThat(ask("Which element has the lowest melting point?").text()).contains(graph.label(coldest));
    }

    @Test
    void countsInstancesLinkedThroughAProperty() {
        long borders = graph.count("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c <" + GG + "landBorder> <" + RES
                + "country/DEU> }");
        assertThat(ask("How many countries border Germany?").text()).startsWith(borders + " countries");

        long noble = graph.count("SELECT (COUNT(?e) AS ?n) WHERE { ?e <" + GG + "category> <" + RES + "category/noble-gas> }");
        assertThat(ask("How many noble gases are there?").text()).startsWith(noble + " ");

        long elements = graph.count("SELECT (COUNT(?e) AS ?n) WHERE { ?e a <" + GG + "ChemicalElement> }");
        assertThat(ask("How many elements are there?").text()).contains(elements + " chemical elements");
    }

    @Test
    void listsInstancesLinkedToAnEntity() {
        List<String> neighbours = graph.strings("SELECT ?l WHERE { ?c <" + GG + "landBorder> <" + RES
                + "country/FRA> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }", "l");
        String text = ask("Which countries border France?").text();
        assertThat(neighbours).isNotEmpty().allSatisfy(n -> assertThat(text).contains(n));
    }

    @Test
    void calculatesPureArithmetic() {
        String expected = plain(new BigDecimal("0.15").multiply(new BigDecimal("80")));
        Answer a = ask("What is 15% of 80?");
        assertThat(a.text()).isEqualTo("15% of 80 = " + expected + ".");
        assertThat(recorder.steps()).anySatisfy(s -> {
            assertThat(s.tool()).isEqualTo("calculator");
            assertThat(s.query()).contains("15% of 80");
        });
    }

    @Test
    void linksNamesWithTwoNeighbouringLettersSwapped() {
        String kathmandu = graph.label(graph.one("SELECT ?c WHERE { <" + RES + "country/NPL> <" + GG + "capital> ?c }", "c")
                .getURI());
        assertThat(ask("What is the capital of Nepla?").text()).contains(kathmandu);
        String colombo = graph.label(graph.one("SELECT ?c WHERE { <" + RES + "country/LKA> <" + GG + "capital> ?c }", "c")
                .getURI());
        assertThat(ask("What is the capital of Sri Lnaka?").text()).contains(colombo);
    }

    @Test
    void readsAOneLetterUnitTypedInLowerCase() {
        String mp = plain(graph.number(LEAD, GG + "meltingPoint"));
        assertThat(ask("lead: melting point in k?").text()).contains(mp + " K");
        String z = graph.number(LEAD, GG + "atomicNumber").toPlainString();
        assertThat(ask("the element with atomic number " + z + ": melting point in k?").text()).contains(mp + " K");
    }

    @Test
    void readsAClassNumberedByItsOnePropertyNamedNumber() {
        String z = graph.number(LEAD, GG + "atomicNumber").toPlainString();
        String density = plain(graph.number(LEAD, GG + "density"));
        assertThat(ask("What is the density of element number " + z + "?").text()).contains(density + " g/cm³");
        String mp = plain(graph.number(LEAD, GG + "meltingPoint"));
        assertThat(ask("element number " + z + ", melting point in k?").text()).contains(mp + " K");
    }

    @Test
    void givesAPercentageChangeInPercentEvenAcrossSentences() {
        // (60 - 48) / 48 * 100 = 25 exactly; (150 - 200) / 200 * 100 = -25
        assertThat(ask("How many percent is the change when a count grows from 48 to 60?").text())
                .isEqualTo("(60 - 48) / 48 * 100 = 25 %.");
        assertThat(ask("A reading falls from 200 to 150. What is the change in percent?").text())
                .isEqualTo("(150 - 200) / 200 * 100 = -25 %.");
    }

    @Test
    void derivesMassFromVolumeByDimensionalAnalysis() {
        BigDecimal density = graph.number(GOLD, GG + "density"); // g/cm^3 = kg/L
        String mass = plain(density.multiply(BigDecimal.valueOf(2)));
        Answer a = ask("What is the mass of 2 litres of gold?");
        // the reading path: the graph's units say the density makes a mass from litres
        assertThat(a.text()).contains("density of Gold is " + plain(density) + " g/cm³").contains("= " + mass + " kg.");
        assertThat(recorder.steps()).anySatisfy(s -> {
            assertThat(s.tool()).isEqualTo("calculator");
            assertThat(s.facts()).anySatisfy(f -> assertThat(f.predicate()).isEqualTo(GG + "density"));
        });

        String diff = plain(density.subtract(graph.number(LEAD, GG + "density")));
        assertThat(ask("How much heavier is a litre of gold than a litre of lead?").text()).contains(diff + " kg heavier");
    }

    @Test
    void derivesAnAreaRatioFromTwoFacts() {
        String jpn = RES + "country/JPN";
        BigDecimal expected = graph.number(jpn, GG + "population")
                .divide(graph.number(jpn, GG + "area"), 2, RoundingMode.HALF_EVEN);
        assertThat(ask("What is the population density of Japan?").text())
                .contains(plain(expected) + " per " + Numbers.unit(graph.unit(GG + "area")));
    }

    @Test
    void convertsToTheAskedUnit() {
        String celsius = plain(graph.number(GOLD, GG + "meltingPoint").subtract(new BigDecimal("273.15")));
        assertThat(ask("What is the melting point of gold in celsius?").text()).contains(celsius + " °C");
    }

    @Test
    void answersEachPartOfAMultiPartQuestion() {
        String fra = RES + "country/FRA";
        Answer a = ask("What is the capital of Japan and the population of France? Which is denser, gold or lead?");
        assertThat(a.parts()).hasSize(3);
        assertThat(a.text()).contains("Tokyo").contains(plain(graph.number(fra, GG + "population")))
                .contains("has the higher density");
    }

    @Test
    void hopsToTheOneNeighbourThatHasTheProperty() {
        String currency = graph.label(graph.one("SELECT ?cur WHERE { ?c <" + GG + "capital> <" + RES
                + "city/NZL-Wellington> ; <" + GG + "currency> ?cur }", "cur").getURI());
        assertThat(ask("What currency is used in the country whose capital is Wellington?").text()).contains(currency);
    }

    @Test
    void findsAnEntityByAValueAndCountsByAValue() {
        String iron = graph.one("SELECT ?e WHERE { ?e <" + GG + "atomicNumber> 26 }", "e").getURI();
        String mp = plain(graph.number(iron, GG + "meltingPoint"));
        assertThat(ask("What is the melting point of the element with atomic number 26?").text()).contains(mp + " K");
        long period2 = graph.count("SELECT (COUNT(?e) AS ?n) WHERE { ?e <" + GG + "period> 2 }");
        assertThat(ask("How many elements are in period 2?").text()).startsWith(period2 + " chemical elements");
    }

    @Test
    void combinesTheValuesOfSeveralEntities() {
        BigDecimal gold = graph.number(GOLD, GG + "meltingPoint");
        BigDecimal lead = graph.number(LEAD, GG + "meltingPoint");
        assertThat(ask("What is the difference between the melting points of gold and lead?").text())
                .contains(plain(gold.subtract(lead).abs()) + " K");
        String de = RES + "country/DEU";
        String fr = RES + "country/FRA";
        assertThat(ask("What is the combined population of Germany and France?").text())
                .contains(plain(graph.number(de, GG + "population").add(graph.number(fr, GG + "population"))));
    }

    @Test
    void abstainsInsteadOfAnsweringAboutTheWrongThing() {
        // a value the graph leaves out is not taken from a neighbour
        String oman = RES + "country/OMN";
        assertThat(graph.count("SELECT (COUNT(*) AS ?n) WHERE { <" + oman + "> <" + GG + "population> ?p }")).isZero();
        assertThat(ask("oman population in 2015?").text()).startsWith("I could not find");
        // the class asked about is not the entity named: no answer about the entity itself
        String invar = "What is the density of the element that makes up the balance of Invar 36?";
        assertThat(ask(invar).text()).startsWith("I could not find");
        // a count with a word that did not link is not answered with the size of the whole class
        assertThat(ask("How many countries share a land border with Qzvrania?").text()).startsWith("I could not find");
    }

    @Test
    void abstainsOnWhatTheGraphDoesNotHold() {
        assertThat(graph.count("SELECT (COUNT(*) AS ?n) WHERE { ?p <http://www.w3.org/2000/01/rdf-schema#label> ?l "
                + "FILTER(CONTAINS(LCASE(STR(?l)), \"gdp\") || CONTAINS(LCASE(STR(?l)), \"domestic product\")) }"))
                .isZero();
        for (String q : List.of("What is the GDP of France?", "What is the capital of Atlantis?",
                "Who is the president of France?", "What is the density of unobtainium?", "Tell me about gold.")) {
            Answer a = ask(q);
            assertThat(a.text()).as(q).startsWith("I could not find");
            assertThat(a.unresolved()).as(q).isNotEmpty();
        }
        Grounding g = recorder.build("local", null, 0);
        assertThat(g.unresolved()).isNotEmpty();
    }

    @Test
    void recordsEveryStepWithQueriesFactsAndSources() {
        ask("What is the density of gold?");
        Grounding g = recorder.build("local", kg.snapshot().version(), 0);
        assertThat(g.graphVersion()).isEqualTo(kg.snapshot().version());
        assertThat(g.steps()).extracting(GroundingStep::tool).contains("kg_search", "sparql_query");
        GroundingStep read = g.steps().stream().filter(s -> s.tool().equals("sparql_query") && !s.facts().isEmpty())
                .findFirst().orElseThrow();
        // IRIs are bound as RDF terms, never written into the query text
        assertThat(read.arguments().path("bindings").toString()).contains(GOLD).contains(GG + "density");
        assertThat(read.arguments().path("query").asText()).doesNotContain(GOLD);
        // ...but the recorded query stands alone: run as it is shown, it finds the same fact
        assertThat(kg.snapshot().query(SparqlGuard.parse(read.query()))
                .rows()).hasSize(1);
        assertThat(read.facts()).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(GOLD);
            assertThat(f.predicate()).isEqualTo(GG + "density");
        });
        assertThat(read.sources()).containsExactlyInAnyOrderElementsOf(graph.datasetSources(GOLD));
        assertThat(g.sources()).containsAll(graph.datasetSources(GOLD));
    }

    @Test
    void resolvesAReferenceToTheEntityAPreviousSentenceDescribes() {
        String jpn = RES + "country/JPN";
        String capital = graph.label(graph.one("SELECT ?c WHERE { <" + jpn + "> <" + GG + "capital> ?c }", "c").getURI());
        String population = plain(graph.number(jpn, GG + "population"));
        assertThat(ask("A country has the capital " + capital + ". Tell me the population.").text())
                .doesNotContain(population);
        assertThat(ask(capital + " is the capital of a country. How many people live in that country?").text())
                .contains(population);
        assertThat(ask("The capital of some country is " + capital + ". What is its population?").text())
                .contains(population);
        assertThat(ask("The capital of a country is " + capital + ". What is that country's population?").text())
                .contains(population);
    }

    @Test
    void dividesTwoNamedQuantitiesAskedPerAUnit() {
        String fra = RES + "country/FRA";
        String areaUnit = graph.unit(GG + "area");
        BigDecimal expected = graph.number(fra, GG + "population")
                .divide(graph.number(fra, GG + "area"), 2, RoundingMode.HALF_EVEN);
        assertThat(ask("Give the population of France per " + areaUnit + " of its area").text())
                .contains(plain(expected) + " per " + Numbers.unit(areaUnit));
        // a unit of another kind ("per year") divides nothing
        assertThat(ask("Give the population of France per year of its area").text()).doesNotContain(plain(expected));
    }

    @Test
    void readsAParticipleClauseAsTheRelativeClauseOfAnObjectProperty() {
        String neighbour = graph.one("SELECT ?n WHERE { <" + RES + "country/PRT> <" + GG + "landBorder> ?n }", "n").getURI();
        String capital = graph.label(graph.one("SELECT ?c WHERE { <" + neighbour + "> <" + GG + "capital> ?c }", "c")
                .getURI());
        assertThat(ask("What is the capital of the country bordering Portugal?").text()).contains(capital);
    }

    @Test
    void readsAThreeLetterNameTypedInLowerCaseWhenItIsTheEntitysOwnLabel() {
        String tin = RES + "element/Sn";
        String melting = plain(graph.number(tin, GG + "meltingPoint"));
        assertThat(ask("how hot must " + graph.label(tin).toLowerCase(java.util.Locale.ROOT)
                + " get to melt, i.e. its melting point?").text()).contains(melting);
        BigDecimal difference = graph.number(GOLD, GG + "meltingPoint").subtract(graph.number(tin, GG + "meltingPoint"));
        assertThat(ask("difference between the melting points of gold and "
                + graph.label(tin).toLowerCase(java.util.Locale.ROOT)).text()).contains(plain(difference));
    }

    @Test
    void resolvesAReferenceToTheOneValueAPreviousSentenceCounts() {
        String prt = RES + "country/PRT";
        String neighbour = graph.one("SELECT ?n WHERE { <" + prt + "> <" + GG + "landBorder> ?n }", "n").getURI();
        String capital = graph.label(graph.one("SELECT ?c WHERE { <" + neighbour + "> <" + GG + "capital> ?c }", "c")
                .getURI());
        assertThat(ask(graph.label(prt) + " has only one neighbour. Which city is its capital?").text())
                .contains(capital);
    }
}
