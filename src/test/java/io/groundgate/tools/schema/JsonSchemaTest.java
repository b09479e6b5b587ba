package io.groundgate.tools.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonSchemaTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Optional<SchemaViolation> check(String schema, String value) {
        return JsonSchema.compile(json(schema)).validate(json(value));
    }

    static final String TOOL = """
            {'type':'object','additionalProperties':false,'required':['query','limit'],
             'properties':{
               'query':{'type':'string','minLength':2,'maxLength':5,'pattern':'^[a-z]+$','description':'text'},
               'limit':{'type':'integer','minimum':1,'maximum':100},
               'ratio':{'type':'number','exclusiveMinimum':0,'exclusiveMaximum':1},
               'mode':{'enum':['fast','exact']},
               'version':{'const':2},
               'tags':{'type':'array','items':{'type':'string'},'minItems':1,'maxItems':2},
               'maybe':{'type':['string','null']},
               'nested':{'type':'object','properties':{'a/b':{'type':'boolean'},'c~d':{'type':'boolean'}}},
               'free':{'type':'object','additionalProperties':{'type':'integer'}}
             }}""";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'query':'abc','limit':5}",
            "{'query':'abc','limit':5.0}",
            "{'query':'abc','limit':1,'ratio':0.5,'mode':'fast','version':2.0,'tags':['x'],'maybe':null}",
            "{'query':'abc','limit':100,'maybe':'x','nested':{'a/b':true},'free':{'k':1}}",
    })
    void acceptsValidArguments(String value) {
        assertThat(check(TOOL, value)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "[] | \"\" | expected object, got array",
            "{'limit':5} | /query | missing required property 'query'",
            "{'query':'abc'} | /limit | missing required property 'limit'",
            "{'query':'abc','limit':5,'other':1} | /other | unknown property 'other'; allowed: query, limit, ratio, mode, version, tags, maybe, nested, free",
            "{'query':1,'limit':5} | /query | expected string, got integer",
            "{'query':'abc','limit':'5'} | /limit | expected integer, got string",
            "{'query':'abc','limit':5.5} | /limit | expected integer, got number",
            "{'query':'abc','limit':true} | /limit | expected integer, got boolean",
            "{'query':'abc','limit':0} | /limit | must be at least 1, got 0",
            "{'query':'abc','limit':101} | /limit | must be at most 100, got 101",
            "{'query':'a','limit':5} | /query | must be at least 2 characters long, got 1",
            "{'query':'abcdef','limit':5} | /query | must be at most 5 characters long, got 6",
            "{'query':'ABC','limit':5} | /query | must match the pattern ^[a-z]+$",
            "{'query':'abc','limit':5,'ratio':0} | /ratio | must be greater than 0, got 0",
            "{'query':'abc','limit':5,'ratio':1} | /ratio | must be less than 1, got 1",
            "{'query':'abc','limit':5,'mode':'slow'} | /mode | must be one of \"fast\", \"exact\", got \"slow\"",
            "{'query':'abc','limit':5,'version':3} | /version | must be 2",
            "{'query':'abc','limit':5,'tags':[]} | /tags | must have at least 1 items, got 0",
            "{'query':'abc','limit':5,'tags':['a','b','c']} | /tags | must have at most 2 items, got 3",
            "{'query':'abc','limit':5,'tags':['a',2]} | /tags/1 | expected string, got integer",
            "{'query':'abc','limit':5,'maybe':1} | /maybe | expected string or null, got integer",
            "{'query':'abc','limit':5,'nested':{'a/b':1}} | /nested/a~1b | expected boolean, got integer",
            "{'query':'abc','limit':5,'nested':{'c~d':1}} | /nested/c~0d | expected boolean, got integer",
            "{'query':'abc','limit':5,'free':{'k':'v'}} | /free/k | expected integer, got string",
            "{'query':null,'limit':5} | /query | expected string, got null",
    })
    void reportsTheFirstViolationWithItsPointer(String value, String pointer, String message) {
        SchemaViolation v = check(TOOL, value).orElseThrow();
        assertThat(v.pointer()).isEqualTo(pointer);
        assertThat(v.message()).isEqualTo(message);
    }

    @Test
    void lengthsCountCodePoints() {
        assertThat(check("{'maxLength':2}", "'a😀'")).isEmpty();
        assertThat(check("{'maxLength':2}", "'ab😀'").orElseThrow().message())
                .isEqualTo("must be at most 2 characters long, got 3");
    }

    @Test
    void patternsAreNotAnchored() {
        assertThat(check("{'pattern':'b+'}", "'abba'")).isEmpty();
        assertThat(check("{'pattern':'^b+$'}", "'abba'")).isPresent();
    }

    @Test
    void unknownKeywordsAreIgnored() {
        assertThat(check("{'type':'string','format':'email','x-whatever':{'a':1}}", "'not an email'")).isEmpty();
    }

    @Test
    void booleanSchemas() {
        assertThat(check("true", "{'a':1}")).isEmpty();
        assertThat(check("false", "1").orElseThrow().message()).isEqualTo("no value is allowed here");
        assertThat(check("{'properties':{'a':false}}", "{'a':1}").orElseThrow().pointer()).isEqualTo("/a");
    }

    @Test
    void noTypeMeansAnyType() {
        assertThat(check("{'minimum':3}", "'text'")).isEmpty();
        assertThat(check("{'minimum':3}", "2")).isPresent();
    }

    @Test
    void enumComparesNumbersByValueAndStructuresDeeply() {
        assertThat(check("{'enum':[1,[1,2],{'a':1}]}", "1.0")).isEmpty();
        assertThat(check("{'enum':[1,[1,2],{'a':1}]}", "[1,2.0]")).isEmpty();
        assertThat(check("{'enum':[1,[1,2],{'a':1}]}", "{'a':1}")).isEmpty();
        assertThat(check("{'enum':[1,[1,2],{'a':1}]}", "{'a':2}")).isPresent();
        assertThat(check("{'enum':[1,[1,2],{'a':1}]}", "'1'")).isPresent();
    }

    @Test
    void minimumIsExactForLargeNumbers() {
        assertThat(check("{'maximum':9007199254740993}", "9007199254740994")).isPresent();
        assertThat(check("{'maximum':9007199254740993}", "9007199254740993")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'type':'strnig'} | unknown type 'strnig'",
            "{'type':[]} | 'type' must be a type name or a non-empty array",
            "{'properties':[]} | 'properties' must be an object",
            "{'required':'a'} | 'required' must be an array",
            "{'pattern':'('} | 'pattern' is not a valid regular expression",
            "{'minLength':-1} | 'minLength' must be a non-negative integer",
            "{'maximum':'3'} | 'maximum' must be a number",
            "{'enum':'a'} | 'enum' must be an array",
            "{'properties':{'a':{'type':'nope'}}} | invalid schema at '/properties/a'",
            "3 | a schema must be an object or a boolean",
    })
    void malformedSchemasAreRefusedAtCompileTime(String schema, String message) {
        assertThatThrownBy(() -> JsonSchema.compile(json(schema))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
