package io.groundgate.tools.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.tools.ToolResult;
import io.groundgate.tools.kg.DemoGraph;

/** Arguments are bound as RDF terms: SPARQL sent through them fails or is inert, and the graph never changes. */
class InjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DeclarativeToolProvider shipped;
    private static DeclarativeToolProvider literal;

    @BeforeAll
    static void load() throws Exception {
        shipped = Declarative.loaded(Path.of("tools"));
        literal = Declarative.loaded(Path.of(InjectionTest.class.getResource("/kgtools/literal").toURI()));
    }

    private static String json(String s) throws Exception {
        return JSON.writeValueAsString(s);
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"} ; DROP ALL ; SELECT * WHERE { ?s ?p ?o", "<x> } UNION { ?s ?p ?o",
            "gold> } UNION { ?s ?p ?o } #", "https://w3id.org/groundgate/resource/element/Au> ?p ?o } #",
            "?element", "Au\" || true || \"" })
    void sparqlThroughAnEntityArgumentFindsNothing(String hostile) throws Exception {
        String version = DemoGraph.shared().snapshot().version();
        ToolResult r = ShippedToolsTest.call(shipped, "element_property",
                "{\"element\":" + json(hostile) + ",\"property\":\"density\"}");
        assertThat(r.ok()).isFalse();
        assertThat(r.error().code()).isIn("not_found", "invalid_arguments");
        assertThat(DemoGraph.shared().snapshot().version()).isEqualTo(version);
    }

    @Test
    void aLiteralArgumentIsBoundAsOneStringAndMatchesOnlyItself() throws Exception {
        ToolResult ok = ShippedToolsTest.call(literal, "country_by_code", "{\"code\":\"DEU\"}");
        assertThat(ok.result().at("/rows/0/country/iri").asText()).isEqualTo(DemoGraph.RES + "country/DEU");
        ToolResult hostile = ShippedToolsTest.call(literal, "country_by_code",
                "{\"code\":" + json("DEU\" } UNION { ?country ?p ?o } #") + "}");
        assertThat(hostile.ok()).isTrue();
        assertThat(hostile.result().path("rows")).isEmpty();
        assertThat(hostile.provenance().query()).contains("?code = \"DEU\\\" } UNION { ?country ?p ?o } #\"");
    }

    @Test
    void aTypedLiteralMustBeValidForItsDatatype() throws Exception {
        ToolResult r = ShippedToolsTest.call(literal, "countries_larger_than",
                "{\"area\":\"1 ) || true || (1\"}");
        assertThat(r.ok()).isFalse();
        assertThat(r.error().code()).isEqualTo("invalid_arguments");
        assertThat(r.error().where()).isEqualTo("/area");
    }

    @Test
    void aTypedLiteralIsComparedAsANumber() throws Exception {
        String largest = DemoGraph.value("SELECT ?v WHERE { ?v gg:area ?a } ORDER BY DESC(?a) LIMIT 1").getURI();
        long expected = DemoGraph.values("SELECT ?v WHERE { ?v gg:area ?a FILTER(?a > 5000000) }").size();
        ToolResult r = ShippedToolsTest.call(literal, "countries_larger_than", "{\"area\":5000000}");
        assertThat(r.result().path("rows")).hasSize((int) expected);
        assertThat(r.result().at("/rows/0/country/iri").asText()).isEqualTo(largest);
    }
}
