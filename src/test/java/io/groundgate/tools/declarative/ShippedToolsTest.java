package io.groundgate.tools.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.jena.graph.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.tools.Tool;
import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolResult;
import io.groundgate.tools.kg.DemoGraph;

/** The tools shipped in {@code tools/} answer correctly on the demo knowledge base (expected values read from it). */
class ShippedToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DeclarativeToolProvider provider;

    @BeforeAll
    static void load() {
        provider = Declarative.loaded(Path.of("tools"));
    }

    static ToolResult call(DeclarativeToolProvider provider, String tool, String args) throws Exception {
        Tool t = provider.tools().stream().filter(x -> x.spec().name().equals(tool)).findFirst().orElseThrow();
        return t.execute((ObjectNode) JSON.readTree(args), ToolContext.of("test"));
    }

    private static ToolResult call(String tool, String args) throws Exception {
        return call(provider, tool, args);
    }

    private static String literal(String sparql) {
        return DemoGraph.value(sparql).getLiteralLexicalForm();
    }

    private static List<String> labels(String sparql) {
        return DemoGraph.values(sparql).stream().map(Node::getLiteralLexicalForm).sorted().toList();
    }

    @Test
    void everyShippedFileLoads() {
        assertThat(provider.status().errors()).isEmpty();
        assertThat(provider.status().tools()).contains("element_property", "country_facts", "compare_countries",
                "material_mass");
        provider.tools().forEach(t -> {
            assertThat(t.spec().parameters().path("additionalProperties").asBoolean(true)).isFalse();
            assertThat(t.spec().parameters().path("required")).isNotEmpty();
            assertThat(t.spec().description()).hasSizeGreaterThan(40);
        });
    }

    @Test
    void elementPropertyByNameOrSymbolGivesTheValueWithItsUnit() throws Exception {
        String density = literal("SELECT ?v WHERE { ?e gg:symbol \"Au\" ; gg:density ?v }");
        String unit = literal("SELECT ?v WHERE { gg:density gg:unit ?v }");
        for (String element : new String[] { "gold", "Au", "GOLD" }) {
            ToolResult r = call("element_property", "{\"element\":\"" + element + "\",\"property\":\"density\"}");
            assertThat(r.ok()).as(element).isTrue();
            assertThat(r.result().path("value").decimalValue()).isEqualByComparingTo(density);
            assertThat(r.result().at("/values/unit").asText()).isEqualTo(unit);
            assertThat(r.result().path("text").asText()).contains(unit);
        }
        ToolResult r = call("element_property", "{\"element\":\"Au\",\"property\":\"density\"}");
        assertThat(r.provenance().facts()).anySatisfy(f -> assertThat(f.predicate()).isEqualTo(DemoGraph.GG + "density"));
        assertThat(r.provenance().sources()).isNotEmpty();
        assertThat(r.provenance().query()).contains("?element = " + DemoGraph.RES + "element/Au");
    }

    @Test
    void elementPropertyFindsAlternativeSpellingsAndOtherProperties() throws Exception {
        String melting = literal("SELECT ?v WHERE { ?e skos:altLabel \"Aluminum\"@en ; gg:meltingPoint ?v }");
        ToolResult r = call("element_property", "{\"element\":\"Aluminum\",\"property\":\"melting point\"}");
        assertThat(r.result().path("value").decimalValue()).isEqualByComparingTo(melting);
        assertThat(r.result().at("/values/unit").asText())
                .isEqualTo(literal("SELECT ?v WHERE { gg:meltingPoint gg:unit ?v }"));
    }

    @Test
    void elementPropertySaysWhenTheGraphHasNoValue() throws Exception {
        String symbol = literal("SELECT ?v WHERE { ?e a gg:ChemicalElement ; gg:symbol ?v "
                + "FILTER NOT EXISTS { ?e gg:density ?d } } ORDER BY ?v LIMIT 1");
        ToolResult r = call("element_property", "{\"element\":\"" + symbol + "\",\"property\":\"density\"}");
        assertThat(r.ok()).isFalse();
        assertThat(r.error().code()).isEqualTo("not_found");
        assertThat(r.error().message()).contains("no density for " + symbol);
    }

    @Test
    void anUnknownElementIsNotFoundWithSuggestions() throws Exception {
        ToolResult r = call("element_property", "{\"element\":\"unobtainium\",\"property\":\"density\"}");
        assertThat(r.error().code()).isEqualTo("not_found");
        assertThat(r.error().where()).isEqualTo("/element");
    }

    @Test
    void countryFactsListsCapitalContinentAreaPopulationCurrencyLanguagesAndNeighbours() throws Exception {
        String deu = "<" + DemoGraph.RES + "country/DEU>";
        ToolResult r = call("country_facts", "{\"country\":\"Germany\"}");
        JsonNode v = r.result().path("values");
        assertThat(v.path("capitals").asText()).isEqualTo(String.join(", ",
                labels("SELECT ?v WHERE { " + deu + " gg:capital/rdfs:label ?v }")));
        assertThat(v.path("continent").asText())
                .isEqualTo(literal("SELECT ?v WHERE { " + deu + " gg:continent/rdfs:label ?v }"));
        assertThat(v.path("area").decimalValue()).isEqualByComparingTo(literal("SELECT ?v WHERE { " + deu + " gg:area ?v }"));
        assertThat(v.path("areaUnit").asText()).isEqualTo(literal("SELECT ?v WHERE { gg:area gg:unit ?v }"));
        assertThat(v.path("population").asText()).isEqualTo(literal("SELECT ?v WHERE { " + deu + " gg:population ?v }"));
        assertThat(v.path("populationYear").asText())
                .isEqualTo(literal("SELECT ?v WHERE { " + deu + " gg:populationYear ?v }"));
        assertThat(split(v.path("languages").asText()))
                .containsExactlyElementsOf(labels("SELECT ?v WHERE { " + deu + " gg:officialLanguage/rdfs:label ?v }"));
        assertThat(split(v.path("currencies").asText()))
                .containsExactlyElementsOf(labels("SELECT ?v WHERE { " + deu + " gg:currency/rdfs:label ?v }"));
        assertThat(split(v.path("neighbours").asText()))
                .containsExactlyElementsOf(labels("SELECT ?v WHERE { " + deu + " gg:landBorder/rdfs:label ?v }"));
        assertThat(r.result().path("text").asText()).startsWith("Germany (");
    }

    @Test
    void countryFactsAcceptsCodesAndNativeNames() throws Exception {
        String iri = DemoGraph.RES + "country/DEU";
        assertThat(call("country_facts", "{\"country\":\"DEU\"}").result().at("/resolved/country/iri").asText())
                .isEqualTo(iri);
        assertThat(call("country_facts", "{\"country\":\"Deutschland\"}").result().at("/resolved/country/iri").asText())
                .isEqualTo(iri);
    }

    @Test
    void compareCountriesGivesBothValuesTheRatioAndTheDifference() throws Exception {
        BigDecimal a = new BigDecimal(literal("SELECT ?v WHERE { ?c gg:isoAlpha3 \"DEU\" ; gg:area ?v }"));
        BigDecimal b = new BigDecimal(literal("SELECT ?v WHERE { ?c gg:isoAlpha3 \"FRA\" ; gg:area ?v }"));
        String unit = literal("SELECT ?v WHERE { gg:area gg:unit ?v }");
        ToolResult r = call("compare_countries", "{\"first\":\"Germany\",\"second\":\"France\",\"property\":\"total area\"}");
        assertThat(r.error()).isNull();
        assertThat(r.result().at("/values/firstValue").decimalValue()).isEqualByComparingTo(a);
        assertThat(r.result().at("/values/secondValue").decimalValue()).isEqualByComparingTo(b);
        assertThat(new BigDecimal(r.result().at("/calculations/ratio/value").asText()))
                .isEqualByComparingTo(a.divide(b, 4, RoundingMode.HALF_EVEN));
        assertThat(new BigDecimal(r.result().at("/calculations/difference/value").asText()))
                .isEqualByComparingTo(a.subtract(b));
        assertThat(r.result().at("/calculations/difference/unit").asText()).isEqualTo(unit);
        assertThat(r.provenance().query()).contains("# calculator ratio:");
    }

    @Test
    void compareCountriesOnPopulationHasNoUnit() throws Exception {
        BigDecimal a = new BigDecimal(literal("SELECT ?v WHERE { ?c gg:isoAlpha3 \"DEU\" ; gg:population ?v }"));
        BigDecimal b = new BigDecimal(literal("SELECT ?v WHERE { ?c gg:isoAlpha3 \"FRA\" ; gg:population ?v }"));
        ToolResult r = call("compare_countries", "{\"first\":\"DEU\",\"second\":\"FRA\",\"property\":\"population\"}");
        assertThat(new BigDecimal(r.result().at("/calculations/difference/value").asText()))
                .isEqualByComparingTo(a.subtract(b));
        assertThat(r.result().at("/calculations/difference/unit").isNull()).isTrue();
    }

    @Test
    void compareCountriesRefusesAPropertyOutsideItsEnum() throws Exception {
        ToolResult r = call("compare_countries", "{\"first\":\"DEU\",\"second\":\"FRA\",\"property\":\"symbol\"}");
        assertThat(r.error().code()).isEqualTo("invalid_arguments");
        assertThat(r.error().where()).isEqualTo("/property");
    }

    @Test
    void materialMassMultipliesDensityByVolume() throws Exception {
        BigDecimal density = new BigDecimal(literal("SELECT ?v WHERE { ?e gg:symbol \"Au\" ; gg:density ?v }"));
        ToolResult r = call("material_mass", "{\"material\":\"gold\",\"volume\":\"2 L\"}");
        // g/cm^3 * 2000 cm^3 = 2000 * density g = 2 * density kg
        assertThat(new BigDecimal(r.result().at("/calculations/mass/value").asText()))
                .isEqualByComparingTo(density.multiply(BigDecimal.valueOf(2)));
        assertThat(r.result().at("/calculations/mass/unit").asText()).isEqualTo("kg");
        assertThat(r.result().at("/calculations/mass/exact").asBoolean()).isTrue();
    }

    @Test
    void materialMassCitesTheMaterialsOwnDataSheet() throws Exception {
        Node steel = DemoGraph.value("SELECT ?v WHERE { ?v rdfs:label \"Stainless steel 304\"@en }");
        ToolResult r = call("material_mass", "{\"material\":\"Stainless steel 304\",\"volume\":\"1 m^3\",\"unit\":\"t\"}");
        BigDecimal density = new BigDecimal(literal("SELECT ?v WHERE { <" + steel.getURI() + "> gg:density ?v }"));
        assertThat(new BigDecimal(r.result().at("/calculations/mass/value").asText())).isEqualByComparingTo(density);
        assertThat(r.provenance().sources()).containsExactly(DemoGraph.value(
                "SELECT ?v WHERE { <" + steel.getURI() + "> <http://purl.org/dc/terms/source> ?v }").getURI());
    }

    @Test
    void materialMassRefusesAVolumeThatIsNotAQuantity() throws Exception {
        ToolResult r = call("material_mass", "{\"material\":\"gold\",\"volume\":\"2 L in g) * 1000 * (1\"}");
        assertThat(r.ok()).isFalse();
        assertThat(r.error().code()).isEqualTo("invalid_arguments");
        assertThat(r.error().where()).isEqualTo("/volume");
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(", ")).sorted().toList();
    }
}
