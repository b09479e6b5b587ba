package io.groundgate.grounding.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.groundgate.grounding.ProvenanceRecorder;
import io.groundgate.grounding.local.compose.Numbers;
import io.groundgate.grounding.local.plan.Answer;
import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.kg.ReloadReport;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * An unrelated, fictional domain the planner's code never mentions: a fleet of spacecraft. Everything it answers comes
 * from the fixture's labels, units and structure; a property added to the folder becomes answerable after a reload.
 */
@QuarkusTest
@TestProfile(FleetProfile.class)
class SecondDomainTest {

    static final String FL = "https://example.org/fiction/fleet#";
    static final String SHIP = "https://example.org/fiction/ship/";

    @Inject
    LocalPlanner planner;

    @Inject
    KnowledgeGraph kg;

    Answer ask(String question) {
        return planner.answer(question, new ProvenanceRecorder());
    }

    GraphExpectations graph() {
        return new GraphExpectations(kg.snapshot());
    }

    @Test
    void looksUpComparesRanksCountsAndListsInANewDomain() {
        GraphExpectations g = graph();
        String length = Numbers.format(g.number(SHIP + "Halcyon", FL + "hullLength"));
        Answer lookup = ask("What is the hull length of Halcyon Drift?");
        assertThat(lookup.text()).contains(length + " " + Numbers.unit(g.unit(FL + "hullLength")))
                .endsWith("[Source: example.org]"); // the dataset as a footnote, its full address in the grounding
        assertThat(lookup.sources()).contains("https://example.org/fiction/fleet-registry");

        String crew = g.number(SHIP + "Kestrel", FL + "crewCapacity").toPlainString();
        assertThat(ask("What is the crew size of the Kestrel Mk II?").text()).contains(crew); // an altLabel

        String heaviest = g.one("SELECT ?s WHERE { ?s <" + FL + "dryMass> ?m } ORDER BY DESC(?m) LIMIT 1", "s").getURI();
        assertThat(ask("Which spacecraft has the highest dry mass?").text()).contains(g.label(heaviest));

        BigDecimal a = g.number(SHIP + "Ilex", FL + "hullLength");
        BigDecimal b = g.number(SHIP + "Lantern", FL + "hullLength");
        String longer = a.compareTo(b) > 0 ? g.label(SHIP + "Ilex") : g.label(SHIP + "Lantern");
        assertThat(ask("Which has the greater hull length, Ilex Pioneer or Morrow Lantern?").text())
                .startsWith(longer + " has the higher hull length");

        long built = g.count("SELECT (COUNT(?s) AS ?n) WHERE { ?s <" + FL + "builtAt> <" + SHIP + "Vantor> }");
        assertThat(ask("How many starships were built at Vantor Shipworks?").text()).startsWith(built + " spacecraft");
        List<String> names = g.strings("SELECT ?l WHERE { ?s <" + FL + "builtAt> <" + SHIP
                + "Vantor> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }", "l");
        String list = ask("Which vessels were built at Vantor Shipworks?").text();
        assertThat(names).isNotEmpty().allSatisfy(n -> assertThat(list).contains(n));
    }

    @Test
    void derivesAMassFromAVolumeWithTheFixturesUnits() {
        BigDecimal density = graph().number(SHIP + "Zorvium", FL + "platingDensity"); // kg/m^3
        String mass = Numbers.format(density.multiply(BigDecimal.valueOf(2)));
        assertThat(ask("What is the mass of 2 cubic metres of zorvium?").text()).contains(mass + " kg");
    }

    @Test
    void abstainsOnWhatTheFixtureDoesNotHold() {
        Answer a = ask("What is the warp speed of Halcyon Drift?");
        assertThat(a.text()).startsWith("I could not find");
        assertThat(a.unresolved()).isNotEmpty();
    }

    @Test
    void aPropertyAddedToTheFolderBecomesAnswerable() throws Exception {
        String question = "What is the maximum thrust of Halcyon Drift?";
        assertThat(ask(question).unresolved()).isNotEmpty();

        Files.copy(Path.of("src/test/resources/planner/thrust.ttl"), FleetProfile.folder.resolve("thrust.ttl"));
        try {
            ReloadReport report = kg.reload();
            assertThat(report.success()).as(report.problemSummary()).isTrue();
            assertThat(report.changed()).as(report.toString()).isTrue();
            BigDecimal thrust = graph().number(SHIP + "Halcyon", FL + "maxThrust");
            Answer a = ask(question);
            assertThat(a.unresolved()).isEmpty();
            assertThat(a.text()).contains(Numbers.format(thrust) + " " + Numbers.unit(graph().unit(FL + "maxThrust")));
            String strongest = graph().one("SELECT ?s WHERE { ?s <" + FL + "maxThrust> ?t } ORDER BY DESC(?t) LIMIT 1", "s")
                    .getURI();
            assertThat(ask("Which spacecraft has the most thrust?").text()).contains(graph().label(strongest));
        } finally {
            Files.deleteIfExists(FleetProfile.folder.resolve("thrust.ttl"));
            kg.reload(true); // a deleted file waits for confirmation (groundgate.kg.max-shrink)
        }
    }
}
