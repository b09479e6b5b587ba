package io.groundgate.tools.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled JSON Schema for the subset tool parameters use, checked strictly: {@code type} (a name or an array of
 * names: object, string, number, integer, boolean, array, null), {@code properties}, {@code required},
 * {@code additionalProperties} (boolean or schema), {@code enum}, {@code const}, {@code minimum}, {@code maximum},
 * {@code exclusiveMinimum}, {@code exclusiveMaximum} (numbers), {@code minLength}, {@code maxLength} (in code points),
 * {@code pattern} (unanchored, as JSON Schema says), {@code items} (one schema), {@code minItems}, {@code maxItems}, and
 * the boolean schemas {@code true} and {@code false}. Other keywords ({@code description}, {@code default}, …) are
 * ignored. Compile once, validate many times; instances are immutable and thread-safe.
 */
public final class JsonSchema {

    private static final Set<String> TYPES = Set.of("object", "string", "number", "integer", "boolean", "array", "null");

    private final boolean rejectAll;
    private final Set<String> types;
    private final Map<String, JsonSchema> properties;
    private final List<String> required;
    private final boolean additionalAllowed;
    private final JsonSchema additionalSchema;
    private final List<JsonNode> enumValues;
    private final JsonNode constValue;
    private final BigDecimal minimum;
    private final BigDecimal maximum;
    private final BigDecimal exclusiveMinimum;
    private final BigDecimal exclusiveMaximum;
    private final Integer minLength;
    private final Integer maxLength;
    private final Pattern pattern;
    private final JsonSchema items;
    private final Integer minItems;
    private final Integer maxItems;

    private JsonSchema(JsonNode s, String at) {
        if (s.isBoolean()) {
            rejectAll = !s.booleanValue();
            types = null;
            properties = Map.of();
            required = List.of();
            additionalAllowed = true;
            additionalSchema = null;
            enumValues = null;
            constValue = null;
            minimum = maximum = exclusiveMinimum = exclusiveMaximum = null;
            minLength = maxLength = minItems = maxItems = null;
            pattern = null;
            items = null;
            return;
        }
        if (!s.isObject()) {
            throw invalid(at, "a schema must be an object or a boolean");
        }
        rejectAll = false;
        types = types(s.get("type"), at);
        properties = properties(s.get("properties"), at);
        required = required(s.get("required"), at);
        JsonNode additional = s.get("additionalProperties");
        if (additional == null || additional.isBoolean()) {
            additionalAllowed = additional == null || additional.booleanValue();
            additionalSchema = null;
        } else {
            additionalAllowed = true;
            additionalSchema = new JsonSchema(additional, at + "/additionalProperties");
        }
        JsonNode e = s.get("enum");
        if (e != null && !e.isArray()) {
            throw invalid(at, "'enum' must be an array");
        }
        enumValues = e == null ? null : toList(e);
        constValue = s.get("const");
        minimum = number(s, "minimum", at);
        maximum = number(s, "maximum", at);
        exclusiveMinimum = number(s, "exclusiveMinimum", at);
        exclusiveMaximum = number(s, "exclusiveMaximum", at);
        minLength = count(s, "minLength", at);
        maxLength = count(s, "maxLength", at);
        minItems = count(s, "minItems", at);
        maxItems = count(s, "maxItems", at);
        JsonNode p = s.get("pattern");
        if (p != null) {
            if (!p.isTextual()) {
                throw invalid(at, "'pattern' must be a string");
            }
            try {
                pattern = Pattern.compile(p.textValue());
            } catch (PatternSyntaxException ex) {
                throw invalid(at, "'pattern' is not a valid regular expression: " + ex.getDescription());
            }
        } else {
            pattern = null;
        }
        JsonNode i = s.get("items");
        items = i == null ? null : new JsonSchema(i, at + "/items");
    }

    /** Compiles a schema; an {@link IllegalArgumentException} names the first malformed keyword and where it is. */
    public static JsonSchema compile(JsonNode schema) {
        if (schema == null) {
            throw new IllegalArgumentException("no schema");
        }
        return new JsonSchema(schema, "");
    }

    /** The first violation, or empty when {@code value} matches. */
    public Optional<SchemaViolation> validate(JsonNode value) {
        return Optional.ofNullable(check(value, ""));
    }

    private SchemaViolation check(JsonNode v, String at) {
        if (rejectAll) {
            return new SchemaViolation(at, "no value is allowed here");
        }
        if (types != null && !matchesType(v)) {
            return new SchemaViolation(at, "expected " + String.join(" or ", types) + ", got " + typeOf(v));
        }
        if (constValue != null && !Json.same(constValue, v)) {
            return new SchemaViolation(at, "must be " + constValue);
        }
        if (enumValues != null && enumValues.stream().noneMatch(allowed -> Json.same(allowed, v))) {
            return new SchemaViolation(at, "must be one of " + enumText() + ", got " + v);
        }
        if (v.isNumber()) {
            return checkNumber(v.decimalValue(), at);
        }
        if (v.isTextual()) {
            return checkString(v.textValue(), at);
        }
        if (v.isArray()) {
            return checkArray(v, at);
        }
        if (v.isObject()) {
            return checkObject(v, at);
        }
        return null;
    }

    private SchemaViolation checkNumber(BigDecimal n, String at) {
        if (minimum != null && n.compareTo(minimum) < 0) {
            return new SchemaViolation(at, "must be at least " + minimum.toPlainString() + ", got " + n.toPlainString());
        }
        if (maximum != null && n.compareTo(maximum) > 0) {
            return new SchemaViolation(at, "must be at most " + maximum.toPlainString() + ", got " + n.toPlainString());
        }
        if (exclusiveMinimum != null && n.compareTo(exclusiveMinimum) <= 0) {
            return new SchemaViolation(at, "must be greater than " + exclusiveMinimum.toPlainString() + ", got "
                    + n.toPlainString());
        }
        if (exclusiveMaximum != null && n.compareTo(exclusiveMaximum) >= 0) {
            return new SchemaViolation(at, "must be less than " + exclusiveMaximum.toPlainString() + ", got "
                    + n.toPlainString());
        }
        return null;
    }

    private SchemaViolation checkString(String s, String at) {
        if (minLength != null || maxLength != null) {
            int length = s.codePointCount(0, s.length());
            if (minLength != null && length < minLength) {
                return new SchemaViolation(at, "must be at least " + minLength + " characters long, got " + length);
            }
            if (maxLength != null && length > maxLength) {
                return new SchemaViolation(at, "must be at most " + maxLength + " characters long, got " + length);
            }
        }
        if (pattern != null && !pattern.matcher(s).find()) {
            return new SchemaViolation(at, "must match the pattern " + pattern.pattern());
        }
        return null;
    }

    private SchemaViolation checkArray(JsonNode a, String at) {
        if (minItems != null && a.size() < minItems) {
            return new SchemaViolation(at, "must have at least " + minItems + " items, got " + a.size());
        }
        if (maxItems != null && a.size() > maxItems) {
            return new SchemaViolation(at, "must have at most " + maxItems + " items, got " + a.size());
        }
        if (items != null) {
            for (int k = 0; k < a.size(); k++) {
                SchemaViolation v = items.check(a.get(k), at + "/" + k);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private SchemaViolation checkObject(JsonNode o, String at) {
        for (String name : required) {
            if (!o.has(name)) {
                return new SchemaViolation(at + "/" + Json.escape(name), "missing required property '" + name + "'");
            }
        }
        if (!additionalAllowed) {
            Iterator<String> names = o.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!properties.containsKey(name)) {
                    return new SchemaViolation(at + "/" + Json.escape(name), "unknown property '" + name + "'"
                            + (properties.isEmpty() ? "; no properties are allowed"
                                    : "; allowed: " + String.join(", ", properties.keySet())));
                }
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonSchema schema = properties.get(field.getKey());
            if (schema == null) {
                schema = additionalSchema;
            }
            if (schema != null) {
                SchemaViolation v = schema.check(field.getValue(), at + "/" + Json.escape(field.getKey()));
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private boolean matchesType(JsonNode v) {
        for (String t : types) {
            boolean match = switch (t) {
                case "object" -> v.isObject();
                case "array" -> v.isArray();
                case "string" -> v.isTextual();
                case "boolean" -> v.isBoolean();
                case "null" -> v.isNull();
                case "number" -> v.isNumber();
                default -> v.isNumber() && Json.integral(v);
            };
            if (match) {
                return true;
            }
        }
        return false;
    }

    private static String typeOf(JsonNode v) {
        if (v.isObject()) {
            return "object";
        }
        if (v.isArray()) {
            return "array";
        }
        if (v.isTextual()) {
            return "string";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        if (v.isNull()) {
            return "null";
        }
        return v.isNumber() && Json.integral(v) ? "integer" : "number";
    }

    private String enumText() {
        List<String> texts = new ArrayList<>();
        for (JsonNode e : enumValues) {
            texts.add(e.toString());
        }
        return String.join(", ", texts);
    }

    private static Set<String> types(JsonNode type, String at) {
        if (type == null) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        if (type.isTextual()) {
            out.add(type.textValue());
        } else if (type.isArray() && type.size() > 0) {
            type.forEach(t -> out.add(t.isTextual() ? t.textValue() : t.toString()));
        } else {
            throw invalid(at, "'type' must be a type name or a non-empty array of them");
        }
        for (String t : out) {
            if (!TYPES.contains(t)) {
                throw invalid(at, "unknown type '" + t + "'; expected one of " + TYPES);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private static Map<String, JsonSchema> properties(JsonNode p, String at) {
        if (p == null) {
            return Map.of();
        }
        if (!p.isObject()) {
            throw invalid(at, "'properties' must be an object");
        }
        Map<String, JsonSchema> out = new LinkedHashMap<>();
        p.fields().forEachRemaining(f -> out.put(f.getKey(),
                new JsonSchema(f.getValue(), at + "/properties/" + Json.escape(f.getKey()))));
        return out;
    }

    private static List<String> required(JsonNode r, String at) {
        if (r == null) {
            return List.of();
        }
        if (!r.isArray()) {
            throw invalid(at, "'required' must be an array of property names");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode name : r) {
            if (!name.isTextual()) {
                throw invalid(at, "'required' must be an array of property names");
            }
            out.add(name.textValue());
        }
        return List.copyOf(out);
    }

    private static BigDecimal number(JsonNode s, String keyword, String at) {
        JsonNode n = s.get(keyword);
        if (n == null) {
            return null;
        }
        if (!n.isNumber()) {
            throw invalid(at, "'" + keyword + "' must be a number");
        }
        return n.decimalValue();
    }

    private static Integer count(JsonNode s, String keyword, String at) {
        JsonNode n = s.get(keyword);
        if (n == null) {
            return null;
        }
        if (!n.isNumber() || !Json.integral(n) || n.decimalValue().signum() < 0
                || n.decimalValue().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw invalid(at, "'" + keyword + "' must be a non-negative integer");
        }
        return n.intValue();
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return List.copyOf(out);
    }

    private static IllegalArgumentException invalid(String at, String message) {
        return new IllegalArgumentException("invalid schema at '" + (at.isEmpty() ? "/" : at) + "': " + message);
    }
}
