package io.groundgate.grounding.local.reading;

import static io.groundgate.grounding.local.reading.Graphs.ENTERPRISE;
import static io.groundgate.grounding.local.reading.Graphs.OWL_SMALL;
import static io.groundgate.grounding.local.reading.Graphs.RAIL;
import static io.groundgate.grounding.local.reading.Graphs.ask;
import static io.groundgate.grounding.local.reading.Graphs.expected;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.groundgate.grounding.GroundingStep;
import io.groundgate.grounding.local.compose.Numbers;
import io.groundgate.tools.kg.DemoGraph;

/**
 * The reading planner end to end on real graphs it was not written for (no Quarkus): names in a name property,
 * value nodes, numbers as strings, unlabelled IRIs, an OWL ontology, plain labels. Expected values are read from the
 * files by Jena directly.
 */
class ReadingPlannerTest {

    static final String PREFIX = "PREFIX ex: <https://example.org/acme#> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> ";

    static String one(List<String> values) {
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    @Test
    void looksUpAStringNumberThroughANameProperty() {
        String salary = one(expected(ENTERPRISE, PREFIX + "SELECT ?v { ?e ex:name \"Karen Brant\" ; ex:annualSalary ?v }"));
        Graphs.Run r = ask(ENTERPRISE, "What is the annual salary of Karen Brant?");
        assertThat(r.text()).isEqualTo("The annual salary of Karen Brant is " + Numbers.format(new BigDecimal(salary)) + ".");
    }

    @Test
    void readsAValueNodeAsOneProperty() {
        String price = one(expected(ENTERPRISE,
                PREFIX + "SELECT ?v { ?p ex:name \"Torque Wrench TW-3\" ; ex:price/ex:amount ?v }"));
        assertThat(ask(ENTERPRISE, "What is the price of the Torque Wrench TW-3?").text())
                .isEqualTo("The price of Torque Wrench TW-3 is " + Numbers.format(new BigDecimal(price)) + " EUR.");
        String top = one(expected(ENTERPRISE, PREFIX
                + "SELECT ?v { ?p a ex:Product ; ex:name ?v ; ex:price/ex:amount ?a } ORDER BY DESC(?a) LIMIT 1"));
        assertThat(ask(ENTERPRISE, "Which product has the highest price?").text()).startsWith(top + " has the highest price");
    }

    @Test
    void filtersByACategoricalValueAndCounts() {
        List<String> swiss = expected(ENTERPRISE, PREFIX + "SELECT ?v { ?s ex:country \"Switzerland\" ; ex:name ?v }");
        String list = ask(ENTERPRISE, "Which suppliers are in Switzerland?").text();
        assertThat(list).startsWith(swiss.size() + " suppliers whose country is Switzerland: ");
        swiss.forEach(n -> assertThat(list).contains(n));
        List<String> logistics = expected(ENTERPRISE, PREFIX + "SELECT ?v { ?e ex:worksIn ex:Logistics ; ex:name ?v }");
        assertThat(ask(ENTERPRISE, "How many employees work in Logistics?").text())
                .startsWith(logistics.size() + " employees that work in Logistics: ");
    }

    @Test
    void filtersByNumberAndNegation() {
        List<String> dear = expected(ENTERPRISE, PREFIX + "SELECT ?v { ?p ex:price/ex:amount ?a ; ex:name ?v FILTER(?a > 10) }");
        assertThat(ask(ENTERPRISE, "Which products cost more than 10?").text())
                .startsWith(dear.size() + " products whose price is more than 10: ");
        List<String> office = expected(ENTERPRISE, PREFIX + "SELECT ?v { ?e ex:isRemote false ; ex:name ?v }");
        String text = ask(ENTERPRISE, "Which employees are not remote?").text();
        assertThat(text).startsWith(office.size() + " employees that are not remote: ");
        office.forEach(n -> assertThat(text).contains(n));
    }

    @Test
    void answersYesOrNoFromTheGraph() {
        assertThat(ask(ENTERPRISE, "Does Tom Brant work in Logistics?").text()).isEqualTo("Yes, Tom Brant works in Logistics.");
        assertThat(ask(ENTERPRISE, "Does Tom Brant work in Sales Operations?").text()).startsWith("No, ");
        String remote = one(expected(ENTERPRISE, PREFIX + "SELECT ?v { ?e ex:name \"Karen Brant\" ; ex:isRemote ?v }"));
        assertThat(ask(ENTERPRISE, "Is Karen Brant remote?").text())
                .isEqualTo(Boolean.parseBoolean(remote) ? "Yes, Karen Brant is remote." : "No, Karen Brant is not remote.");
        assertThat(ask(DemoGraph.ONTOLOGIES, "Does France border Spain?").text()).startsWith("Yes, France");
        // one hop, not the manager's flag two hops away: a plain answer, not a question back
        assertThat(ask(ENTERPRISE, "Is Ines Karro remote?").text()).isEqualTo("Yes, Ines Karro is remote.");
    }

    @Test
    void comparesTwoEntitiesOnAUnitInTheName() {
        assertThat(ask(ENTERPRISE, "Which is heavier, Torque Wrench TW-3 or Hex Key Set HK-9?").text())
                .isEqualTo("Torque Wrench TW-3 has the higher weight (820 g, against 240 g for Hex Key Set HK-9).");
    }

    @Test
    void averagesGroupsAndComputes() {
        List<String> ratings = expected(ENTERPRISE, PREFIX + "SELECT ?v { ?s a ex:Supplier ; ex:rating ?v }");
        BigDecimal avg = ratings.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(ratings.size()), java.math.MathContext.DECIMAL64);
        assertThat(ask(ENTERPRISE, "What is the average rating of suppliers?").text())
                .isEqualTo("The average rating of the " + ratings.size() + " suppliers is about " + Numbers.rounded(avg) + ".");
        assertThat(ask(ENTERPRISE, "How many employees per department?").text())
                .startsWith("Employees per department: Logistics: 3, Research and Development: 3");
        Graphs.Run times = ask(ENTERPRISE, "What is the price of Torque Wrench TW-3 times 12?");
        assertThat(times.text()).endsWith("49.9 × 12 = 598.8.");
        assertThat(times.recorder().steps()).anySatisfy(s -> {
            assertThat(s.tool()).isEqualTo("calculator");
            assertThat(s.facts()).isNotEmpty();
        });
        assertThat(ask(ENTERPRISE, "How many seconds are in 3.5 hours?").text()).isEqualTo("3.5 hours is 12,600 seconds.");
    }

    @Test
    void asksWhichOneWhenANameIsShared() {
        Graphs.Run r = ask(ENTERPRISE, "What is the annual salary of Brant?");
        assertThat(r.text()).contains("Karen Brant").contains("Tom Brant").endsWith("Which one do you mean?");
        assertThat(r.answered()).isFalse();
    }

    @Test
    void declinesWhatTheGraphCannotExplain() {
        assertThat(ask(ENTERPRISE, "What is the shoe size of Karen Brant?").outcome())
                .isInstanceOf(ReadingPlanner.Declined.class);
        assertThat(ask(DemoGraph.ONTOLOGIES, "What is the GDP of Lithuania?").outcome())
                .isInstanceOf(ReadingPlanner.Declined.class);
        Graphs.Run missing = ask(DemoGraph.ONTOLOGIES, "What is the capital of Nauru?");
        assertThat(missing.text()).startsWith("I could not find the capital of Nauru");
        assertThat(missing.answered()).isFalse();
    }

    @Test
    void answersOnARailGraphWithPlainLabels() {
        assertThat(ask(RAIL, "How many platforms does Alpha Station have?").text()).isEqualTo("Alpha Station has 12 platforms.");
        assertThat(ask(RAIL, "Which line serves Alpha Station?").text()).isEqualTo("Alpha Station is served by Blue Line.");
        assertThat(ask(RAIL, "When did Alpha Station open?").text()).isEqualTo("Alpha Station opened on 1901-05-01.");
    }

    @Test
    void answersOnASmallOwlGraph() {
        String heaviest = one(expected(OWL_SMALL, "PREFIX ex: <https://example.org/fauna#> PREFIX rdfs: "
                + "<http://www.w3.org/2000/01/rdf-schema#> SELECT ?v { ?a a ex:Mammal ; ex:weightKg ?w ; rdfs:label ?v } "
                + "ORDER BY DESC(?w) LIMIT 1"));
        assertThat(ask(OWL_SMALL, "Which mammal has the highest weight?").text()).startsWith(heaviest + " has the highest weight");
        assertThat(ask(OWL_SMALL, "Who cares for Pico?").text()).contains("Bo Tillmann");
        assertThat(ask(OWL_SMALL, "Does Greta live in the Savanna enclosure?").text()).startsWith("Yes, Greta lives in");
    }

    @Test
    void bindsEveryIriAndLiteralInsteadOfWritingThemIntoTheQuery() {
        Graphs.Run r = ask(ENTERPRISE, "Which suppliers are in Switzerland?");
        List<GroundingStep> queries = r.recorder().steps().stream().filter(s -> s.tool().equals("sparql_query")).toList();
        assertThat(queries).isNotEmpty().allSatisfy(s -> {
            assertThat(s.arguments().path("query").asText()).doesNotContain("example.org").doesNotContain("Switzerland");
            assertThat(s.arguments().path("bindings").toString()).contains("https://example.org/acme#Supplier");
            assertThat(s.graphVersion()).isEqualTo(Graphs.snapshot(ENTERPRISE).version());
        });
        assertThat(queries).anySatisfy(s -> assertThat(s.arguments().path("bindings").toString()).contains("Switzerland"));
    }

    @Test
    void saysEachOfSeveralEntitiesAndWhatIsMissingNeverDroppingOne() {
        Graphs.Run both = ask(ENTERPRISE, "What is the price of the Tool Chest TC-5 and of the Spring Clamp SC-2?");
        assertThat(((ReadingPlanner.Answered) both.outcome()).option().reading()).isInstanceOf(Reading.Several.class);
        assertThat(both.text()).isEqualTo("The price of Tool Chest TC-5 is 129 EUR and the price of Spring Clamp SC-2 is "
                + "5.6 EUR.");
        // Karen Brant has no manager in the graph: said plainly, and listed as unresolved
        Graphs.Run partial = ask(ENTERPRISE, "Who is the manager of Tom Brant and of Karen Brant?");
        String manager = one(expected(ENTERPRISE, PREFIX
                + "SELECT ?v { ?e ex:name \"Tom Brant\" ; ex:hasManager/ex:name ?v }"));
        assertThat(partial.text()).startsWith("The manager of Tom Brant is " + manager + ".")
                .endsWith("I could not find the manager of Karen Brant in the knowledge graph.");
        assertThat(((ReadingPlanner.Answered) partial.outcome()).part().unresolved())
                .containsExactly("the manager of Karen Brant");
    }

    @Test
    void choosesAmongThreeOrMoreNamedEntities() {
        Graphs.Run r = ask(ENTERPRISE, "Which of Ines Karro, Dov Acheson and Jonas Veldt has the highest annual salary?");
        // Jonas Veldt's salary is "n/a" in the data: not a number, so he is said to be missing, not ranked, and the
        // two known values are compared as two ("higher"), since the third might be the highest
        assertThat(r.text()).isEqualTo("Ines Karro has the higher annual salary (88,000, against 69,000 for Dov "
                + "Acheson). I could not find the annual salary of Jonas Veldt in the knowledge graph.");
        assertThat(ask(OWL_SMALL, "Which of Pico, Luma and Rufus has the lowest weight?").text())
                .startsWith("Luma has the lowest weight (0.9");
        assertThat(ask(DemoGraph.ONTOLOGIES, "Which is the densest: silver, gold or copper?").text())
                .startsWith("Gold has the highest density");
    }

    @Test
    void hopsThroughTheMembersAQuestionDescribes() {
        Graphs.Run only = ask(DemoGraph.ONTOLOGIES, "What is the capital of the country bordering Brunei?");
        assertThat(((ReadingPlanner.Answered) only.outcome()).option().reading()).isInstanceOf(Reading.OfMembers.class);
        assertThat(only.text()).startsWith("The only country").contains("is Malaysia; its capital is Kuala Lumpur");
        // several members: each with its value, and the one without a value said plainly
        List<String> team = expected(ENTERPRISE, PREFIX + "SELECT ?v { ?e ex:worksIn ex:Logistics ; ex:name ?v }");
        Graphs.Run each = ask(ENTERPRISE, "Who is the manager of the employees that work in Logistics?");
        assertThat(each.text()).startsWith(team.size() + " employees that work in Logistics: ")
                .contains("Tom Brant (manager: Mara Lindqvist-Oyelaran)")
                .contains("Mara Lindqvist-Oyelaran (manager: not in the knowledge graph)");
        assertThat(((ReadingPlanner.Answered) each.outcome()).part().unresolved())
                .containsExactly("the manager of Mara Lindqvist-Oyelaran");
    }

    @Test
    void combinesFactsWithArithmetic() {
        Graphs.Run perGram = ask(ENTERPRISE, "What is the price of the Tool Chest TC-5 divided by its weight?");
        assertThat(((ReadingPlanner.Answered) perGram.outcome()).option().reading()).isInstanceOf(Reading.Combine.class);
        assertThat(perGram.text()).isEqualTo("The price of Tool Chest TC-5 is 129 EUR and its weight is 15,400 g; "
                + "129 ÷ 15,400 = about 0.008377.");
        assertThat(perGram.recorder().steps()).anySatisfy(s -> {
            assertThat(s.tool()).isEqualTo("calculator");
            assertThat(s.facts()).hasSize(2);
        });
        Graphs.Run ratio = ask(DemoGraph.ONTOLOGIES, "What is the ratio of the density of Bismuth to that of Strontium?");
        assertThat(ratio.text()).startsWith("The density of Bismuth is about 3.7");
        assertThat(ask(DemoGraph.ONTOLOGIES, "What is the atomic weight of carbon times 12?").text()).contains("× 12 = ");
    }

    @Test
    void answersAValueForAYearOnlyWhenTheGraphDatesItSo() {
        Graphs.Run dated = ask(DemoGraph.ONTOLOGIES, "What was the population of Belgium in 2015?");
        assertThat(((ReadingPlanner.Answered) dated.outcome()).option().reading()).isInstanceOf(Reading.AtTime.class);
        assertThat(dated.text()).startsWith("The population of Belgium is ").endsWith("(2015).");
        // the enterprise graph dates no salary: the year cannot be checked, so it is said and nothing is claimed
        Graphs.Run undated = ask(ENTERPRISE, "What was the annual salary of Ines Karro in 2019?");
        assertThat(undated.text()).isEqualTo("I could not find the annual salary of Ines Karro in 2019 in the knowledge "
                + "graph: it does not say which year its value is for.");
        assertThat(undated.answered()).isFalse();
    }

    @Test
    void valuesOfAYearAreAnsweredOnlyWhenTheGraphDatesThemWithIt() {
        String gg = "PREFIX gg: <https://w3id.org/groundgate/ontology#> PREFIX c: <https://w3id.org/groundgate/resource/country/> ";
        BigDecimal chile = new BigDecimal(one(expected(DemoGraph.ONTOLOGIES, gg + "SELECT ?v { c:CHL gg:population ?v }")));
        BigDecimal peru = new BigDecimal(one(expected(DemoGraph.ONTOLOGIES, gg + "SELECT ?v { c:PER gg:population ?v }")));
        String year = one(expected(DemoGraph.ONTOLOGIES, gg + "SELECT ?v { c:CHL gg:populationYear ?v }"));
        Graphs.Run r = ask(DemoGraph.ONTOLOGIES, "Was the " + year + " population of Chile larger than that of Peru?");
        assertThat(r.text()).startsWith(chile.compareTo(peru) > 0 ? "Yes, " : "No, ")
                .endsWith("The populations are those of " + year + ".");
        // another year: the graph's values are not of it, so no number is claimed for it
        int other = Integer.parseInt(year) - 3;
        Graphs.Run before = ask(DemoGraph.ONTOLOGIES, "Was the " + other + " population of Chile larger than that of Peru?");
        assertThat(before.text()).startsWith("I could not find the population of " + other)
                .doesNotContain(Numbers.format(chile));
    }

    @Test
    void anAmountCombinesWithTheNumberWhoseUnitMakesTheAskedKindOfQuantity() {
        String gg = "PREFIX gg: <https://w3id.org/groundgate/ontology#> PREFIX el: <https://w3id.org/groundgate/resource/element/> ";
        BigDecimal density = new BigDecimal(one(expected(DemoGraph.ONTOLOGIES, gg + "SELECT ?v { el:Nd gg:density ?v }")));
        String mass = Numbers.format(density.multiply(new BigDecimal("1.5")));
        // the word names the kind of quantity (mass); the graph's units say which number makes one from litres
        Graphs.Run r = ask(DemoGraph.ONTOLOGIES, "What is the mass of 1.5 litres of Neodymium?");
        assertThat(((ReadingPlanner.Answered) r.outcome()).option().reading()).isInstanceOf(Reading.Amount.class);
        assertThat(r.text()).isEqualTo("The density of Neodymium is " + Numbers.format(density) + " g/cm³; 1.5 litres × "
                + Numbers.format(density) + " g/cm³ = " + mass + " kg.");
        // a verb nearest to that kind of quantity, and a unit asked for
        assertThat(ask(DemoGraph.ONTOLOGIES, "How many grams do 1.5 L of Neodymium weigh?").text())
                .endsWith(" = " + Numbers.format(density.multiply(new BigDecimal("1500"))) + " g.");
        // the other way round: a mass divided by the density is a volume
        assertThat(ask(DemoGraph.ONTOLOGIES, "What is the volume in litres of " + mass + " kg of Neodymium?").text())
                .endsWith(" = 1.5 L.");
        // a unit that makes no kind of quantity with any number of the entity is no such reading
        assertThat(ask(DemoGraph.ONTOLOGIES, "What is the mass of 3 kelvin of Neodymium?").outcome())
                .isInstanceOf(ReadingPlanner.Declined.class);
    }

    @Test
    void sumsOrAveragesOneNumberOverNamedEntitiesOnlyWhenEachHasIt() {
        String gg = "PREFIX gg: <https://w3id.org/groundgate/ontology#> PREFIX c: <https://w3id.org/groundgate/resource/country/> ";
        BigDecimal ukraine = new BigDecimal(one(expected(DemoGraph.ONTOLOGIES, gg + "SELECT ?v { c:UKR gg:population ?v }")));
        BigDecimal albania = new BigDecimal(one(expected(DemoGraph.ONTOLOGIES, gg + "SELECT ?v { c:ALB gg:population ?v }")));
        Graphs.Run r = ask(DemoGraph.ONTOLOGIES, "What was the combined population of Ukraine and Albania?");
        assertThat(((ReadingPlanner.Answered) r.outcome()).option().reading()).isInstanceOf(Reading.Total.class);
        assertThat(r.text()).isEqualTo("The population of Ukraine is " + Numbers.format(ukraine) + " and that of Albania is "
                + Numbers.format(albania) + "; " + Numbers.format(ukraine) + " + " + Numbers.format(albania) + " = "
                + Numbers.format(ukraine.add(albania)) + ".");
        assertThat(ask(DemoGraph.ONTOLOGIES, "How many people lived in Ukraine and Albania together?").text())
                .endsWith(" = " + Numbers.format(ukraine.add(albania)) + ".");
        assertThat(ask(DemoGraph.ONTOLOGIES, "What is the average population of Ukraine and Albania?").text())
                .endsWith("÷ 2 = " + Numbers.format(ukraine.add(albania).divide(BigDecimal.valueOf(2))) + ".");
        // Nauru's population is left out of the graph: no sum of the others is given as the total
        Graphs.Run partial = ask(DemoGraph.ONTOLOGIES, "What is the combined population of Ukraine and Nauru?");
        assertThat(partial.answered()).isFalse();
        assertThat(partial.text()).doesNotContain(Numbers.format(ukraine) + " =");
    }

    @Test
    void aNumberRightAfterANumericPropertysNameIsTheValueMembersMustHave() {
        String gg = "PREFIX gg: <https://w3id.org/groundgate/ontology#> ";
        List<String> group15 = expected(DemoGraph.ONTOLOGIES, gg + "SELECT ?v { ?e gg:group 15 ; rdfs:label ?v }"
                .replace("SELECT", "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT"));
        String text = ask(DemoGraph.ONTOLOGIES, "How many elements are in group 15?").text();
        assertThat(text).startsWith(group15.size() + " chemical elements whose group is 15: ");
        group15.forEach(n -> assertThat(text).contains(n));
        assertThat(ask(DemoGraph.ONTOLOGIES, "Which elements are in period 2 of the periodic table?").text())
                .startsWith("8 chemical elements whose period is 2: ");
    }

    @Test
    void wordsThatRestateAClasssDefinitionSayNothingMore() {
        // gg:Country is defined as "a member state of the United Nations": "member" restates it
        List<String> oceania = expected(DemoGraph.ONTOLOGIES, "PREFIX gg: <https://w3id.org/groundgate/ontology#> "
                + "SELECT ?v { ?v a gg:Country ; gg:continent <https://w3id.org/groundgate/resource/continent/Oceania> }");
        assertThat(ask(DemoGraph.ONTOLOGIES, "How many member states are in Oceania?").text())
                .startsWith(oceania.size() + " countries ");
        // a word the definition does not have is still unexplained
        assertThat(ask(DemoGraph.ONTOLOGIES, "How many EU member states are in Oceania?").outcome())
                .isInstanceOf(ReadingPlanner.Declined.class);
    }

    @Test
    void anOntologysHeaderIsNoEntityOfAQuestion() {
        // the demo graph's datasets are owl:Ontology headers named "countries" and "elements": those words are classes
        assertThat(ask(DemoGraph.ONTOLOGIES, "How many countries have Dutch as an official language?").text())
                .startsWith("3 countries whose official language is Dutch: ");
    }
}
