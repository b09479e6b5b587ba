package io.groundgate.tools.kg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds a tool's JSON Schema by hand: an object with described properties, explicit required, nothing else allowed. */
final class ObjectSchema {

    private final ObjectNode schema = JsonNodeFactory.instance.objectNode();
    private final ObjectNode properties;
    private final ArrayNode required;

    private ObjectSchema() {
        schema.put("type", "object");
        properties = schema.putObject("properties");
        required = schema.putArray("required");
        schema.put("additionalProperties", false);
    }

    static ObjectSchema object() {
        return new ObjectSchema();
    }

    ObjectSchema string(String name, String description, int maxLength) {
        properties.putObject(name).put("type", "string").put("description", description).put("minLength", 1)
                .put("maxLength", maxLength);
        return this;
    }

    ObjectSchema integer(String name, String description, int min, int max, int fallback) {
        properties.putObject(name).put("type", "integer").put("description", description).put("minimum", min)
                .put("maximum", max).put("default", fallback);
        return this;
    }

    ObjectSchema required(String... names) {
        for (String n : names) {
            required.add(n);
        }
        return this;
    }

    ObjectNode build() {
        return schema.deepCopy();
    }
}
