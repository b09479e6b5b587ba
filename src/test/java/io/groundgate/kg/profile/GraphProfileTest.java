package io.groundgate.kg.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.tools.kg.DemoGraph;

/** The profile learned from data: on small in-memory graphs, the two fictional test graphs and the demo graph. */
class GraphProfileTest {

    private static final String ACME = TestGraphs.ACME;
    private static final String FAUNA = TestGraphs.FAUNA;
    private static final GraphProfile ENTERPRISE = TestGraphs.profileOfFolder(TestGraphs.ENTERPRISE, Map.of("ex", ACME));

    private static PropertyUse use(GraphProfile p, String cls, String property) {
        return p.classProfile(cls).orElseThrow().use(property).orElseThrow();
    }

    @Test
    void classesCountInstancesAndPropertiesTheirShareAndCardinality() {
        ClassProfile employee = ENTERPRISE.classProfile(ACME + "Employee").orElseThrow();
        assertThat(employee.instances()).isEqualTo(10);
        PropertyUse manager = employee.use(ACME + "hasManager").orElseThrow();
        assertThat(manager.subjects()).isEqualTo(6);
        assertThat(manager.share()).isEqualTo(0.6);
        assertThat(manager.kind()).isEqualTo(ValueKind.RESOURCE);
        assertThat(manager.objectClasses()).extracting(Count::value).containsExactly(ACME + "Employee");
        assertThat(manager.examples()).isNotEmpty();
        assertThat(use(ENTERPRISE, ACME + "Employee", ACME + "name").maxPerSubject()).isEqualTo(1);
    }

    @Test
    void literalKindsAreLearnedFromValues() {
        PropertyUse salary = use(ENTERPRISE, ACME + "Employee", ACME + "annualSalary");
        assertThat(salary.kind()).isEqualTo(ValueKind.NUMBER);
        assertThat(salary.numbersAsStrings()).isTrue();
        assertThat(salary.numericShare()).isEqualTo(0.9); // one "n/a" of ten
        assertThat(use(ENTERPRISE, ACME + "Employee", ACME + "startDate").kind()).isEqualTo(ValueKind.DATE);
        assertThat(use(ENTERPRISE, ACME + "Employee", ACME + "isRemote").kind()).isEqualTo(ValueKind.BOOLEAN);
        assertThat(use(ENTERPRISE, ACME + "Employee", ACME + "employeeId").kind()).isEqualTo(ValueKind.IDENTIFIER);
        assertThat(use(ENTERPRISE, ACME + "Employee", ACME + "name").kind()).isEqualTo(ValueKind.NAME);
        PropertyUse country = use(ENTERPRISE, ACME + "Supplier", ACME + "country");
        assertThat(country.kind()).isEqualTo(ValueKind.CATEGORY);
        assertThat(country.categories()).containsExactly(new Count("Switzerland", 3), new Count("Norway", 2),
                new Count("Portugal", 1));
    }

    @Test
    void languageTaggedTextIsTextAndShortTaggedLabelsAreNames() {
        GraphProfile p = TestGraphs.profileOf("""
                @prefix ex: <https://example.org/t#> .
                ex:a a ex:Note ; ex:body "A long free text that describes something at length, more than names do."@en .
                ex:b a ex:Note ; ex:body "Another long free text that describes another thing, again at some length."@en .
                """, 1000);
        assertThat(use(p, "https://example.org/t#Note", "https://example.org/t#body").kind()).isEqualTo(ValueKind.TEXT);
        assertThat(use(p, "https://example.org/t#Note", "https://example.org/t#body").datatypes())
                .extracting(Count::value).containsExactly("@en");
    }

    @Test
    void valueNodesCollapseIntoAPathWithTheirUnit() {
        PropertyUse price = use(ENTERPRISE, ACME + "Product", ACME + "price");
        assertThat(price.kind()).isEqualTo(ValueKind.VALUE_NODE);
        assertThat(price.valueNode().valueProperty()).isEqualTo(ACME + "amount");
        assertThat(price.valueNode().unitProperty()).isEqualTo(ACME + "currency");
        assertThat(price.valueNode().units()).containsExactly("EUR");
        assertThat(price.unit()).isEqualTo("EUR");
        assertThat(ENTERPRISE.text()).contains("ex:price/ex:amount");
        // a linked, named thing with one number is not a value node
        GraphProfile owl = TestGraphs.profileOfFolder(TestGraphs.OWL_SMALL, Map.of("ex", FAUNA));
        assertThat(use(owl, FAUNA + "Mammal", FAUNA + "livesIn").kind()).isEqualTo(ValueKind.RESOURCE);
    }

    @Test
    void unitsComeFromDeclarationsLabelsAndLocalNames() {
        assertThat(use(ENTERPRISE, ACME + "Product", ACME + "weight_g").unit()).isEqualTo("g");
        assertThat(use(ENTERPRISE, ACME + "Product", ACME + "widthInMillimeters").unit()).isEqualTo("mm");
        GraphProfile owl = TestGraphs.profileOfFolder(TestGraphs.OWL_SMALL, Map.of("ex", FAUNA));
        assertThat(owl.property(FAUNA + "wingspan").orElseThrow().unit()).isEqualTo("cm"); // "wingspan (cm)"
        assertThat(owl.property(FAUNA + "weightKg").orElseThrow().unit()).isEqualTo("kg");
        assertThat(UnitNames.of("heightInMeters")).contains("m");
        assertThat(UnitNames.of("width (mm)")).contains("mm");
        assertThat(UnitNames.of("hasManager")).isEmpty();
        GraphProfile declared = TestGraphs.profileOf("""
                @prefix ex: <https://example.org/t#> .
                @prefix gg: <https://w3id.org/groundgate/ontology#> .
                ex:mass gg:unit "kg" .
                ex:a a ex:Thing ; ex:mass 3.5 .
                """, 1000);
        assertThat(declared.property("https://example.org/t#mass").orElseThrow().unitSource()).isEqualTo("declared");
    }

    @Test
    void observedDomainsWinOverDeclaredOnesWhichAreKept() {
        KnowledgeGraph kg = DemoGraph.start(TestGraphs.OWL_SMALL, 1000, Duration.ofSeconds(10));
        try {
            GraphProfile owl = kg.snapshot().profile();
            PropertyProfile weight = owl.property(FAUNA + "weightKg").orElseThrow();
            assertThat(weight.declaredDomains()).containsExactly(FAUNA + "Mammal");
            assertThat(weight.domains()).doesNotContain(FAUNA + "Mammal").contains(FAUNA + "Organism");
            // entailed counts: the animals are organisms too
            assertThat(owl.classProfile(FAUNA + "Animal").orElseThrow().instances()).isEqualTo(6);
            assertThat(owl.classProfile(FAUNA + "Mammal").orElseThrow().superClasses()).containsExactly(FAUNA + "Animal");
            assertThat(owl.text(FAUNA + "Bird")).contains("ex:wingspan 100% number unit cm");
        } finally {
            kg.stop();
        }
    }

    @Test
    void pathsConnectClassesBothWaysAndOnlyWhereInstancesMeet() {
        assertThat(ENTERPRISE.pathsBetween(ACME + "Product", ACME + "Supplier"))
                .anySatisfy(p -> assertThat(p.sparql(ENTERPRISE::compact)).isEqualTo("ex:suppliedBy"));
        assertThat(ENTERPRISE.pathsBetween(ACME + "Supplier", ACME + "Product"))
                .anySatisfy(p -> assertThat(p.sparql(ENTERPRISE::compact)).isEqualTo("^ex:suppliedBy"));
        List<ClassPath> twoHops = ENTERPRISE.pathsBetween(ACME + "Department", ACME + "Product");
        assertThat(twoHops).anySatisfy(p -> {
            assertThat(p.sparql(ENTERPRISE::compact)).isEqualTo("^ex:worksIn/^ex:productManager");
            assertThat(p.count()).isPositive();
        });
        // birds and mammals share no habitat: that two-hop path does not exist in the data
        GraphProfile owl = TestGraphs.profileOfFolder(TestGraphs.OWL_SMALL, Map.of("ex", FAUNA));
        assertThat(owl.pathsBetween(FAUNA + "Bird", FAUNA + "Mammal"))
                .noneSatisfy(p -> assertThat(p.sparql(owl::compact)).isEqualTo("ex:livesIn/^ex:livesIn"));
    }

    @Test
    void everythingHasNamesFoundIgnoringPunctuationAndByPartialName() {
        NameIndex names = ENTERPRISE.names();
        assertThat(names.find("St Moritz Tools AG", 5).hits().get(0).iri()).isEqualTo(ACME + "sup-01");
        assertThat(names.find("st. moritz tools ag", 5).hits().get(0).match()).isEqualTo(NameIndex.Match.EXACT);
        NameIndex.Lookup brant = names.find("Brant", 5);
        assertThat(brant.ambiguous()).isTrue();
        assertThat(brant.hits()).extracting(NameIndex.Hit::iri).contains(ACME + "emp-0001", ACME + "emp-0002");
        assertThat(brant.hits().get(0).classes()).contains(ACME + "Employee");
        // unlabelled IRIs by their local names: camelCase, snake_case, %20
        assertThat(names.find("research and development", 3).hits().get(0).iri())
                .isEqualTo(ACME + "ResearchAndDevelopment");
        assertThat(names.find("customer support", 3).hits().get(0).iri()).isEqualTo(ACME + "customer_support");
        assertThat(names.find("sales operations", 3).hits().get(0).iri()).isEqualTo(ACME + "Sales%20Operations");
        assertThat(names.find("manager", 3).hits()).extracting(NameIndex.Hit::iri).contains(ACME + "hasManager");
        // categorical values are names too
        NameIndex.Hit norway = names.find("norway", 3).hits().get(0);
        assertThat(norway.iri()).isNull();
        assertThat(norway.value()).isEqualTo("Norway");
        assertThat(norway.property()).isEqualTo(ACME + "country");
        assertThat(norway.classes()).containsExactly(ACME + "Supplier");
        assertThat(NameText.namesOfLocalName("hasManager")).containsExactly("has manager", "manager");
    }

    @Test
    void theDemoGraphIsProfiledWithinTheTextBudget() {
        GraphProfile demo = DemoGraph.shared().snapshot().profile();
        String gg = DemoGraph.GG;
        assertThat(demo.classProfile(gg + "Country").orElseThrow().instances())
                .isEqualTo(DemoGraph.values("SELECT ?v WHERE { ?v a gg:Country }").size());
        assertThat(use(demo, gg + "Country", gg + "population").kind()).isEqualTo(ValueKind.NUMBER);
        assertThat(demo.property(gg + "density").orElseThrow().unit())
                .isEqualTo(DemoGraph.value("SELECT ?v WHERE { gg:density gg:unit ?v }").getLiteralLexicalForm());
        assertThat(demo.text()).contains("PREFIX gg: <" + gg + ">").hasSizeLessThanOrEqualTo(GraphProfile.TEXT_BUDGET);
        assertThat(demo.names().find("Switzerland", 3).hits().get(0).classes()).contains(gg + "Country");
        assertThat(demo.stats().names()).isPositive();
    }

    @Test
    void aProfileIsPerVersionAndRenderedOnce() {
        GraphProfile demo = DemoGraph.shared().snapshot().profile();
        assertThat(demo.version()).isEqualTo(DemoGraph.shared().snapshot().version());
        assertThat(demo.text()).isSameAs(demo.text());
    }

}
