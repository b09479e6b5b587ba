package io.groundgate.tools.kg;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolResult;

class KgSearchToolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KgSearchTool tool = new KgSearchTool(DemoGraph.shared());

    private ToolResult search(String args) throws Exception {
        return tool.execute((ObjectNode) JSON.readTree(args), ToolContext.of("test"));
    }

    private static String iriLabelled(String label) {
        return DemoGraph.value("SELECT ?v WHERE { ?v rdfs:label \"" + label + "\"@en }").getURI();
    }

    @Test
    void anExactLabelComesFirstWithItsTypeFactAndSources() throws Exception {
        String gold = iriLabelled("Gold");
        ToolResult r = search("{\"query\":\"gold\"}");
        assertThat(r.ok()).isTrue();
        JsonNode first = r.result().at("/hits/0");
        assertThat(first.path("iri").asText()).isEqualTo(gold);
        assertThat(first.path("label").asText()).isEqualTo("Gold");
        assertThat(first.path("match").asText()).isEqualTo("exact");
        assertThat(first.path("score").asDouble()).isEqualTo(1.0);
        assertThat(first.path("types").findValuesAsText("iri")).contains(DemoGraph.GG + "ChemicalElement");
        assertThat(r.provenance().facts()).anySatisfy(f -> {
            assertThat(f.subject()).isEqualTo(gold);
            assertThat(f.predicate()).isEqualTo("http://www.w3.org/2000/01/rdf-schema#label");
            assertThat(f.object()).isEqualTo("\"Gold\"@en");
        });
        assertThat(r.provenance().sources()).containsAll(DemoGraph.values(
                "SELECT ?v WHERE { <https://w3id.org/groundgate/dataset/elements> <http://purl.org/dc/terms/source> ?v }")
                .stream().map(Node::getURI).toList());
        assertThat(r.provenance().graphVersion()).isEqualTo(DemoGraph.shared().snapshot().version());
        assertThat(r.provenance().query()).contains("gold");
    }

    @Test
    void accentsAndCaseDoNotMatter() throws Exception {
        Node accented = DemoGraph.values("SELECT ?v WHERE { ?c a gg:Country ; rdfs:label ?v "
                + "FILTER(REGEX(STR(?v), \"[éèêôöüçãíó]\")) } ORDER BY ?v").get(0);
        String label = accented.getLiteralLexicalForm();
        String plain = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase();
        ToolResult r = search("{\"query\":" + JSON.writeValueAsString(plain) + ",\"limit\":3}");
        assertThat(r.result().at("/hits/0/iri").asText()).isEqualTo(iriLabelled(label));
        assertThat(r.result().at("/hits/0/match").asText()).isEqualTo("exact");
    }

    @Test
    void aTypoStillFindsTheEntity() throws Exception {
        ToolResult r = search("{\"query\":\"Germny\",\"type\":\"country\"}");
        assertThat(r.result().at("/hits/0/iri").asText()).isEqualTo(iriLabelled("Germany"));
        assertThat(r.result().at("/hits/0/match").asText()).isEqualTo("fuzzy");
    }

    @Test
    void alternativeLabelsMatchAndSayWhatMatched() throws Exception {
        Node aluminium = DemoGraph.value("SELECT ?v WHERE { ?v skos:altLabel \"Aluminum\"@en }");
        ToolResult r = search("{\"query\":\"aluminum\",\"limit\":1}");
        assertThat(r.result().at("/hits/0/iri").asText()).isEqualTo(aluminium.getURI());
        assertThat(r.result().at("/hits/0/matched").asText()).isEqualTo("Aluminum");
        assertThat(r.provenance().facts().get(0).predicate()).isEqualTo("http://www.w3.org/2004/02/skos/core#altLabel");
    }

    @Test
    void aPrefixFindsEveryEntityStartingWithIt() throws Exception {
        ToolResult r = search("{\"query\":\"Germ\",\"limit\":10}");
        assertThat(r.result().path("hits").findValuesAsText("iri")).contains(iriLabelled("Germany"),
                iriLabelled("Germanium"));
    }

    @Test
    void aWordInsideALabelIsFoundWhenNothingStartsWithIt() throws Exception {
        var expected = DemoGraph.values("SELECT DISTINCT ?v WHERE { ?v a/rdfs:subClassOf* gg:Material ; rdfs:label ?l "
                + "FILTER(CONTAINS(LCASE(STR(?l)), \"steel\")) }").stream().map(Node::getURI).toList();
        ToolResult r = search("{\"query\":\"steel\",\"type\":\"material\",\"limit\":50}");
        assertThat(expected).isNotEmpty();
        assertThat(r.result().path("hits")).extracting(h -> h.path("iri").asText())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(r.result().at("/hits/0/match").asText()).isIn("word", "contains");
    }

    @Test
    void theTypeFilterKeepsOnlyInstancesOfTheClass() throws Exception {
        ToolResult r = search("{\"query\":\"Germ\",\"type\":\"gg:ChemicalElement\"}");
        assertThat(r.error()).isNull();
        assertThat(r.result().path("hits")).isNotEmpty().allSatisfy(h -> assertThat(h.path("types")
                .findValuesAsText("iri")).contains(DemoGraph.GG + "ChemicalElement"));
        assertThat(r.result().path("hits").findValuesAsText("iri")).doesNotContain(iriLabelled("Germany"));
    }

    @Test
    void anUnknownTypeIsAnInvalidArgumentPointingAtKgSchema() throws Exception {
        ToolResult r = search("{\"query\":\"gold\",\"type\":\"spaceship\"}");
        assertThat(r.ok()).isFalse();
        assertThat(r.error().code()).isEqualTo("invalid_arguments");
        assertThat(r.error().where()).isEqualTo("/type");
        assertThat(r.error().message()).contains("kg_schema");
    }

    @Test
    void hugeZeroOrNonNumericLimitsAreRefused() throws Exception {
        for (String limit : new String[] { "1000000", "0", "-5", "\"ten\"", "2.5" }) {
            ToolResult r = search("{\"query\":\"gold\",\"limit\":" + limit + "}");
            assertThat(r.ok()).as(limit).isFalse();
            assertThat(r.error().code()).isEqualTo("invalid_arguments");
            assertThat(r.error().where()).isEqualTo("/limit");
        }
    }

    @Test
    void aMissingQueryOrAnUnknownArgumentIsRefused() throws Exception {
        assertThat(search("{}").error().where()).isEqualTo("/query");
        assertThat(search("{\"query\":\"gold\",\"sql\":\"x\"}").error().where()).isEqualTo("/sql");
    }

    @Test
    void nothingFoundIsASuccessWithAHint() throws Exception {
        ToolResult r = search("{\"query\":\"qqqxxyzzz\"}");
        assertThat(r.ok()).isTrue();
        assertThat(r.result().path("hits")).isEmpty();
        assertThat(r.result().path("hint").asText()).isNotBlank();
    }

    @Test
    void namePropertiesLocalNamesAndValuesAreFoundOnAGraphWithoutLabels() throws Exception {
        var kg = DemoGraph.start(java.nio.file.Path.of("src/test/resources/graphs/enterprise"), 1000,
                java.time.Duration.ofSeconds(10));
        try {
            KgSearchTool enterprise = new KgSearchTool(kg);
            ToolResult r = enterprise.execute((ObjectNode) JSON.readTree("{\"query\":\"Brant\"}"), ToolContext.of("t"));
            assertThat(r.result().path("ambiguous").asBoolean()).isTrue();
            assertThat(r.result().path("hits").findValuesAsText("label")).contains("Karen Brant", "Tom Brant");
            assertThat(r.result().at("/hits/0/types").findValuesAsText("iri")).contains("https://example.org/acme#Employee");
            assertThat(r.provenance().facts()).anySatisfy(f -> assertThat(f.predicate())
                    .isEqualTo("https://example.org/acme#name"));
            ToolResult moritz = enterprise.execute((ObjectNode) JSON.readTree("{\"query\":\"St Moritz Tools AG\"}"),
                    ToolContext.of("t"));
            assertThat(moritz.result().at("/hits/0/iri").asText()).isEqualTo("https://example.org/acme#sup-01");
            assertThat(moritz.result().at("/hits/0/match").asText()).isEqualTo("exact");
            ToolResult country = enterprise.execute((ObjectNode) JSON.readTree("{\"query\":\"norway\"}"),
                    ToolContext.of("t"));
            assertThat(country.result().at("/hits/0/value").asText()).isEqualTo("Norway");
            assertThat(country.result().at("/hits/0/property").asText()).isEqualTo("https://example.org/acme#country");
        } finally {
            kg.stop();
        }
    }

    @Test
    void theSchemaIsStrictAndDescribed() {
        JsonNode schema = tool.spec().parameters();
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.path("required").toString()).isEqualTo("[\"query\"]");
        assertThat(schema.at("/properties/limit/maximum").asInt()).isEqualTo(50);
        schema.path("properties").forEach(p -> assertThat(p.path("description").asText()).isNotBlank());
    }
}
