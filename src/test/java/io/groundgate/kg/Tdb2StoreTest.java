package io.groundgate.kg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Tdb2StoreTest {

    static final String EX = "https://example.org/widgets#";

    @TempDir
    Path dir;

    private static boolean ask(KnowledgeGraph kg, String query) {
        return kg.snapshot().query(SparqlGuard.parse(query)).ask();
    }

    @Test
    void servesNamedGraphsUnionAndEntailmentsFromDiskAndAppliesChanges() throws Exception {
        Path data = TestConfig.copyFixture("basic", Files.createDirectories(dir.resolve("data")));
        TestConfig config = TestConfig.memory(data).tdb2(dir.resolve("tdb2"));
        KnowledgeGraph kg = TestConfig.started(config);
        String version = kg.snapshot().version();
        assertThat(kg.ready()).isTrue();
        assertThat(ask(kg, "ASK { <" + EX + "sprocket> a <" + EX + "Widget> }")).isTrue();
        assertThat(ask(kg, "ASK { GRAPH <urn:groundgate:graph:places.rdf> { <" + EX + "zurich> ?p ?o } }")).isTrue();
        assertThat(kg.snapshot().labels().exact("Zurich")).hasSize(1);
        assertThat(kg.snapshot().describe(EX + "frame", 20).outgoing()).isNotEmpty();

        Files.delete(data.resolve("places.rdf"));
        Files.writeString(data.resolve("more.nt"),
                "<" + EX + "cog> <http://www.w3.org/2000/01/rdf-schema#label> \"Cog Renamed\"@en .\n");
        assertThat(kg.reload().held()).as("a deleted file waits for confirmation").isTrue();
        assertThat(kg.reload(true).success()).isTrue();
        assertThat(ask(kg, "ASK { ?s <http://www.w3.org/2000/01/rdf-schema#label> \"Cog Gamma\"@en }")).isFalse();
        assertThat(ask(kg, "ASK { ?s <http://www.w3.org/2000/01/rdf-schema#label> \"Cog Renamed\"@en }")).isTrue();
        assertThat(ask(kg, "ASK { GRAPH <urn:groundgate:graph:places.rdf> { ?s ?p ?o } }")).isFalse();
        String changed = kg.snapshot().version();
        assertThat(changed).isNotEqualTo(version);
        kg.stop();

        KnowledgeGraph restarted = TestConfig.started(config);
        assertThat(restarted.snapshot().version()).isEqualTo(changed);
        assertThat(restarted.snapshot().graphs()).extracting(GraphInfo::file).doesNotContain("places.rdf")
                .contains("more.nt");
        assertThat(ask(restarted, "ASK { ?s <http://www.w3.org/2000/01/rdf-schema#label> \"Cog Renamed\"@en }"))
                .isTrue();
        restarted.stop();
    }
}
