package io.groundgate.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;

class LangChain4jSchemasTest {

    static ObjectNode json(String text) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(text.replace('\'', '"'));
    }

    @Test
    void mapsEveryTypeWithDescriptionsAndRequired() throws Exception {
        JsonObjectSchema s = LangChain4jSchemas.objectSchema(json("""
                {'type':'object','description':'args','required':['q'],'additionalProperties':false,'properties':{
                 'q':{'type':'string','description':'the query'},
                 'n':{'type':'integer'},
                 'x':{'type':'number'},
                 'b':{'type':'boolean'},
                 'z':{'type':'null'},
                 'mode':{'type':'string','enum':['a','b'],'description':'how'},
                 'list':{'type':'array','items':{'type':'string'}},
                 'either':{'type':['string','integer'],'description':'one or other'},
                 'obj':{'type':'object','properties':{'inner':{'type':'string'}},'required':['inner']}
                }}"""));
        assertThat(s.description()).isEqualTo("args");
        assertThat(s.required()).containsExactly("q");
        assertThat(s.additionalProperties()).isFalse();
        assertThat(s.properties().get("q")).isInstanceOf(JsonStringSchema.class);
        assertThat(s.properties().get("q").description()).isEqualTo("the query");
        assertThat(s.properties().get("n")).isInstanceOf(JsonIntegerSchema.class);
        assertThat(s.properties().get("x")).isInstanceOf(JsonNumberSchema.class);
        assertThat(s.properties().get("b")).isInstanceOf(JsonBooleanSchema.class);
        assertThat(s.properties().get("z")).isInstanceOf(JsonNullSchema.class);
        assertThat(((JsonEnumSchema) s.properties().get("mode")).enumValues()).containsExactly("a", "b");
        assertThat(((JsonArraySchema) s.properties().get("list")).items()).isInstanceOf(JsonStringSchema.class);
        JsonAnyOfSchema either = (JsonAnyOfSchema) s.properties().get("either");
        assertThat(either.description()).isEqualTo("one or other");
        assertThat(either.anyOf()).hasExactlyElementsOfTypes(JsonStringSchema.class, JsonIntegerSchema.class);
        assertThat(((JsonObjectSchema) s.properties().get("obj")).required()).containsExactly("inner");
    }

    @Test
    void keepsConstraintsLangChain4jCannotTypeAsRawSchema() throws Exception {
        JsonObjectSchema s = LangChain4jSchemas.objectSchema(json("""
                {'type':'object','properties':{'limit':{'type':'integer','minimum':1,'maximum':10}}}"""));
        JsonRawSchema raw = (JsonRawSchema) s.properties().get("limit");
        assertThat(new ObjectMapper().readTree(raw.schema())).isEqualTo(json("{'type':'integer','minimum':1,'maximum':10}"));
    }

    @Test
    void keepsKeywordsTheTypedSchemasWouldDropAsRawSchema() throws Exception {
        JsonObjectSchema s = LangChain4jSchemas.objectSchema(json("""
                {'type':'object','properties':{'unit':{'type':'string','title':'Unit','default':'kg','examples':['g']}}}"""));
        JsonRawSchema raw = (JsonRawSchema) s.properties().get("unit");
        assertThat(new ObjectMapper().readTree(raw.schema()))
                .isEqualTo(json("{'type':'string','title':'Unit','default':'kg','examples':['g']}"));
    }
}
