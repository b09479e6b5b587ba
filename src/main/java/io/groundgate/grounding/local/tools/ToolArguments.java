package io.groundgate.grounding.local.tools;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.grounding.local.conversation.Referent;
import io.groundgate.kg.profile.NameText;

/**
 * The arguments a question gives for a tool's JSON Schema, or none when a required one is missing or unclear: enum
 * values written in the question, amounts with their unit for a parameter with a pattern that accepts them, bare numbers
 * for number parameters, and the entities the question names (in order) for the remaining string parameters. Nothing
 * is guessed: each entity and amount fills one parameter, and every one must be used.
 */
final class ToolArguments {

    private static final Pattern AMOUNT = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s?([\\p{L}][\\p{L}^0-9/]*)?");

    private ToolArguments() {
    }

    static Optional<ObjectNode> extract(JsonNode parameters, String question, List<Referent> entities) {
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        List<String> required = new ArrayList<>();
        parameters.path("required").forEach(r -> required.add(r.asText()));
        String key = " " + NameText.key(question) + " ";
        List<String[]> amounts = amounts(question);
        List<Referent> left = new ArrayList<>(entities);
        List<String> entityParams = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = parameters.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode schema = p.getValue();
            String type = schema.path("type").asText("string");
            if (schema.has("enum")) {
                List<String> found = new ArrayList<>();
                schema.get("enum").forEach(v -> {
                    if (key.contains(" " + NameText.key(v.asText()) + " ")) {
                        found.add(v.asText());
                    }
                });
                if (found.size() == 1) {
                    args.put(p.getKey(), found.get(0));
                } else if (found.size() > 1) {
                    return Optional.empty();
                }
            } else if (type.equals("number") || type.equals("integer")) {
                List<String> bare = amounts.stream().filter(a -> a[1] == null).map(a -> a[0]).toList();
                if (bare.size() == 1) {
                    args.put(p.getKey(), new BigDecimal(bare.get(0)));
                    amounts.removeIf(a -> a[1] == null);
                }
            } else if (type.equals("string") && schema.has("pattern")) {
                Pattern pattern = Pattern.compile(schema.get("pattern").asText());
                List<String> fitting = amounts.stream().filter(a -> a[1] != null)
                        .map(a -> a[0] + " " + a[1]).filter(a -> pattern.matcher(a).find()).toList();
                if (fitting.size() == 1) {
                    args.put(p.getKey(), fitting.get(0));
                } else if (fitting.size() > 1) {
                    return Optional.empty();
                }
            } else if (type.equals("string") && required.contains(p.getKey())) {
                entityParams.add(p.getKey());
            }
        }
        // the entities the question names fill the other required strings, one each and in order
        if (left.size() != entityParams.size()) {
            return Optional.empty();
        }
        for (int i = 0; i < entityParams.size(); i++) {
            args.put(entityParams.get(i), left.get(i).surface());
        }
        for (String r : required) {
            if (!args.has(r)) {
                return Optional.empty();
            }
        }
        return Optional.of(args);
    }

    /** Numbers with the word right after them, if it is a word: {"3", "L"}, {"12", null}. */
    private static List<String[]> amounts(String question) {
        List<String[]> out = new ArrayList<>();
        Matcher m = AMOUNT.matcher(question);
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2)});
        }
        return out;
    }
}
