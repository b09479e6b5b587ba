package io.groundgate.grounding.local.reading;

import static io.groundgate.grounding.local.reading.Graphs.ENTERPRISE;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.groundgate.grounding.ProvenanceRecorder;
import io.groundgate.grounding.local.plan.Arithmetic;
import io.groundgate.grounding.local.plan.GraphFacts;
import io.groundgate.grounding.local.reading.Linked.Candidate;
import io.groundgate.grounding.local.reading.Reading.Attribute;
import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.profile.ClassPath.Step;

/** Readings run as bound SPARQL on the real enterprise graph; expected values read from the file by Jena directly. */
class ReadingExecutorTest {

    static final String ACME = "https://example.org/acme#";
    static final String PREFIX = "PREFIX ex: <" + ACME + "> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> ";
    final GraphSnapshot snapshot = Graphs.snapshot(ENTERPRISE);
    final ProvenanceRecorder recorder = new ProvenanceRecorder();
    final ReadingExecutor executor = new ReadingExecutor(snapshot, recorder, new GraphFacts(snapshot, recorder),
            new Arithmetic(Graphs.CALCULATOR, recorder, snapshot.version()));

    static Candidate entity(String local) {
        return new Candidate(ACME + local, local, List.of());
    }

    @Test
    void numbersStoredAsStringsCompareAsNumbers() {
        Attribute salary = new Attribute(List.of(new Step(ACME + "annualSalary", false)), "annual salary", null, true);
        Finding f = executor.run(new Reading.Members(ACME + "Employee", "Employee", List.of(new Reading.Compares(salary,
                Reading.Comparison.GT, new BigDecimal("80000"), null, false)), true));
        List<String> expected = Graphs.expected(ENTERPRISE, PREFIX
                + "SELECT ?v { ?v a ex:Employee ; ex:annualSalary ?s FILTER(xsd:decimal(?s) > 80000) }");
        assertThat(f.number()).isEqualByComparingTo(BigDecimal.valueOf(expected.size()));
        assertThat(f.rows()).hasSize(expected.size());
    }

    @Test
    void pathsAreFollowedBothWaysAndNegationExcludes() {
        // suppliers of no product managed by emp-0003: inverse suppliedBy, then productManager
        Reading.LinksTo viaProducts = new Reading.LinksTo(List.of(new Step(ACME + "suppliedBy", true),
                new Step(ACME + "productManager", false)), entity("emp-0003"), true);
        Finding f = executor.run(new Reading.Members(ACME + "Supplier", "Supplier", List.of(viaProducts), false));
        List<String> expected = Graphs.expected(ENTERPRISE, PREFIX + "SELECT ?v { ?v a ex:Supplier "
                + "FILTER NOT EXISTS { ?p ex:suppliedBy ?v ; ex:productManager ex:emp-0003 } }");
        assertThat(f.rows()).extracting(Finding.Row::iri).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyConstantIsBoundNotWritten() {
        executor.run(new Reading.Ask(entity("emp-0002"), new Reading.LinksTo(List.of(new Step(ACME + "worksIn", false)),
                entity("Logistics"), false)));
        assertThat(recorder.steps()).singleElement().satisfies(s -> {
            assertThat(s.arguments().path("query").asText()).doesNotContain("example.org").doesNotContain("Logistics");
            assertThat(s.query()).contains(ACME + "Logistics"); // shown with its constants, so it can be re-run
            assertThat(s.arguments().path("bindings").toString()).contains(ACME + "worksIn", ACME + "Logistics",
                    ACME + "emp-0002");
            assertThat(s.result().path("row_count").asInt()).isEqualTo(1);
        });
    }

    @Test
    void aggregatesGoThroughTheCalculator() {
        Attribute amount = new Attribute(List.of(new Step(ACME + "price", false), new Step(ACME + "amount", false)), "price",
                "EUR", true);
        Finding f = executor.run(new Reading.Aggregate(ACME + "Product", "Product", List.of(), amount,
                Reading.Function.SUM));
        BigDecimal expected = Graphs.expected(ENTERPRISE, PREFIX + "SELECT ?v { ?p a ex:Product ; ex:price/ex:amount ?v }")
                .stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(f.number()).isEqualByComparingTo(expected);
        assertThat(recorder.steps()).anySatisfy(s -> assertThat(s.tool()).isEqualTo("calculator"));
    }

    @Test
    void aDifferenceIsHowFarApartWhicheverIsHigher() {
        Attribute salary = new Attribute(List.of(new Step(ACME + "annualSalary", false)), "annual salary", null, true);
        Finding f = executor.run(new Reading.Compare(entity("emp-0002"), entity("emp-0001"), salary, null, false,
                Reading.Compare.DIFFERENCE, null));
        BigDecimal a = new BigDecimal(Graphs.expected(ENTERPRISE, PREFIX + "SELECT ?v { ex:emp-0002 ex:annualSalary ?v }")
                .get(0));
        BigDecimal b = new BigDecimal(Graphs.expected(ENTERPRISE, PREFIX + "SELECT ?v { ex:emp-0001 ex:annualSalary ?v }")
                .get(0));
        assertThat(f.number()).isEqualByComparingTo(a.subtract(b).abs());
        assertThat(recorder.steps()).anySatisfy(s -> {
            assertThat(s.tool()).isEqualTo("calculator");
            assertThat(s.facts()).hasSize(2); // both values it used, each with its subject
        });
    }

    @Test
    void arithmeticWrittenOutIsOneCalculatorStep() {
        Finding f = executor.run(new Reading.Expression("(50 - 40) / 40 * 100", "%"));
        assertThat(f.number()).isEqualByComparingTo("25");
        assertThat(f.reading()).isEqualTo(new Reading.Expression("(50 - 40) / 40 * 100", "%"));
        assertThat(executor.run(new Reading.Expression("5 km to m", null)).reading())
                .isEqualTo(new Reading.Expression("5 km to m", "m")); // the calculator's unit of the result
        assertThat(recorder.steps()).hasSize(2).allSatisfy(s -> assertThat(s.tool()).isEqualTo("calculator"));
    }
}
