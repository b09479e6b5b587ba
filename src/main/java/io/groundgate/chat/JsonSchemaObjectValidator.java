package io.groundgate.chat;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Accepts an absent schema or an object schema whose every subschema is a schema (an object or a boolean) and whose
 * {@code type}, {@code properties} and {@code required} are well-formed, so that a client's malformed tool is refused
 * here, as the client's mistake, and never reaches an upstream (or fails on the way there).
 */
public class JsonSchemaObjectValidator implements ConstraintValidator<JsonSchemaObject, JsonNode> {

    /** Keywords whose value is one schema. */
    private static final Set<String> SCHEMA = Set.of("additionalProperties", "items", "additionalItems", "contains",
            "propertyNames", "not", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties");
    /** Keywords whose value is an array of schemas. */
    private static final Set<String> SCHEMA_ARRAY = Set.of("anyOf", "oneOf", "allOf", "prefixItems");
    /** Keywords whose value maps names to schemas. */
    private static final Set<String> SCHEMA_MAP = Set.of("properties", "patternProperties", "$defs", "definitions",
            "dependentSchemas");
    private static final Set<String> TYPES = Set.of("object", "string", "number", "integer", "boolean", "array", "null");
    /** Nesting beyond this is not a tool's parameters but an attempt to exhaust the stack. */
    private static final int MAX_DEPTH = 64;

    @Override
    public boolean isValid(JsonNode schema, ConstraintValidatorContext context) {
        if (schema == null || schema.isNull()) {
            return true;
        }
        if (!schema.isObject() || (schema.has("type") && !"object".equals(schema.get("type").asText()))) {
            return false;
        }
        String problem = problem(schema, "", 0);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escape(problem)).addConstraintViolation();
        return false;
    }

    /** The first thing wrong in {@code schema} (at JSON pointer {@code at}), or null. */
    private static String problem(JsonNode schema, String at, int depth) {
        if (schema.isBoolean()) {
            return null;
        }
        if (!schema.isObject()) {
            return "the schema at '" + pointer(at) + "' must be a JSON Schema (an object or a boolean), not "
                    + describe(schema);
        }
        if (depth > MAX_DEPTH) {
            return "the schema is nested more than " + MAX_DEPTH + " levels deep";
        }
        String typeProblem = typeProblem(schema.get("type"), at);
        if (typeProblem != null) {
            return typeProblem;
        }
        JsonNode required = schema.get("required");
        if (required != null && (!required.isArray() || !allText(required))) {
            return "'required' at '" + pointer(at) + "' must be an array of property names";
        }
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) schema::fields) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            String here = at + "/" + key;
            String found = null;
            if (SCHEMA.contains(key)) {
                // draft-04 tuples: "items" may also be an array of schemas
                found = "items".equals(key) && value.isArray() ? each(value, here, depth) : problem(value, here, depth + 1);
            } else if (SCHEMA_ARRAY.contains(key)) {
                found = value.isArray() ? each(value, here, depth)
                        : "'" + key + "' at '" + pointer(at) + "' must be an array of schemas";
            } else if (SCHEMA_MAP.contains(key)) {
                if (!value.isObject()) {
                    return "'" + key + "' at '" + pointer(at) + "' must be an object mapping names to schemas";
                }
                for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) value::fields) {
                    found = problem(entry.getValue(), here + "/" + entry.getKey(), depth + 1);
                    if (found != null) {
                        break;
                    }
                }
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String each(JsonNode array, String at, int depth) {
        for (int i = 0; i < array.size(); i++) {
            String found = problem(array.get(i), at + "/" + i, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String typeProblem(JsonNode type, String at) {
        if (type == null) {
            return null;
        }
        boolean ok = type.isTextual() ? TYPES.contains(type.textValue())
                : type.isArray() && type.size() > 0 && allText(type)
                        && StreamSupport.stream(type.spliterator(), false)
                                .allMatch(t -> TYPES.contains(t.textValue()));
        return ok ? null : "'type' at '" + pointer(at) + "' must be one of " + new TreeSet<>(TYPES)
                + " or a non-empty array of them";
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(JsonNode value) {
        String text = value.toString();
        return value.getNodeType().name().toLowerCase(Locale.ROOT) + " "
                + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }

    private static String pointer(String at) {
        return at.isEmpty() ? "/" : at;
    }

    /** Message templates interpret braces and dollar signs; a client's keys must come through literally. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
