package io.groundgate.kg.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;

/** What the sampled subjects of one class say with one property: counts, values, object classes. */
final class Acc {

    private static final int MAX_LITERALS = 400;
    private static final int MAX_VALUES = 200;
    private static final int MAX_EXAMPLES = 3;
    private static final int MAX_EXAMPLE_LENGTH = 40;

    int subjects;
    long triples;
    int max;
    int resources;
    int untyped;
    final List<Node> literals = new ArrayList<>();
    /** Counted per type list of {@code types} (one shared list per distinct set), in the order first seen. */
    private final Map<List<String>, long[]> typeLists = new IdentityHashMap<>();
    private final List<List<String>> typeListOrder = new ArrayList<>();
    private final Map<String, long[]> datatypeCounts = new HashMap<>();
    private final Map<String, long[]> valueCounts = new LinkedHashMap<>();
    private final Set<String> examples = new LinkedHashSet<>();
    private Map<String, Long> objectClasses;

    /** One subject's values. */
    void add(List<Node> objects, Map<String, List<String>> types) {
        subjects++;
        triples += objects.size();
        max = Math.max(max, objects.size());
        for (Node o : objects) {
            if (o.isLiteral()) {
                if (literals.size() < MAX_LITERALS) {
                    literals.add(o);
                }
                datatypeCounts.computeIfAbsent(LiteralKinds.datatypeLabel(o), x -> new long[1])[0]++;
            } else {
                resources++;
                List<String> t = types.get(ProfileBuilder.key(o));
                if (t == null || t.isEmpty()) {
                    untyped++;
                } else {
                    long[] n = typeLists.get(t);
                    if (n == null) {
                        typeLists.put(t, n = new long[1]);
                        typeListOrder.add(t);
                        objectClasses = null;
                    }
                    n[0]++;
                }
            }
            String text = text(o);
            long[] n = valueCounts.get(text);
            if (n != null) {
                n[0]++;
            } else if (valueCounts.size() < MAX_VALUES) {
                valueCounts.put(text, new long[] { 1 });
            }
            if (examples.size() < MAX_EXAMPLES && !o.isBlank()) {
                examples.add(text.length() > MAX_EXAMPLE_LENGTH ? text.substring(0, MAX_EXAMPLE_LENGTH - 1) + "…" : text);
            }
        }
    }

    /** The classes of the resource values with how often each was seen (keys in the order first seen). */
    Map<String, Long> objectClasses() {
        if (objectClasses == null) {
            Map<String, Long> out = new HashMap<>();
            for (List<String> t : typeListOrder) {
                long n = typeLists.get(t)[0];
                t.forEach(c -> out.merge(c, n, Long::sum));
            }
            objectClasses = out;
        }
        return objectClasses;
    }

    /** The datatypes of the literal values with their counts. */
    Map<String, Long> datatypes() {
        return longs(datatypeCounts, new HashMap<>());
    }

    /** The first {@link #MAX_VALUES} distinct values as text, in the order first seen, with their counts. */
    Map<String, Long> values() {
        return longs(valueCounts, new LinkedHashMap<>());
    }

    int distinctValues() {
        return valueCounts.size();
    }

    private static Map<String, Long> longs(Map<String, long[]> counts, Map<String, Long> out) {
        counts.forEach((k, n) -> out.put(k, n[0]));
        return out;
    }

    List<String> examples() {
        return List.copyOf(examples);
    }

    /** A term as text: the IRI, a literal's lexical form, {@code _:b} for a blank node. */
    static String text(Node n) {
        return n.isLiteral() ? n.getLiteralLexicalForm() : ProfileBuilder.key(n);
    }
}
