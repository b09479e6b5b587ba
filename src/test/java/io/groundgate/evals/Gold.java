package io.groundgate.evals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a question's SPARQL result into its gold answer. The generator and the drift check use the same code: a gold
 * answer is its template (type, tolerance, unit, options) with the values filled from the query.
 *
 * <ul>
 * <li>{@code number}: SELECT with one value of {@code ?answer} &rarr; {@code value}</li>
 * <li>{@code entities}: SELECT, the distinct values of {@code ?answer} &rarr; {@code all} or {@code any}; an optional
 * {@code ?alias} (an altLabel) turns an item into a list of alternatives</li>
 * <li>{@code text}: SELECT, the distinct values of {@code ?answer} &rarr; {@code contains}</li>
 * <li>{@code choice}: SELECT with one value of {@code ?answer}, one of {@code options} (an option may be a list: the
 * label and its altLabels) &rarr; {@code value}</li>
 * <li>{@code yes_no}: ASK &rarr; {@code value}</li>
 * <li>{@code unanswerable}: ASK that must be false (the fact, entity or property is not in the knowledge base)</li>
 * <li>{@code all}: SELECT, part <i>i</i> from {@code ?answer<i>i+1</i>} by the rules above</li>
 * <li>{@code ambiguous} (a follow-up with several readings): SELECT, reading <i>i</i> from {@code ?answer<i>i+1</i>}</li>
 * <li>{@code clarify}: SELECT {@code ?candidate} (one per entity sharing the name), {@code ?answer} (the names or details
 * that identify it; several rows give alternatives) and optionally {@code ?value} (its value for what was asked)
 * &rarr; {@code candidates}, {@code values}</li>
 * <li>{@code groups}: SELECT {@code ?group} and one numeric {@code ?answer} per group (optionally an {@code ?alias}, another
 * spelling of the group's label) &rarr; {@code groups}</li>
 * </ul>
 */
final class Gold {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final MathContext DIGITS = new MathContext(12);

    private Gold() {
    }

    static ObjectNode derive(ObjectNode template, String sparql, Kb kb) {
        ObjectNode gold = template.deepCopy();
        String type = gold.path("type").asText();
        if (Kb.isAsk(sparql)) {
            boolean answer = kb.ask(sparql);
            switch (type) {
                case "yes_no" -> gold.put("value", answer);
                case "unanswerable" -> {
                    if (answer) {
                        throw new IllegalStateException("the knowledge base does contain this: " + sparql);
                    }
                }
                default -> throw new IllegalStateException("an ASK query cannot give a '" + type + "' answer");
            }
            return gold;
        }
        List<Map<String, String>> rows = kb.select(sparql);
        if (type.equals("clarify")) {
            clarify(gold, rows);
        } else if (type.equals("groups")) {
            // a group with an ?alias (another spelling of its label) gets the label [group, alias]
            TreeMap<String, String> groups = new TreeMap<>();
            Map<String, String> aliases = new java.util.HashMap<>();
            rows.forEach(r -> {
                if (groups.put(r.get("group"), number(r.get("answer"))) != null) {
                    throw new IllegalStateException("group " + r.get("group") + " has two values");
                }
                if (r.get("alias") != null && !r.get("alias").equals(r.get("group"))) {
                    aliases.put(r.get("group"), r.get("alias"));
                }
            });
            ArrayNode list = gold.putArray("groups");
            groups.forEach((g, v) -> list.add(JSON.createArrayNode()
                    .add(aliases.containsKey(g) ? JSON.createArrayNode().add(g).add(aliases.get(g)) : JSON.getNodeFactory().textNode(g))
                    .add(v)));
        } else if (type.equals("all") || type.equals("ambiguous")) {
            ArrayNode parts = (ArrayNode) gold.path(type.equals("all") ? "parts" : "readings");
            for (int i = 0; i < parts.size(); i++) {
                fill((ObjectNode) parts.get(i), values(rows, "answer" + (i + 1)));
            }
        } else {
            fill(gold, values(rows, "answer"));
            if (gold.path("type").asText().equals("entities")) {
                addAliases(gold, rows);
            }
        }
        return gold;
    }

    /** The entities sharing a name, each with what identifies it, and (if asked) their values, which must differ. */
    private static void clarify(ObjectNode gold, List<Map<String, String>> rows) {
        TreeMap<String, TreeSet<String>> candidates = new TreeMap<>();
        TreeSet<String> values = new TreeSet<>();
        rows.forEach(r -> {
            candidates.computeIfAbsent(r.get("candidate"), c -> new TreeSet<>()).add(r.get("answer"));
            if (r.get("value") != null) {
                values.add(r.get("value"));
            }
        });
        if (candidates.size() < 2) {
            throw new IllegalStateException("a clarification needs two or more candidates, got " + candidates.keySet());
        }
        ArrayNode list = gold.putArray("candidates");
        candidates.values().forEach(names -> {
            ArrayNode alternatives = list.addArray();
            names.forEach(alternatives::add);
        });
        if (!values.isEmpty()) {
            ArrayNode v = gold.putArray("values");
            values.forEach(v::add);
        }
    }

    /** An entity with alternative labels (?alias, e.g. "Aluminum" for "Aluminium") becomes [label, alias, ...]. */
    private static void addAliases(ObjectNode gold, List<Map<String, String>> rows) {
        ArrayNode list = (ArrayNode) gold.path(gold.has("all") ? "all" : "any");
        for (int i = 0; i < list.size(); i++) {
            String label = list.get(i).asText();
            TreeSet<String> aliases = new TreeSet<>();
            rows.stream().filter(r -> label.equals(r.get("answer")) && r.get("alias") != null).forEach(r -> aliases.add(r.get("alias")));
            if (!aliases.isEmpty()) {
                ArrayNode alternatives = JSON.createArrayNode().add(label);
                aliases.forEach(alternatives::add);
                list.set(i, alternatives);
            }
        }
    }

    private static TreeSet<String> values(List<Map<String, String>> rows, String var) {
        TreeSet<String> values = new TreeSet<>();
        rows.forEach(r -> {
            if (r.get(var) != null) {
                values.add(r.get(var));
            }
        });
        if (values.isEmpty()) {
            throw new IllegalStateException("no value for ?" + var);
        }
        return values;
    }

    private static void fill(ObjectNode gold, TreeSet<String> values) {
        switch (gold.path("type").asText()) {
            case "number" -> gold.put("value", number(single(values)));
            case "choice" -> {
                String value = single(values);
                boolean known = false;
                for (JsonNode o : gold.path("options")) {
                    known |= (o.isArray() ? o.get(0) : o).asText().equals(value);
                }
                if (!known) {
                    throw new IllegalStateException(value + " is not one of the options " + gold.path("options"));
                }
                gold.put("value", value);
            }
            case "entities" -> {
                String key = gold.has("all") ? "all" : "any";
                ArrayNode list = gold.putArray(key);
                values.forEach(list::add);
            }
            case "text" -> {
                ArrayNode list = gold.putArray("contains");
                values.forEach(list::add);
            }
            default -> throw new IllegalStateException("a SELECT query cannot give a '" + gold.path("type").asText() + "' answer");
        }
    }

    private static String single(TreeSet<String> values) {
        if (values.size() != 1) {
            throw new IllegalStateException("expected one value, got " + values);
        }
        return values.first();
    }

    /** A number as gold text: at most 12 significant digits, no exponent, no trailing zeros. */
    static String number(String lexical) {
        return number(new BigDecimal(lexical.trim()));
    }

    static String number(BigDecimal value) {
        BigDecimal rounded = value.round(DIGITS).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    /** The template of a gold answer: the gold without the values the query fills in. */
    static ObjectNode template(JsonNode gold) {
        ObjectNode t = gold.deepCopy();
        strip(t);
        for (String list : List.of("parts", "readings")) {
            t.path(list).forEach(p -> strip((ObjectNode) p));
        }
        return t;
    }

    private static void strip(ObjectNode node) {
        switch (node.path("type").asText()) {
            case "number", "choice", "yes_no" -> node.remove("value");
            case "entities" -> {
                if (node.has("all")) {
                    node.putArray("all");
                } else {
                    node.putArray("any");
                }
            }
            case "text" -> node.putArray("contains");
            case "clarify" -> {
                node.remove("candidates");
                node.remove("values");
            }
            case "groups" -> node.remove("groups");
            default -> {
            }
        }
    }

    /** Whether a re-derived gold equals the stored one (numbers to 1e-9 relative: exact and double arithmetic differ). */
    static boolean same(JsonNode stored, JsonNode derived) {
        if (stored.isObject() && derived.isObject()) {
            if (!Objects.equals(fieldNames(stored), fieldNames(derived))) {
                return false;
            }
            var it = stored.fields();
            while (it.hasNext()) {
                var e = it.next();
                JsonNode other = derived.get(e.getKey());
                if (e.getKey().equals("value") && stored.path("type").asText().equals("number")) {
                    BigDecimal a = new BigDecimal(e.getValue().asText());
                    BigDecimal b = new BigDecimal(other.asText());
                    BigDecimal scale = a.abs().max(b.abs()).max(BigDecimal.ONE.movePointLeft(12));
                    if (a.subtract(b).abs().compareTo(scale.multiply(new BigDecimal("1e-9"))) > 0) {
                        return false;
                    }
                } else if (!same(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (stored.isArray() && derived.isArray()) {
            if (stored.size() != derived.size()) {
                return false;
            }
            for (int i = 0; i < stored.size(); i++) {
                if (!same(stored.get(i), derived.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return stored.equals(derived);
    }

    /**
     * The questions whose stored gold is no longer what their SPARQL gives on the knowledge base (or whose query fails),
     * one line each, named by {@code id} or else by the question text.
     */
    static List<String> drift(Iterable<? extends JsonNode> questions, Kb kb) {
        List<String> drift = new java.util.ArrayList<>();
        for (JsonNode q : questions) {
            String name = q.has("id") ? q.path("id").asText() : q.path("question").asText();
            try {
                JsonNode derived = derive(template(q.path("gold")), q.path("sparql").asText(), kb);
                if (!same(q.path("gold"), derived)) {
                    drift.add(name + ": stored " + q.path("gold") + ", SPARQL now gives " + derived);
                }
            } catch (RuntimeException e) {
                drift.add(name + ": " + e.getMessage());
            }
        }
        return drift;
    }

    private static TreeSet<String> fieldNames(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
