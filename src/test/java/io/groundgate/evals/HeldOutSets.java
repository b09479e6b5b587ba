package io.groundgate.evals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The held-out demo-graph sets written by hand rather than from templates: {@code evals/questions/phrasing.jsonl}
 * (phrasing families and question shapes the dev split never uses, {@link PhrasingQuestions}) and
 * {@code evals/questions/multiturn.jsonl} (conversations whose follow-ups need the earlier turns, {@link Conversations}).
 * The questions and their SPARQL are written here; every gold answer is derived from the SPARQL by {@link Gold}, never
 * typed. Nobody tunes the planner on these sets. Run from the project root:
 *
 * <pre>./mvnw -B -q -DskipNodeSdk test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.groundgate.evals.HeldOutSets</pre>
 */
public final class HeldOutSets {

    static final String PHRASING = "phrasing.jsonl";
    static final String MULTITURN = "multiturn.jsonl";

    private HeldOutSets() {
    }

    /** Collects questions (or turns) and derives each gold answer from its SPARQL as it is added. */
    static final class Builder {
        private final Kb kb;

        Builder(Kb kb) {
            this.kb = kb;
        }

        Kb kb() {
            return kb;
        }

        /** One question or turn as JSON: question, gold (derived from the SPARQL), sparql; fails naming the question. */
        ObjectNode item(String question, ObjectNode template, String body) {
            String sparql = Kb.withPrefixes(body);
            ObjectNode node = Gold.JSON.createObjectNode().put("question", question);
            try {
                node.set("gold", Gold.derive(template, sparql, kb));
            } catch (RuntimeException e) {
                throw new IllegalStateException("'" + question + "': " + e.getMessage() + " in " + sparql, e);
            }
            node.put("sparql", sparql);
            return node;
        }

        /**
         * The choice among the entities a graph pattern binds to {@code ?x}, best by {@code prop} in {@code order}:
         * only asked when every member has the value and the best is at least 3 % ahead of the next (rounding cannot flip
         * it). Options are the labels with their longer English altLabels ("Czechia", "Czech Republic").
         */
        ObjectNode best(String question, String scope, String prop, String order) {
            List<Map<String, String>> members = kb.select("SELECT ?x ?v WHERE { " + scope + " OPTIONAL { ?x " + prop + " ?v } }");
            if (members.size() < 2 || members.stream().anyMatch(m -> m.get("v") == null)) {
                throw new IllegalStateException("'" + question + "': a member of the scope has no " + prop);
            }
            List<Double> values = members.stream().map(m -> Double.parseDouble(m.get("v"))).sorted().toList();
            double top = order.equals("DESC") ? values.get(values.size() - 1) : values.get(0);
            double next = order.equals("DESC") ? values.get(values.size() - 2) : values.get(1);
            if (Math.abs(top - next) < 0.03 * Math.abs(top)) {
                throw new IllegalStateException("'" + question + "': the best is within 3 % of the next");
            }
            return item(question, options(scope), "SELECT (STR(?l) AS ?answer) WHERE { " + scope + " ?x " + prop
                    + " ?v ; rdfs:label ?l } ORDER BY " + order + "(?v) LIMIT 1");
        }

        /** A choice template whose options are the entities the pattern binds to {@code ?x} (label, then altLabels). */
        ObjectNode options(String scope) {
            List<Map<String, String>> rows = kb.select("SELECT ?x (STR(?l) AS ?n) (STR(?a) AS ?alias) WHERE { " + scope
                    + " ?x rdfs:label ?l OPTIONAL { ?x skos:altLabel ?a " + ALIAS_FILTER + " } } ORDER BY ?x");
            ObjectNode gold = QuestionSetGenerator.choice();
            ArrayNode options = (ArrayNode) gold.get("options");
            rows.stream().collect(Collectors.groupingBy(r -> r.get("n"), java.util.TreeMap::new, Collectors.toList()))
                    .forEach((label, rs) -> {
                        TreeSet<String> aliases = rs.stream().map(r -> r.get("alias")).filter(a -> a != null)
                                .collect(Collectors.toCollection(TreeSet::new));
                        if (aliases.isEmpty()) {
                            options.add(label);
                        } else {
                            ArrayNode option = options.addArray().add(label);
                            aliases.forEach(option::add);
                        }
                    });
            return gold;
        }
    }

    /** English altLabels long enough not to match ordinary words ("US" would match "us"). */
    static final String ALIAS_FILTER = "FILTER(LANG(?a) = \"en\" && STRLEN(?a) > 4 && ?a != UCASE(?a))";

    /** SPARQL for the labels (and longer English altLabels, as ?alias) of the entities a pattern binds to {@code ?x}. */
    static String labels(String scope) {
        return "SELECT (STR(?l) AS ?answer) (STR(?a) AS ?alias) WHERE { " + scope + " ?x rdfs:label ?l OPTIONAL { ?x skos:altLabel ?a "
                + ALIAS_FILTER + " } }";
    }

    /**
     * An ambiguous follow-up: right when the answer asks which reading is meant (or declines), or answers every reading;
     * wrong when it silently answers one. Reading <i>i</i> comes from {@code ?answer<i>i+1</i>}.
     */
    static ObjectNode ambiguous(ObjectNode... readings) {
        ObjectNode g = Gold.JSON.createObjectNode().put("type", "ambiguous");
        ArrayNode r = g.putArray("readings");
        Arrays.stream(readings).forEach(r::add);
        return g;
    }

    static List<String> phrasingLines(Kb kb) {
        return PhrasingQuestions.build(new Builder(kb)).stream().map(ObjectNode::toString).toList();
    }

    static List<String> multiturnLines(Kb kb) {
        return Conversations.build(new Builder(kb)).stream().map(ObjectNode::toString).toList();
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Kb kb = Kb.load(root.resolve("ontologies"));
        Path dir = root.resolve("evals/questions");
        List<String> phrasing = phrasingLines(kb);
        List<String> multiturn = multiturnLines(kb);
        Files.writeString(dir.resolve(PHRASING), String.join("\n", phrasing) + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(MULTITURN), String.join("\n", multiturn) + "\n", StandardCharsets.UTF_8);
        System.out.println("phrasing: " + phrasing.size() + " questions; multiturn: " + multiturn.size() + " conversations");
    }

}
