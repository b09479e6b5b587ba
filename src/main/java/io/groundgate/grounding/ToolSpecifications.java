package io.groundgate.grounding;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;

import io.groundgate.chat.ToolDefinition;
import io.groundgate.tools.ToolSpec;

/**
 * Describes tools to LangChain4j. Property schemas travel as raw JSON so that nothing a tool author wrote (formats,
 * enums, nested schemas) is lost in translation.
 */
final class ToolSpecifications {

    private ToolSpecifications() {
    }

    static ToolSpecification of(ToolSpec spec) {
        return build(spec.name(), spec.description(), spec.parameters());
    }

    static ToolSpecification of(ToolDefinition client) {
        return build(client.function().name(), client.function().description(), client.function().parameters());
    }

    private static ToolSpecification build(String name, String description, JsonNode schema) {
        JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
        List<String> required = new ArrayList<>();
        if (schema != null && schema.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                parameters.addProperty(property.getKey(), JsonRawSchema.from(property.getValue().toString()));
            }
            schema.path("required").forEach(r -> required.add(r.asText()));
            if (schema.has("additionalProperties") && schema.get("additionalProperties").isBoolean()) {
                parameters.additionalProperties(schema.get("additionalProperties").asBoolean());
            }
            if (schema.path("description").isTextual()) {
                parameters.description(schema.get("description").asText());
            }
        }
        parameters.required(required);
        return ToolSpecification.builder().name(name).description(description).parameters(parameters.build()).build();
    }
}
