package io.groundgate.kg.profile;

import java.util.ArrayList;
import java.util.HashMap;
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
    final Map<String, Long> objectClasses = new HashMap<>();
    final Map<String, Long> datatypes = new HashMap<>();
    final Map<String, Long> values = new LinkedHashMap<>();
    private final Set<String> examples = new LinkedHashSet<>();

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
                datatypes.merge(LiteralKinds.datatypeLabel(o), 1L, Long::sum);
            } else {
                resources++;
                List<String> t = types.get(ProfileBuilder.key(o));
                if (t == null || t.isEmpty()) {
                    untyped++;
                } else {
                    t.forEach(c -> objectClasses.merge(c, 1L, Long::sum));
                }
            }
            String text = text(o);
            if (values.size() < MAX_VALUES || values.containsKey(text)) {
                values.merge(text, 1L, Long::sum);
            }
            if (examples.size() < MAX_EXAMPLES && !o.isBlank()) {
                examples.add(text.length() > MAX_EXAMPLE_LENGTH ? text.substring(0, MAX_EXAMPLE_LENGTH - 1) + "…" : text);
            }
        }
    }

    List<String> examples() {
        return List.copyOf(examples);
    }

    /** A term as text: the IRI, a literal's lexical form, {@code _:b} for a blank node. */
    static String text(Node n) {
        return n.isLiteral() ? n.getLiteralLexicalForm() : ProfileBuilder.key(n);
    }
}
