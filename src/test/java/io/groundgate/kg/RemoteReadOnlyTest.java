package io.groundgate.kg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A remote endpoint without a Graph Store URL is served as it is: its own data, no local files, no edits. */
class RemoteReadOnlyTest {

    static final String EX = "https://example.org/widgets#";

    @TempDir
    Path dir;

    @Test
    void servesTheEndpointsOwnData() {
        Path data = TestConfig.copyFixture("basic", dir);
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        RDFParser.source(data.resolve("widgets.ttl")).parse(dataset.getDefaultGraph());
        RDFParser.source(data.resolve("ontology.ttl")).parse(dataset.getDefaultGraph());
        FusekiServer server = FusekiServer.create().loopback(true).port(0).add("/ds", dataset).build().start();
        KnowledgeGraph kg = null;
        try {
            String url = "http://127.0.0.1:" + server.getPort() + "/ds/query";
            kg = TestConfig.started(TestConfig.memory(dir.resolve("nowhere")).remote(url, null));
            assertThat(kg.ready()).isTrue();
            assertThat(kg.snapshot().labels().exact("Sprocket Alpha")).extracting(LabelHit::iri)
                    .containsExactly(EX + "sprocket");
            assertThat(kg.snapshot().schema().classInfo(EX + "Widget")).isPresent();
            assertThat(kg.snapshot().query(SparqlGuard.parse("SELECT ?m WHERE { <" + EX + "frame> <" + EX
                    + "mass> ?m }")).rows()).hasSize(1);
            GraphEditor editor = new GraphEditor(kg);
            assertThatThrownBy(() -> editor.edit("x.ttl", GraphEditor.Mode.DELETE, null, null))
                    .isInstanceOfSatisfying(GraphEditor.EditException.class,
                            e -> assertThat(e.reason()).isEqualTo(GraphEditor.EditException.Reason.READ_ONLY));
        } finally {
            if (kg != null) {
                kg.stop();
            }
            server.stop();
        }
    }
}
