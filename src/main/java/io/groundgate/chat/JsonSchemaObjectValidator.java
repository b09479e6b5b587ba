package io.groundgate.chat;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import com.fasterxml.jackson.databind.JsonNode;

/** Accepts an absent schema or an object schema whose {@code properties} and {@code required} are well-formed. */
public class JsonSchemaObjectValidator implements ConstraintValidator<JsonSchemaObject, JsonNode> {

    @Override
    public boolean isValid(JsonNode schema, ConstraintValidatorContext context) {
        if (schema == null || schema.isNull()) {
            return true;
        }
        if (!schema.isObject()) {
            return false;
        }
        JsonNode type = schema.get("type");
        if (type != null && !"object".equals(type.asText())) {
            return false;
        }
        JsonNode properties = schema.get("properties");
        if (properties != null && !properties.isObject()) {
            return false;
        }
        JsonNode required = schema.get("required");
        if (required != null) {
            if (!required.isArray()) {
                return false;
            }
            for (JsonNode name : required) {
                if (!name.isTextual()) {
                    return false;
                }
            }
        }
        return true;
    }
}
