package io.groundgate.evals;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ch.obermuhlner.math.big.BigDecimalMath;

/**
 * Generates {@code evals/questions/dev.jsonl} and {@code evals/questions/test.jsonl} from the demo knowledge base. Every
 * gold answer is the result of the question's SPARQL query (see {@link Gold}); pure arithmetic is computed exactly with
 * BigDecimal and cross-checked against the same expression evaluated by SPARQL.
 *
 * <p>Each family (a question template) has several phrasings and a list of candidate entities. Candidates are shuffled
 * with a fixed seed and dealt alternately to dev and test, so both splits use every family and every phrasing but never
 * the same entity within a family. Run from the project root:
 *
 * <pre>./mvnw -B -q -DskipNodeSdk test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.groundgate.evals.QuestionSetGenerator</pre>
 */
public final class QuestionSetGenerator {

    static final long SEED = 20261123L;
    static final List<String> CATEGORIES = List.of("lookup", "multi_hop", "comparison", "superlative", "count", "arithmetic",
            "arithmetic_over_facts", "unanswerable");
    private static final MathContext MC = new MathContext(34);

    /** One phrasing: {@code {var}} placeholders; a leading {@code ~} lower-cases the whole question. */
    record P(String text, String... tags) {
    }

    /** A built question before its gold is derived. */
    record Item(String sparql, ObjectNode gold, BigDecimal exact, Map<String, String> vars) {
        Item(String sparql, ObjectNode gold) {
            this(sparql, gold, null, Map.of());
        }
    }

    record Family(String id, String category, int perSplit, List<P> phrasings, Supplier<List<Map<String, String>>> candidates,
            Function<Map<String, String>, Item> build, String typoVar) {
    }

    record Question(String id, String category, String question, ObjectNode gold, List<String> tags, String sparql) {
        String json() {
            ObjectNode node = Gold.JSON.createObjectNode();
            node.put("id", id).put("category", category).put("question", question);
            node.set("gold", gold);
            ArrayNode t = node.putArray("tags");
            tags.forEach(t::add);
            node.put("sparql", sparql);
            return node.toString();
        }
    }

    private final Kb kb;
    private final List<Family> families = new ArrayList<>();

    QuestionSetGenerator(Kb kb) {
        this.kb = kb;
        Templates.register(this);
    }

    void add(String id, String category, int perSplit, List<P> phrasings, Supplier<List<Map<String, String>>> candidates,
            Function<Map<String, String>, Item> build, String typoVar) {
        families.add(new Family(id, category, perSplit, phrasings, candidates, build, typoVar));
    }

    Kb kb() {
        return kb;
    }

    /** dev and test, in category order. */
    Map<String, List<Question>> generate() {
        Map<String, List<Question>> splits = new LinkedHashMap<>();
        splits.put("dev", new ArrayList<>());
        splits.put("test", new ArrayList<>());
        for (Family family : families) {
            List<Map<String, String>> candidates = new ArrayList<>(family.candidates().get());
            Collections.shuffle(candidates, new Random(SEED + family.id().hashCode()));
            int made = 0;
            for (Map<String, String> row : candidates) {
                if (made == 2 * family.perSplit()) {
                    break;
                }
                Item item = family.build().apply(row);
                if (item == null) {
                    continue;
                }
                String split = made % 2 == 0 ? "dev" : "test";
                // dev and test both walk through every phrasing, offset by one so a repeated entity never gets the same sentence
                P phrasing = family.phrasings().get((made / 2 + made % 2) % family.phrasings().size());
                Map<String, String> vars = new HashMap<>(row);
                vars.putAll(item.vars());
                for (String key : List.of("c", "a_c", "b_c", "c_c", "d_c", "alt")) {
                    vars.computeIfPresent(key, (k, v) -> withArticle(v));
                }
                List<String> tags = new ArrayList<>(List.of(phrasing.tags()));
                if (tags.contains("typo")) {
                    String original = vars.get(family.typoVar());
                    vars.put(family.typoVar(), typo(original));
                }
                String text = render(phrasing.text(), vars);
                String sparql = Kb.withPrefixes(item.sparql());
                ObjectNode gold;
                try {
                    gold = Gold.derive(item.gold(), sparql, kb);
                } catch (RuntimeException e) {
                    throw new IllegalStateException(family.id() + ": " + e.getMessage() + " in " + sparql, e);
                }
                if (item.exact() != null) {
                    BigDecimal fromQuery = new BigDecimal(gold.path("value").asText());
                    BigDecimal exact = item.exact();
                    if (exact.subtract(fromQuery).abs().compareTo(exact.abs().multiply(new BigDecimal("1e-9"))) > 0) {
                        throw new IllegalStateException(family.id() + ": exact " + exact + " but SPARQL gives " + fromQuery);
                    }
                    gold.put("value", Gold.number(exact));
                }
                made++;
                int n = (int) splits.get(split).stream().filter(q -> q.id().startsWith(split + "-" + family.id() + "-")).count();
                splits.get(split).add(new Question(String.format(Locale.ROOT, "%s-%s-%02d", split, family.id(), n + 1),
                        family.category(), text, gold, tags, sparql));
            }
            if (made < 2 * family.perSplit()) {
                throw new IllegalStateException(family.id() + ": only " + made + " questions from " + candidates.size()
                        + " candidates");
            }
        }
        splits.values().forEach(list -> list.sort((a, b) -> Integer.compare(CATEGORIES.indexOf(a.category()),
                CATEGORIES.indexOf(b.category()))));
        return splits;
    }

    static String render(String template, Map<String, String> vars) {
        boolean lower = template.startsWith("~");
        String text = lower ? template.substring(1) : template;
        for (Map.Entry<String, String> e : vars.entrySet()) {
            text = text.replace("{" + e.getKey() + "}", e.getValue());
        }
        if (text.contains("{")) {
            throw new IllegalStateException("unfilled placeholder in: " + text);
        }
        return lower ? text.toLowerCase(Locale.ROOT) : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static final Set<String> THE = Set.of("United Arab Emirates", "Bahamas", "Central African Republic",
            "Republic of the Congo", "Comoros", "Dominican Republic", "United Kingdom", "Gambia", "Maldives", "Marshall Islands",
            "Netherlands", "Philippines", "Solomon Islands", "Seychelles", "United States", "DR Congo");

    /** Country names as they read in a sentence: "the Netherlands", "the Lebanese Republic". */
    static String withArticle(String name) {
        boolean the = THE.contains(name) || name.matches("(?i).*\\b(republic|kingdom|federation|emirates|states|union|commonwealth"
                + "|islands|principality|sultanate|confederation|state)\\b.*");
        return the && !name.toLowerCase(Locale.ROOT).startsWith("the ") ? "the " + name : name;
    }

    /**
     * One realistic misspelling of a name, chosen deterministically: in its longest word, two neighbouring letters
     * swapped, a letter dropped or a letter doubled (never the first letter).
     */
    static String typo(String name) {
        String[] words = name.split(" ");
        int w = 0;
        for (int i = 1; i < words.length; i++) {
            if (words[i].length() > words[w].length()) {
                w = i;
            }
        }
        String word = words[w];
        if (word.length() < 4) {
            words[w] = word + word.charAt(word.length() - 1);
            return String.join(" ", words);
        }
        int h = Math.abs(name.hashCode());
        int pos = 1 + h % (word.length() - 2);
        String changed = switch (h / 7 % 3) {
            case 0 -> word.charAt(pos) != word.charAt(pos + 1)
                    ? word.substring(0, pos) + word.charAt(pos + 1) + word.charAt(pos) + word.substring(pos + 2)
                    : word.substring(0, pos) + word.substring(pos + 1);
            case 1 -> word.substring(0, pos) + word.substring(pos + 1);
            default -> word.substring(0, pos + 1) + word.charAt(pos) + word.substring(pos + 1);
        };
        words[w] = changed;
        return String.join(" ", words);
    }

    // ---- helpers for the templates -------------------------------------------------------------------------------------

    static ObjectNode number(String unit, double tolerance) {
        ObjectNode g = Gold.JSON.createObjectNode().put("type", "number");
        g.put("tolerance", tolerance);
        if (unit != null) {
            g.put("unit", unit);
        }
        return g;
    }

    static ObjectNode exactNumber(String unit, double absTolerance) {
        ObjectNode g = Gold.JSON.createObjectNode().put("type", "number");
        g.put("abs_tolerance", absTolerance);
        if (unit != null) {
            g.put("unit", unit);
        }
        return g;
    }

    static ObjectNode entities(boolean all) {
        ObjectNode g = Gold.JSON.createObjectNode().put("type", "entities");
        g.putArray(all ? "all" : "any");
        return g;
    }

    static ObjectNode text(boolean caseSensitive) {
        ObjectNode g = Gold.JSON.createObjectNode().put("type", "text");
        g.putArray("contains");
        if (caseSensitive) {
            g.put("case_sensitive", true);
        }
        return g;
    }

    static ObjectNode choice(String... options) {
        ObjectNode g = Gold.JSON.createObjectNode().put("type", "choice");
        ArrayNode o = g.putArray("options");
        Arrays.stream(options).forEach(o::add);
        return g;
    }

    static ObjectNode yesNo() {
        return Gold.JSON.createObjectNode().put("type", "yes_no");
    }

    static ObjectNode unanswerable() {
        return Gold.JSON.createObjectNode().put("type", "unanswerable");
    }

    static ObjectNode allOf(ObjectNode... parts) {
        ObjectNode g = Gold.JSON.createObjectNode().put("type", "all");
        ArrayNode p = g.putArray("parts");
        Arrays.stream(parts).forEach(p::add);
        return g;
    }

    static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    static BigDecimal div(BigDecimal a, BigDecimal b) {
        return a.divide(b, MC);
    }

    static BigDecimal sqrt(BigDecimal x) {
        return BigDecimalMath.sqrt(x, MC);
    }

    static BigDecimal root(BigDecimal x, int n) {
        return BigDecimalMath.root(x, new BigDecimal(n), MC);
    }

    /** Pairs (or tuples) of distinct rows, keys prefixed a_, b_, c_ ...; deterministic. */
    static List<Map<String, String>> tuples(List<Map<String, String>> singles, int size, int count, long seed) {
        List<Map<String, String>> out = new ArrayList<>();
        Random random = new Random(seed);
        Set<String> seen = new LinkedHashSet<>();
        for (int attempt = 0; attempt < count * 20 && out.size() < count; attempt++) {
            List<Integer> picks = new ArrayList<>();
            while (picks.size() < size) {
                int i = random.nextInt(singles.size());
                if (!picks.contains(i)) {
                    picks.add(i);
                }
            }
            String key = picks.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
            if (!seen.add(key)) {
                continue;
            }
            Map<String, String> row = new TreeMap<>();
            for (int k = 0; k < size; k++) {
                String prefix = String.valueOf((char) ('a' + k)) + "_";
                singles.get(picks.get(k)).forEach((var, value) -> row.put(prefix + var, value));
            }
            out.add(row);
        }
        return out;
    }

    static List<Map<String, String>> params(int count, long seed, Function<Random, Map<String, String>> make) {
        Random random = new Random(seed);
        Set<Map<String, String>> out = new LinkedHashSet<>(); // no two questions with the same numbers
        for (int i = 0; i < count; i++) {
            out.add(make.apply(random));
        }
        return new ArrayList<>(out);
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        Kb kb = Kb.load(root.resolve("ontologies"));
        Map<String, List<Question>> splits = new QuestionSetGenerator(kb).generate();
        Path dir = root.resolve("evals/questions");
        Files.createDirectories(dir);
        for (Map.Entry<String, List<Question>> split : splits.entrySet()) {
            String lines = split.getValue().stream().map(Question::json).collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(dir.resolve(split.getKey() + ".jsonl"), lines, StandardCharsets.UTF_8);
            Map<String, Long> perCategory = split.getValue().stream()
                    .collect(Collectors.groupingBy(Question::category, TreeMap::new, Collectors.counting()));
            System.out.println(split.getKey() + ": " + split.getValue().size() + " " + perCategory);
        }
    }
}
