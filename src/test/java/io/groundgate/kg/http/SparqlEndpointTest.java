package io.groundgate.kg.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(KgFixtureProfile.class)
class SparqlEndpointTest {

    static final String EX = "https://example.org/widgets#";
    static final String LABELS = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            + "SELECT ?s ?l WHERE { ?s a <" + EX + "Gadget> ; rdfs:label ?l } ORDER BY ?s";

    @TestHTTPResource("/sparql")
    URL sparql;

    private List<String> labels(QueryExecution exec) {
        List<String> out = new ArrayList<>();
        ResultSet rs = exec.execSelect();
        while (rs.hasNext()) {
            QuerySolution row = rs.next();
            out.add(row.get("l").asLiteral().getLexicalForm());
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/sparql-results+json", "application/sparql-results+xml", "text/csv",
            "text/tab-separated-values" })
    void selectAnswersInEveryResultsFormatThroughJenasClient(String mediaType) {
        for (QuerySendMode mode : List.of(QuerySendMode.asGetAlways, QuerySendMode.asPostForm, QuerySendMode.asPost)) {
            try (QueryExecution exec = QueryExecutionHTTP.service(sparql.toString()).query(LABELS).acceptHeader(mediaType)
                    .sendMode(mode).build()) {
                assertThat(labels(exec)).as(mode + " " + mediaType).containsExactly("Cog Gamma", "Sprocket Alpha");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "application/sparql-results+json", "application/sparql-results+xml", "text/csv" })
    void askAnswersInEveryResultsFormat(String mediaType) {
        try (QueryExecution exec = QueryExecutionHTTP.service(sparql.toString())
                .query("ASK { <" + EX + "sprocket> a <" + EX + "Widget> }").acceptHeader(mediaType).build()) {
            assertThat(exec.execAsk()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml" })
    void constructAndDescribeAnswerInEveryRdfFormat(String mediaType) {
        try (QueryExecution exec = QueryExecutionHTTP.service(sparql.toString())
                .query("CONSTRUCT { ?s <" + EX + "mass> ?m } WHERE { ?s <" + EX + "mass> ?m }").acceptHeader(mediaType)
                .build()) {
            Graph g = exec.execConstruct().getGraph();
            assertThat(g.size()).isEqualTo(2);
        }
        try (QueryExecution exec = QueryExecutionHTTP.service(sparql.toString()).query("DESCRIBE <" + EX + "frame>")
                .acceptHeader(mediaType).build()) {
            assertThat(exec.execDescribe().getGraph().size()).isPositive();
        }
    }

    @Test
    void askAsTabSeparatedValues() {
        // Jena's TSV reader cannot read booleans (not even its own), so this one is checked as text.
        given().accept("text/tab-separated-values").queryParam("query", "ASK { ?s <" + EX + "partOf> ?o }")
                .get("/sparql").then().statusCode(200).contentType(containsString("text/tab-separated-values"))
                .body(equalTo("?_askResult\ntrue\n"));
    }

    @Test
    void rdfConnectionQueriesTheEndpoint() {
        try (RDFConnection conn = RDFConnection.connect(sparql.toString())) {
            List<String> found = new ArrayList<>();
            conn.querySelect(LABELS, row -> found.add(row.getLiteral("l").getLexicalForm()));
            assertThat(found).containsExactly("Cog Gamma", "Sprocket Alpha");
            assertThat(conn.queryAsk("ASK { ?s <" + EX + "partOf> ?o }")).isTrue();
        }
    }

    @Test
    void updatesAreRefusedInEveryShape() {
        String update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }";
        given().contentType("application/sparql-update").body(update.getBytes(StandardCharsets.UTF_8)).post("/sparql").then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error")).body("error.message", containsString("read-only"));
        given().formParam("update", update).post("/sparql").then().statusCode(400)
                .body("error.message", containsString("read-only"));
        given().contentType("application/sparql-query").body(update.getBytes(StandardCharsets.UTF_8)).post("/sparql").then().statusCode(400)
                .body("error.code", equalTo("sparql_refused")).body("error.message", containsString("read-only"));
        given().queryParam("query", "DROP ALL").get("/sparql").then().statusCode(400)
                .body("error.message", containsString("read-only"));
        try (RDFConnection conn = RDFConnection.connect(sparql.toString())) {
            assertThatThrownBy(() -> conn.update(update)).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void serviceIsRefusedEvenWhenNested() {
        given().queryParam("query", "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")
                .get("/sparql").then().statusCode(400).body("error.code", equalTo("sparql_refused"))
                .body("error.message", containsString("SERVICE"));
        given().queryParam("query", "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { { SELECT ?s WHERE { SERVICE "
                + "<http://127.0.0.1:1/sparql> { ?s ?p ?o } } } } }").get("/sparql").then().statusCode(400)
                .body("error.code", equalTo("sparql_refused"));
        assertThatThrownBy(() -> {
            try (QueryExecution exec = QueryExecutionHTTP.service(sparql.toString())
                    .query("ASK { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }").build()) {
                exec.execAsk();
            }
        }).isInstanceOfSatisfying(QueryExceptionHTTP.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    @Test
    void syntaxErrorsSayLineAndColumn() {
        given().queryParam("query", "SELECT ?s\nWHERE { ?s ?p }").get("/sparql").then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error")).body("error.param", equalTo("query"))
                .body("error.code", equalTo("sparql_syntax_error"))
                .body("error.message", matchesPattern("(?s).*line 2, column 1[0-9].*"));
    }

    @Test
    void anExpensiveQueryTimesOutWithAnOpenAiError() {
        given().queryParam("query", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }")
                .get("/sparql").then().statusCode(504).body("error.type", equalTo("timeout_error"))
                .body("error.code", equalTo("sparql_timeout")).body("error.message", containsString("1 s"));
    }

    @Test
    void missingQueryAndUnsupportedParametersAreClientErrors() {
        given().get("/sparql").then().statusCode(400).body("error.param", equalTo("query"));
        given().queryParam("query", "ASK {}").queryParam("default-graph-uri", "urn:x").get("/sparql").then()
                .statusCode(400).body("error.param", equalTo("default-graph-uri"));
        given().accept("image/png").queryParam("query", "ASK {}").get("/sparql").then().statusCode(406)
                .body("error.code", equalTo("not_acceptable"));
        given().contentType("text/plain").body("ASK {}".getBytes(StandardCharsets.UTF_8)).post("/sparql").then().statusCode(415)
                .body("error.type", equalTo("invalid_request_error"));
    }

    @Test
    void answersSayTheGraphVersionAndWhetherTheyWereTruncated() {
        given().queryParam("query", "SELECT * WHERE { ?s ?p ?o } LIMIT 3").get("/sparql").then().statusCode(200)
                .header("X-GroundGate-Truncated", "false")
                .header("X-GroundGate-Graph-Version", matchesPattern("[0-9a-f]{16}"))
                .contentType(containsString("application/sparql-results+json"));
    }
}
