package io.groundgate.tools.declarative;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The checks a declarative tool makes itself before binding: declared arguments only, required ones present, JSON
 * types, enums, numeric bounds. (The registry validates the full schema too; a tool must not rely on it.)
 */
final class ArgumentCheck {

    private ArgumentCheck() {
    }

    /** The arguments with the schema's defaults filled in for those left out. */
    static ObjectNode withDefaults(ObjectNode schema, ObjectNode args) {
        ObjectNode filled = args.deepCopy();
        schema.path("properties").fields().forEachRemaining(e -> {
            if (e.getValue().has("default") && (!filled.has(e.getKey()) || filled.get(e.getKey()).isNull())) {
                filled.set(e.getKey(), e.getValue().get("default"));
            }
        });
        return filled;
    }

    static void check(ObjectNode schema, ObjectNode args) {
        JsonNode props = schema.path("properties");
        if (args != null) {
            Iterator<String> names = args.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!props.has(n)) {
                    throw new ToolFailure("invalid_arguments", "Unknown argument '" + n + "'.", "/" + n);
                }
            }
        }
        for (JsonNode r : schema.path("required")) {
            JsonNode v = args == null ? null : args.get(r.asText());
            if (v == null || v.isNull()) {
                throw new ToolFailure("invalid_arguments", "'" + r.asText() + "' is required.", "/" + r.asText());
            }
        }
        Iterator<Map.Entry<String, JsonNode>> it = props.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = args == null ? null : args.get(e.getKey());
            if (v != null && !v.isNull()) {
                checkValue(e.getKey(), e.getValue(), v);
            }
        }
    }

    private static void checkValue(String name, JsonNode schema, JsonNode v) {
        String where = "/" + name;
        String type = schema.path("type").asText();
        boolean ok = switch (type) {
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            default -> true;
        };
        if (!ok) {
            throw new ToolFailure("invalid_arguments", "'" + name + "' must be a " + type + ".", where);
        }
        if (v.isTextual()) {
            int max = schema.path("maxLength").asInt(1000);
            if (v.asText().length() > max || v.asText().isBlank()) {
                throw new ToolFailure("invalid_arguments", "'" + name + "' must be non-empty text of at most " + max
                        + " characters.", where);
            }
        }
        if (v.isTextual() && schema.path("pattern").isTextual()
                && !java.util.regex.Pattern.compile(schema.get("pattern").asText()).matcher(v.asText()).find()) {
            throw new ToolFailure("invalid_arguments", "'" + name + "' does not match the pattern "
                    + schema.get("pattern").asText() + ".", where);
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(v) || (allowed.isTextual() && v.isTextual()
                        && allowed.asText().equalsIgnoreCase(v.asText()));
            }
            if (!listed) {
                throw new ToolFailure("invalid_arguments", "'" + name + "' must be one of " + schema.get("enum")
                        + ".", where);
            }
        }
        if (v.isNumber()) {
            if (schema.has("minimum") && v.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0
                    || schema.has("maximum") && v.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                throw new ToolFailure("invalid_arguments", "'" + name + "' is out of range.", where);
            }
        }
    }
}
