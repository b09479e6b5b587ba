package io.groundgate.kg.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.kg.LabelHit;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RemoteFusekiTest.Profile.class)
class RemoteFusekiTest {

    static final String EX = "https://example.org/widgets#";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FusekiResource.class));
        }
    }

    @Inject
    KnowledgeGraph kg;

    @Test
    void validatedFilesArePushedToFusekiOneNamedGraphEach() {
        Txn.executeRead(FusekiResource.dataset, () -> {
            assertThat(FusekiResource.dataset.containsGraph(NodeFactory.createURI("urn:groundgate:graph:widgets.ttl")))
                    .isTrue();
            assertThat(FusekiResource.dataset.getGraph(NodeFactory.createURI("urn:groundgate:graph:places.rdf")).size())
                    .isEqualTo(2);
            assertThat(FusekiResource.dataset.getDefaultGraph().contains(NodeFactory.createURI(EX + "sprocket"),
                    NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                    NodeFactory.createURI(EX + "Widget"))).isTrue();
        });
    }

    @Test
    void sparqlEndpointAnswersFromFusekiWithTheSameGuards() {
        given().accept("application/sparql-results+json")
                .queryParam("query", "ASK { <" + EX + "sprocket> <" + EX + "partOf> <" + EX + "frame> }")
                .get("/sparql").then().statusCode(200).body("boolean", equalTo(true));
        given().queryParam("query", "SELECT * WHERE { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } }").get("/sparql")
                .then().statusCode(400).body("error.code", equalTo("sparql_refused"));
    }

    @Test
    void labelIndexSchemaAndDescribeAreBuiltFromTheRemoteData() {
        assertThat(kg.ready()).isTrue();
        assertThat(kg.snapshot().labels().exact("zurich")).extracting(LabelHit::iri).containsExactly(EX + "zurich");
        assertThat(kg.snapshot().schema().property(EX + "mass")).hasValueSatisfying(p -> assertThat(p.unit())
                .isEqualTo("kg"));
        assertThat(kg.snapshot().describe(EX + "frame", 20).label()).isEqualTo("Frame Beta");
    }

    @Test
    void adminEditsArePushedToFuseki() {
        given().header("Authorization", "Bearer " + KgFixtureResource.ADMIN_KEY).contentType("text/turtle")
                .body(("<" + EX + "pin> a <" + EX + "Widget> ; <http://www.w3.org/2000/01/rdf-schema#label> \"Pin Iota\" .")
                        .getBytes(StandardCharsets.UTF_8))
                .queryParam("graph", "remote-pin.ttl").put("/admin/graphs").then().statusCode(201);
        Txn.executeRead(FusekiResource.dataset, () -> assertThat(FusekiResource.dataset
                .getGraph(NodeFactory.createURI("urn:groundgate:graph:remote-pin.ttl")).size()).isEqualTo(2));
        assertThat(kg.snapshot().labels().exact("pin iota")).hasSize(1);
    }
}
