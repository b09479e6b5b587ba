package io.groundgate.tools;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;

/**
 * Turns a tool's JSON Schema into LangChain4j's schema types, by hand: explicit {@code required}, descriptions kept. A
 * property that uses a keyword LangChain4j's types cannot express ({@code minimum}, {@code pattern}, {@code const}, …)
 * is passed as a {@link JsonRawSchema} so that no constraint is lost on the way to the model.
 */
public final class LangChain4jSchemas {

    /**
     * Keywords the typed LangChain4j schema elements carry. Anything else ({@code title}, {@code default},
     * {@code examples}, {@code format}, …) sends the element as raw JSON, so a client's own schema reaches the model intact.
     */
    private static final Set<String> TYPED = Set.of("type", "description", "enum", "properties", "required",
            "additionalProperties", "items");

    private LangChain4jSchemas() {
    }

    public static ToolSpecification toToolSpecification(ToolSpec spec) {
        return ToolSpecification.builder()
                .name(spec.name())
                .description(spec.description())
                .parameters(objectSchema(spec.parameters()))
                .build();
    }

    /** An object schema; a schema without {@code properties} becomes an object with none. */
    public static JsonObjectSchema objectSchema(ObjectNode schema) {
        JsonObjectSchema.Builder b = JsonObjectSchema.builder();
        String description = text(schema, "description");
        if (description != null) {
            b.description(description);
        }
        JsonNode properties = schema.get("properties");
        if (properties != null && properties.isObject()) {
            Iterator<String> names = properties.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                b.addProperty(name, element(properties.get(name)));
            }
        }
        JsonNode required = schema.get("required");
        if (required != null && required.isArray()) {
            List<String> names = new ArrayList<>();
            required.forEach(n -> names.add(n.asText()));
            b.required(names);
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isBoolean()) {
            b.additionalProperties(additional.booleanValue());
        }
        return b.build();
    }

    static JsonSchemaElement element(JsonNode s) {
        if (s.isBoolean()) {
            // a raw schema must be a JSON object on the wire: true and false become their object equivalents
            return JsonRawSchema.from(s.booleanValue() ? "{}" : "{\"not\":{}}");
        }
        if (!s.isObject() || !onlyTyped(s)) {
            return JsonRawSchema.from(s.toString());
        }
        String description = text(s, "description");
        JsonNode type = s.get("type");
        JsonNode values = s.get("enum");
        if (values != null) {
            boolean strings = values.isArray() && values.size() > 0;
            for (JsonNode v : values) {
                strings &= v.isTextual();
            }
            if (strings && (type == null || "string".equals(type.asText()))) {
                List<String> names = new ArrayList<>();
                values.forEach(v -> names.add(v.textValue()));
                return JsonEnumSchema.builder().enumValues(names).description(description).build();
            }
            return JsonRawSchema.from(s.toString());
        }
        if (type == null) {
            return JsonRawSchema.from(s.toString());
        }
        if (type.isArray()) {
            List<JsonSchemaElement> options = new ArrayList<>();
            for (JsonNode t : type) {
                ObjectNode single = ((ObjectNode) s).deepCopy();
                single.set("type", t);
                single.remove("description");
                options.add(element(single));
            }
            return JsonAnyOfSchema.builder().anyOf(options).description(description).build();
        }
        return switch (type.asText()) {
            case "object" -> objectSchema((ObjectNode) s);
            case "string" -> JsonStringSchema.builder().description(description).build();
            case "number" -> JsonNumberSchema.builder().description(description).build();
            case "integer" -> JsonIntegerSchema.builder().description(description).build();
            case "boolean" -> JsonBooleanSchema.builder().description(description).build();
            case "null" -> new JsonNullSchema();
            case "array" -> {
                JsonArraySchema.Builder b = JsonArraySchema.builder().description(description);
                JsonNode items = s.get("items");
                if (items != null) {
                    b.items(element(items));
                }
                yield b.build();
            }
            default -> JsonRawSchema.from(s.toString());
        };
    }

    private static boolean onlyTyped(JsonNode s) {
        Iterator<String> keywords = s.fieldNames();
        while (keywords.hasNext()) {
            if (!TYPED.contains(keywords.next())) {
                return false;
            }
        }
        JsonNode additional = s.get("additionalProperties");
        return additional == null || additional.isBoolean();
    }

    private static String text(JsonNode s, String field) {
        JsonNode n = s.get(field);
        return n != null && n.isTextual() ? n.textValue() : null;
    }
}
