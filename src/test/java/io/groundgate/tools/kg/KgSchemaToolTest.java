package io.groundgate.tools.kg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolResult;

class KgSchemaToolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KgSchemaTool tool = new KgSchemaTool(DemoGraph.shared());

    private ToolResult schema(String args) throws Exception {
        return tool.execute((ObjectNode) JSON.readTree(args), ToolContext.of("test"));
    }

    @Test
    void theWholeSchemaIsCompactTextWithPrefixesAndUnits() throws Exception {
        ToolResult r = schema("{}");
        String text = r.result().path("text").asText();
        String unit = DemoGraph.value("SELECT ?v WHERE { gg:density gg:unit ?v }").getLiteralLexicalForm();
        assertThat(text).contains("PREFIX gg: <" + DemoGraph.GG + ">").contains("gg:Country").contains("gg:density")
                .contains(unit);
        assertThat(text.length()).isLessThan(10_000);
        assertThat(r.result().path("classes").asInt()).isPositive();
        assertThat(r.provenance().graphVersion()).isEqualTo(DemoGraph.shared().snapshot().version());
    }

    @Test
    void oneClassShowsItsPropertiesWithDomainsRangesAndUnits() throws Exception {
        ToolResult r = schema("{\"class\":\"country\"}");
        assertThat(r.result().at("/class/iri").asText()).isEqualTo(DemoGraph.GG + "Country");
        JsonNode props = r.result().path("properties");
        var expected = DemoGraph.values("SELECT ?v WHERE { ?v rdfs:domain gg:Country }").stream().map(n -> n.getURI())
                .toList();
        assertThat(props.findValuesAsText("iri")).containsAll(expected);
        for (JsonNode p : props) {
            if (p.path("iri").asText().equals(DemoGraph.GG + "area")) {
                assertThat(p.path("unit").asText()).isEqualTo(
                        DemoGraph.value("SELECT ?v WHERE { gg:area gg:unit ?v }").getLiteralLexicalForm());
            }
        }
        assertThat(props.findValuesAsText("iri")).contains(DemoGraph.GG + "locatedIn");
    }

    @Test
    void anUnknownClassIsNotFound() throws Exception {
        ToolResult r = schema("{\"class\":\"gg:Starship\"}");
        assertThat(r.error().code()).isEqualTo("not_found");
        assertThat(r.error().where()).isEqualTo("/class");
    }
}
