package io.groundgate.tools.kg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolResult;

class SparqlQueryToolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GG = "PREFIX gg: <" + DemoGraph.GG + ">\n";
    private final SparqlQueryTool tool = new SparqlQueryTool(DemoGraph.shared(), 10_000, 100_000);

    private ToolResult run(String query, Integer limit, ToolContext context) {
        ObjectNode args = JSON.createObjectNode().put("query", query);
        if (limit != null) {
            args.put("limit", limit);
        }
        return tool.execute(args, context);
    }

    private ToolResult run(String query) {
        return run(query, null, ToolContext.of("test"));
    }

    @Test
    void selectReturnsTypedRows() {
        ToolResult r = run(GG + "SELECT ?d WHERE { <" + DemoGraph.RES + "element/Au> gg:density ?d }");
        var expected = DemoGraph.value("SELECT ?v WHERE { <" + DemoGraph.RES + "element/Au> gg:density ?v }");
        assertThat(r.ok()).isTrue();
        assertThat(r.result().path("vars").toString()).isEqualTo("[\"d\"]");
        assertThat(r.result().at("/rows/0/d/type").asText()).isEqualTo("literal");
        assertThat(new BigDecimal(r.result().at("/rows/0/d/value").asText()))
                .isEqualByComparingTo(expected.getLiteralLexicalForm());
        assertThat(r.result().at("/rows/0/d/datatype").asText()).isEqualTo(expected.getLiteralDatatypeURI());
        assertThat(r.result().path("truncated").asBoolean()).isFalse();
        assertThat(r.provenance().query()).contains("gg:density");
        assertThat(r.provenance().graphVersion()).isEqualTo(DemoGraph.shared().snapshot().version());
    }

    @Test
    void provenanceHoldsTheFactsTheRowsRestOnAndTheirSources() {
        ToolResult r = run(GG + "SELECT ?e ?d WHERE { ?e gg:symbol \"Au\" ; gg:density ?d }");
        var density = DemoGraph.value("SELECT ?v WHERE { <" + DemoGraph.RES + "element/Au> gg:density ?v }");
        assertThat(r.provenance().facts()).anySatisfy(f -> {
            assertThat(f.subject()).isEqualTo(DemoGraph.RES + "element/Au");
            assertThat(f.predicate()).isEqualTo(DemoGraph.GG + "density");
            assertThat(f.object()).contains(density.getLiteralLexicalForm());
        });
        assertThat(r.provenance().sources()).containsAll(DemoGraph.values(
                "SELECT ?v WHERE { <https://w3id.org/groundgate/dataset/elements> <http://purl.org/dc/terms/source> ?v }")
                .stream().map(n -> n.getURI()).toList());
    }

    @Test
    void aPatternUnderMinusIsNotPassedOffAsAFact() {
        ToolResult r = run(GG + "SELECT ?c WHERE { ?c a gg:Country MINUS { ?c gg:landBorder <" + DemoGraph.RES
                + "country/DEU> } }", 5, ToolContext.of("test"));
        assertThat(r.result().path("rows")).hasSize(5);
        assertThat(r.provenance().facts()).isNotEmpty()
                .noneSatisfy(f -> assertThat(f.predicate()).isEqualTo(DemoGraph.GG + "landBorder"));
    }

    @Test
    void labelsComeBackWithTheirLanguageAndIrisAsUris() {
        ToolResult r = run(GG + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                + "SELECT ?c ?l WHERE { ?c gg:isoAlpha3 \"DEU\" ; rdfs:label ?l }");
        assertThat(r.result().at("/rows/0/c/type").asText()).isEqualTo("uri");
        assertThat(r.result().at("/rows/0/c/value").asText()).isEqualTo(DemoGraph.RES + "country/DEU");
        assertThat(r.result().at("/rows/0/l/lang").asText()).isEqualTo("en");
    }

    @Test
    void askReturnsABoolean() {
        ToolResult r = run(GG + "ASK { <" + DemoGraph.RES + "country/DEU> gg:landBorder <" + DemoGraph.RES
                + "country/FRA> }");
        boolean expected = !DemoGraph.values("SELECT ?v WHERE { BIND(1 AS ?v) <" + DemoGraph.RES
                + "country/DEU> gg:landBorder <" + DemoGraph.RES + "country/FRA> }").isEmpty();
        assertThat(r.result().path("boolean").asBoolean()).isEqualTo(expected).isTrue();
    }

    @Test
    void theLimitTruncatesAndSaysSo() {
        ToolResult r = run(GG + "SELECT ?c WHERE { ?c a gg:Country }", 3, ToolContext.of("test"));
        assertThat(r.result().path("rows")).hasSize(3);
        assertThat(r.result().path("truncated").asBoolean()).isTrue();
    }

    @Test
    void aLimitAboveTheServerCapIsRefused() {
        ToolResult r = run(GG + "SELECT ?c WHERE { ?c a gg:Country }", 10_001, ToolContext.of("test"));
        assertThat(r.error().code()).isEqualTo("invalid_arguments");
        assertThat(r.error().where()).isEqualTo("/limit");
        assertThat(tool.spec().parameters().at("/properties/limit/maximum").asInt()).isEqualTo(10_000);
    }

    @ParameterizedTest
    @ValueSource(strings = { "CONSTRUCT WHERE { ?s ?p ?o }", "DESCRIBE <https://w3id.org/groundgate/resource/element/Au>",
            "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "DROP ALL", "DELETE WHERE { ?s ?p ?o }",
            "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
            "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }" })
    void everythingButSelectAndAskIsRefused(String query) {
        ToolResult r = run(query);
        assertThat(r.ok()).isFalse();
        assertThat(r.error().code()).isEqualTo("refused");
    }

    @Test
    void aSyntaxErrorSaysWhereSoTheModelCanRepairIt() {
        String broken = GG + "SELECT ?x WHERE {\n  ?x gg:density ?d .\n  FILTER(?d > ) }";
        QueryParseException jena = null;
        try {
            QueryFactory.create(broken);
        } catch (QueryParseException e) {
            jena = e;
        }
        assertThat(jena).isNotNull();
        ToolResult r = run(broken);
        assertThat(r.error().code()).isEqualTo("parse_error");
        assertThat(r.error().where()).isEqualTo("line " + jena.getLine() + ", column " + jena.getColumn());
        assertThat(jena.getLine()).isEqualTo(4);
        assertThat(r.error().message()).contains("line 4");
    }

    @Test
    void anUnknownUndeclaredPrefixIsAParseErrorAtTheLineAsWritten() {
        ToolResult r = run("SELECT ?x WHERE { ?x zz:density ?d }");
        assertThat(r.error().code()).isEqualTo("parse_error");
        assertThat(r.error().where()).startsWith("line 1, column");
        ToolResult shifted = run("SELECT ?x WHERE {\n ?x gg:density ?d ;\n zz:x ?y }");
        assertThat(shifted.error().where()).startsWith("line 3, column");
    }

    @Test
    void aKnownUndeclaredPrefixIsAdded() {
        ToolResult r = run("SELECT ?d WHERE { <" + DemoGraph.RES + "element/Au> gg:density ?d }");
        assertThat(r.ok()).isTrue();
        assertThat(r.result().path("rows")).hasSize(1);
        assertThat(r.result().path("notes").toString()).contains("gg:");
        assertThat(r.provenance().query()).startsWith("PREFIX gg: <" + DemoGraph.GG + ">");
    }

    @Test
    void aQueryOverItsTimeBudgetTimesOut() {
        ToolResult r = run("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", null,
                new ToolContext("test", Duration.ofMillis(200)));
        assertThat(r.ok()).isFalse();
        assertThat(r.error().code()).isEqualTo("timeout");
    }

    @Test
    void anEmptyQueryIsAnInvalidArgument() {
        ToolResult r = tool.execute(JSON.createObjectNode().put("query", " "), ToolContext.of("test"));
        assertThat(r.error().code()).isEqualTo("invalid_arguments");
    }
}
