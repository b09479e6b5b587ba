package io.groundgate.kg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The demo data in {@code ontologies/} loads, conforms to its shapes, and yields a useful schema and label index. */
class DemoOntologiesTest {

    static final String GG = "https://w3id.org/groundgate/ontology#";

    @Test
    void demoDataLoadsAndValidates() {
        Path folder = Path.of("ontologies");
        Assumptions.assumeTrue(Files.isDirectory(folder), "no ontologies/ folder in this checkout");
        long start = System.nanoTime();
        KnowledgeGraph kg = TestConfig.started(TestConfig.memory(folder));
        long ms = (System.nanoTime() - start) / 1_000_000;
        try {
            assertThat(kg.lastReload().problems()).isEmpty();
            assertThat(kg.ready()).isTrue();
            GraphSnapshot s = kg.snapshot();
            System.out.printf("demo ontologies: %d graphs, %d triples, loaded in %d ms, schema text %d chars%n%s%n",
                    s.graphs().size(), s.graphs().stream().mapToLong(GraphInfo::triples).sum(), ms,
                    s.schema().text().length(), s.schema().text());
            assertThat(s.graphs()).extracting(GraphInfo::file).contains("elements.ttl", "countries.ttl",
                    "materials.ttl", "groundgate.ttl");
            assertThat(s.graphs()).filteredOn(g -> g.file().equals("elements.ttl")).singleElement()
                    .satisfies(g -> assertThat(g.sources()).isNotEmpty());
            assertThat(s.schema().text()).contains("PREFIX gg: <" + GG + ">").hasSizeLessThan(8_000);
            assertThat(s.schema().property(GG + "density")).hasValueSatisfying(p -> {
                assertThat(p.unit()).isEqualTo("g/cm^3");
                assertThat(p.kind()).isEqualTo(SchemaSummary.PropertyKind.DATATYPE);
                assertThat(p.domains()).contains(GG + "ChemicalElement");
            });
            assertThat(s.labels().find("iron", 3)).first().satisfies(h -> assertThat(h.iri()).endsWith("element/Fe"));
            assertThat(s.labels().find("Germny", 3)).extracting(LabelHit::iri).contains(
                    "https://w3id.org/groundgate/resource/country/DEU");
        } finally {
            kg.stop();
        }
    }
}
