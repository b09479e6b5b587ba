package io.groundgate.tools.kg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolResult;

class KgDescribeToolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOLD = DemoGraph.RES + "element/Au";
    private static final String GERMANY = DemoGraph.RES + "country/DEU";
    private final KgDescribeTool tool = new KgDescribeTool(DemoGraph.shared());

    private ToolResult describe(String args) throws Exception {
        return tool.execute((ObjectNode) JSON.readTree(args), ToolContext.of("test"));
    }

    private static JsonNode outgoing(ToolResult r, String property) {
        for (JsonNode f : r.result().path("outgoing")) {
            if (f.path("property").asText().equals(DemoGraph.GG + property)) {
                return f;
            }
        }
        throw new AssertionError("no " + property + " in " + r.result());
    }

    @Test
    void describesAnEntityWithValuesUnitsAndLabels() throws Exception {
        ToolResult r = describe("{\"iri\":\"" + GOLD + "\"}");
        assertThat(r.ok()).isTrue();
        Node density = DemoGraph.value("SELECT ?v WHERE { <" + GOLD + "> gg:density ?v }");
        String unit = DemoGraph.value("SELECT ?v WHERE { gg:density gg:unit ?v }").getLiteralLexicalForm();
        JsonNode fact = outgoing(r, "density");
        assertThat(new BigDecimal(fact.at("/value/value").asText()))
                .isEqualByComparingTo(new BigDecimal(density.getLiteralLexicalForm()));
        assertThat(fact.at("/value/datatype").asText()).isEqualTo(density.getLiteralDatatypeURI());
        assertThat(fact.path("unit").asText()).isEqualTo(unit);
        assertThat(fact.path("property_label").asText()).isEqualTo("density");
        assertThat(r.result().path("label").asText()).isEqualTo("Gold");
        JsonNode category = outgoing(r, "category");
        assertThat(category.path("value_label").asText()).isEqualTo(DemoGraph.value(
                "SELECT ?v WHERE { <" + GOLD + "> gg:category/rdfs:label ?v }").getLiteralLexicalForm());
        assertThat(r.result().path("truncated").asBoolean()).isFalse();
    }

    @Test
    void provenanceListsTheFactsAndTheDatasetSources() throws Exception {
        ToolResult r = describe("{\"iri\":\"" + GOLD + "\"}");
        Node density = DemoGraph.value("SELECT ?v WHERE { <" + GOLD + "> gg:density ?v }");
        assertThat(r.provenance().facts()).anySatisfy(f -> {
            assertThat(f.subject()).isEqualTo(GOLD);
            assertThat(f.predicate()).isEqualTo(DemoGraph.GG + "density");
            assertThat(f.object()).contains(density.getLiteralLexicalForm());
        });
        assertThat(r.provenance().sources()).containsAll(DemoGraph.values(
                "SELECT ?v WHERE { <https://w3id.org/groundgate/dataset/elements> <http://purl.org/dc/terms/source> ?v }")
                .stream().map(Node::getURI).toList());
        assertThat(r.provenance().tool()).isEqualTo("kg_describe");
        assertThat(r.provenance().query()).contains(GOLD);
        assertThat(r.provenance().durationMs()).isPositive();
    }

    @Test
    void aMaterialCitesItsOwnDataSheet() throws Exception {
        String steel = DemoGraph.value("SELECT ?v WHERE { ?v rdfs:label \"Stainless steel 304\"@en }").getURI();
        ToolResult r = describe("{\"iri\":\"" + steel + "\"}");
        assertThat(r.provenance().sources()).contains(DemoGraph.value(
                "SELECT ?v WHERE { <" + steel + "> <http://purl.org/dc/terms/source> ?v }").getURI());
    }

    @Test
    void incomingFactsAreListedToo() throws Exception {
        ToolResult r = describe("{\"iri\":\"" + GERMANY + "\",\"limit\":200}");
        var neighbours = DemoGraph.values("SELECT ?v WHERE { ?v gg:landBorder <" + GERMANY + "> }");
        assertThat(r.result().path("incoming").findValues("subject").stream().map(s -> s.path("value").asText()))
                .containsAll(neighbours.stream().map(Node::getURI).toList());
    }

    @Test
    void anExactLabelOrAPrefixedNameWorksAsTheIri() throws Exception {
        assertThat(describe("{\"iri\":\"gold\"}").result().path("iri").asText()).isEqualTo(GOLD);
        assertThat(describe("{\"iri\":\"element:Au\"}").result().path("iri").asText()).isEqualTo(GOLD);
        assertThat(describe("{\"iri\":\"<" + GOLD + ">\"}").result().path("iri").asText()).isEqualTo(GOLD);
    }

    @Test
    void theLimitCapsEachDirectionAndSaysSo() throws Exception {
        ToolResult r = describe("{\"iri\":\"" + GERMANY + "\",\"limit\":3}");
        assertThat(r.result().path("outgoing")).hasSize(3);
        assertThat(r.result().path("incoming").size()).isLessThanOrEqualTo(3);
        assertThat(r.result().path("truncated").asBoolean()).isTrue();
    }

    @Test
    void anUnknownIriIsNotFoundWithAHintToSearch() throws Exception {
        ToolResult r = describe("{\"iri\":\"" + DemoGraph.RES + "element/Unobtainium\"}");
        assertThat(r.ok()).isFalse();
        assertThat(r.error().code()).isEqualTo("not_found");
        assertThat(r.error().message()).contains("kg_search");
        assertThat(describe("{\"iri\":\"unobtainium\"}").error().code()).isEqualTo("not_found");
    }

    @Test
    void sparqlSmuggledInAsAnIriIsJustAnUnknownName() throws Exception {
        ToolResult r = describe("{\"iri\":" + JSON.writeValueAsString("<x> } UNION { ?s ?p ?o") + "}");
        assertThat(r.ok()).isFalse();
        assertThat(r.error().code()).isEqualTo("not_found");
    }

    @Test
    void aHugeLimitIsRefused() throws Exception {
        ToolResult r = describe("{\"iri\":\"" + GOLD + "\",\"limit\":100000}");
        assertThat(r.error().code()).isEqualTo("invalid_arguments");
        assertThat(r.error().where()).isEqualTo("/limit");
    }
}
