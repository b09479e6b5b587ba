package io.groundgate.tools.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.junit.jupiter.api.Test;

class DefinitionParserTest {

    private final DefinitionParser parser = new DefinitionParser();

    /** A valid file; each test breaks one thing. Line numbers below refer to this layout. */
    private static String file(String name, String sparql, String extra) {
        return """
                name: %s
                description: Density of an element.
                parameters:
                  type: object
                  properties:
                    element:
                      type: string
                      description: The element.
                  required: [element]
                slots:
                  element:
                    kind: iri
                    class: gg:ChemicalElement
                sparql: |
                %s
                result:
                  shape: single
                  value: d
                %s""".formatted(name, sparql.indent(2).stripTrailing(), extra);
    }

    private static final String QUERY = """
            PREFIX gg: <https://w3id.org/groundgate/ontology#>
            SELECT ?d WHERE { ?element gg:density ?d }""";

    private DefinitionException refused(String text) {
        return refused("t.yaml", text);
    }

    private DefinitionException refused(String name, String text) {
        try {
            parser.parse(name, text);
        } catch (DefinitionException e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    @Test
    void aValidFileBecomesADefinition() {
        ToolDefinition d = parser.parse("t.yaml", file("density", QUERY, ""));
        assertThat(d.name()).isEqualTo("density");
        assertThat(d.slots()).singleElement().satisfies(s -> {
            assertThat(s.variable().getVarName()).isEqualTo("element");
            assertThat(s.classes()).containsExactly("https://w3id.org/groundgate/ontology#ChemicalElement");
        });
        assertThat(d.parameters().path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(d.result().shape()).isEqualTo(ResultSpec.Shape.SINGLE);
    }

    @Test
    void aYamlSyntaxErrorSaysLineAndColumn() {
        DefinitionException e = refused("name: x\ndescription: d\nparameters: {type: object\nsparql: q\n");
        assertThat(e.getMessage()).startsWith("YAML syntax error");
        assertThat(e.line).isBetween(3, 5);
        assertThat(e.column).isPositive();
    }

    @Test
    void aYamlSyntaxErrorIsLocatedWhereItsMessageSaysTheProblemWas() {
        // an unclosed quote: SnakeYAML found the end of the file (line 3, column 1) while scanning the string that
        // starts at line 2, column 14; Jackson's own location (2:12, after the key) is neither
        DefinitionException e = refused("name: zz_broken\ndescription: \"never closed\n");
        assertThat(e.getMessage()).contains("line 2, column 14").contains("found unexpected end of stream\n in 'reader', line 3, column 1:");
        assertThat(List.of(e.line, e.column)).isEqualTo(List.of(3, 1));
        // an unclosed flow mapping: where the ':' that cannot be there is, 1-based like every file:line:column
        e = refused("name: x\ndescription: d\nparameters: {type: object\nsparql: q\n");
        assertThat(e.getMessage()).contains("but got :\n in 'reader', line 4, column 7:");
        assertThat(List.of(e.line, e.column)).isEqualTo(List.of(4, 7));
    }

    @Test
    void aJsonSyntaxErrorSaysLineAndColumn() {
        DefinitionException e = refused("t.json", "{\n  \"name\": \"x\",\n  \"description\": \"d\" \"oops\"\n}");
        assertThat(e.getMessage()).startsWith("JSON syntax error");
        assertThat(e.line).isEqualTo(3);
        assertThat(e.column).isEqualTo(22);
    }

    @Test
    void aSparqlSyntaxErrorIsMappedToItsLineAndColumnInTheFile() {
        String broken = """
                PREFIX gg: <https://w3id.org/groundgate/ontology#>
                SELECT ?d WHERE {
                  ?element gg:density ?d
                  FILTER(?d > ) }""";
        QueryParseException jena = null;
        try {
            QueryFactory.create(broken);
        } catch (QueryParseException x) {
            jena = x;
        }
        DefinitionException e = refused(file("density", broken, ""));
        // "sparql: |" is line 14, the query starts on line 15 and is indented by two spaces
        assertThat(e.line).isEqualTo(14 + jena.getLine());
        assertThat(e.column).isEqualTo(2 + jena.getColumn());
        assertThat(e.getMessage()).contains("line " + jena.getLine() + ", column " + jena.getColumn() + " of the query");
    }

    @Test
    void updatesConstructAndServiceAreRefused() {
        assertThat(refused(file("x", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "")).getMessage()).contains("read-only");
        assertThat(refused(file("x", "CONSTRUCT WHERE { ?element ?p ?d }", "")).getMessage())
                .contains("SELECT or an ASK");
        assertThat(refused(file("x", "SELECT ?d WHERE { SERVICE <http://x/> { ?element ?p ?d } }", "")).getMessage())
                .contains("SERVICE");
    }

    @Test
    void anInvalidToolNameIsRefusedAtItsLine() {
        DefinitionException e = refused(file("bad name!", QUERY, ""));
        assertThat(e.getMessage()).contains("not a valid tool name");
        assertThat(e.line).isEqualTo(1);
        assertThat(e.column).isEqualTo(7);
    }

    @Test
    void anUnknownFieldIsRefusedWhereItIsWritten() {
        DefinitionException e = refused(file("x", QUERY, "cache: true\n"));
        assertThat(e.getMessage()).contains("Unknown field 'cache'");
        assertThat(e.line).isEqualTo(20);
    }

    @Test
    void aSlotForAnUndeclaredArgumentIsRefused() {
        String text = file("x", QUERY, "").replace("slots:\n  element:", "slots:\n  elemnt:");
        DefinitionException e = refused(text);
        assertThat(e.getMessage()).contains("'elemnt' does not name an argument");
        assertThat(e.line).isEqualTo(11);
    }

    @Test
    void aSlotVariableTheQueryDoesNotUseIsRefused() {
        DefinitionException e = refused(file("x", QUERY.replace("?element", "?el"), ""));
        assertThat(e.getMessage()).contains("?element, which the query does not use");
    }

    @Test
    void anUnusedArgumentIsRefused() {
        String text = file("x", QUERY, "").replace("""
                    element:
                      type: string
                      description: The element.
                """, """
                    element:
                      type: string
                      description: The element.
                    unit:
                      type: string
                      description: Unused.
                """);
        assertThat(refused(text).getMessage()).contains("'unit' is declared but never used");
    }

    @Test
    void anArgumentWithoutTypeOrDescriptionIsRefused() {
        assertThat(refused(file("x", QUERY, "").replace("      description: The element.\n", "")).getMessage())
                .contains("needs a description");
        assertThat(refused(file("x", QUERY, "").replace("type: string", "type: array")).getMessage())
                .contains("needs a type");
    }

    @Test
    void additionalPropertiesMayOnlyBeFalse() {
        String text = file("x", QUERY, "").replace("  required: [element]", "  required: [element]\n  additionalProperties: true");
        assertThat(refused(text).getMessage()).contains("additionalProperties must be false");
    }

    @Test
    void placeholdersMustNameSomethingThatExists() {
        assertThat(refused(file("x", QUERY, "").replace("  value: d", "  value: d\n  template: \"{dd}\""))
                .getMessage()).contains("{dd}");
        assertThat(refused(file("x", QUERY, "calculate:\n  - name: twice\n    expression: \"2 * {nope}\"\n"))
                .getMessage()).contains("{nope}");
    }

    @Test
    void aResultValueMustBeAReturnedVariable() {
        assertThat(refused(file("x", QUERY, "").replace("value: d", "value: density")).getMessage())
                .contains("'value' must be a variable the query returns");
    }

    @Test
    void anUnknownDatatypeIsRefused() {
        String text = file("x", QUERY, "").replace("    kind: iri\n    class: gg:ChemicalElement",
                "    kind: literal\n    datatype: xsd:wibble");
        assertThat(refused(text).getMessage()).contains("Unknown datatype");
    }

    @Test
    void aDocumentThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> parser.parse("t.yaml", "- just\n- a list\n")).isInstanceOf(DefinitionException.class);
    }
}
