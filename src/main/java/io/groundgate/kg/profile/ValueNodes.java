package io.groundgate.kg.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recognises value nodes: objects whose only content is one number (an amount, a value) and at most two unit-like
 * properties (unit, currency, or a property with few distinct values).
 */
final class ValueNodes {

    private static final Set<String> VALUE_WORDS = Set.of("value", "amount", "quantity",
            "magnitude", "number", "count", "measure", "measurement");

    private ValueNodes() {
    }

    /**
     * @param uses what the objects say, per property
     * @param objects how many objects were read
     */
    static ValueNode detect(Map<String, Acc> uses, int objects) {
        if (objects == 0) {
            return null;
        }
        String number = null;
        List<String> others = new ArrayList<>();
        for (Map.Entry<String, Acc> e : uses.entrySet()) {
            String q = e.getKey();
            Acc acc = e.getValue();
            if (ProfileBuilder.isNameProperty(q) && acc.subjects * 2 >= objects) {
                return null; // named objects are things of their own, not values
            }
            if (ProfileBuilder.isMeta(q) && !q.endsWith("#value")) {
                continue;
            }
            boolean everywhere = acc.subjects >= 0.9 * objects && acc.max == 1;
            if (everywhere && acc.literals.size() == acc.subjects
                    && LiteralKinds.classify(acc.literals, acc.subjects).kind() == ValueKind.NUMBER) {
                if (number != null) {
                    return null; // two numbers: a record, not a value
                }
                number = q;
            } else {
                others.add(q);
            }
        }
        if (number == null || others.size() > 2) {
            return null;
        }
        String unitProperty = null;
        for (String q : others) {
            Acc acc = uses.get(q);
            boolean unitName = NameText.words(NameText.localName(q)).stream()
                    .anyMatch(w -> w.equals("unit") || w.equals("currency") || w.equals("uom") || w.equals("units"));
            boolean fewValues = acc.distinctValues() <= Math.max(3, objects / 4) && acc.max == 1;
            if (!unitName && !fewValues) {
                return null;
            }
            if (unitProperty == null || unitName) {
                unitProperty = q;
            }
        }
        if (unitProperty == null && NameText.words(NameText.localName(number)).stream().noneMatch(VALUE_WORDS::contains)) {
            return null; // a lone number is a value only when its property says so
        }
        List<String> units = new ArrayList<>();
        if (unitProperty != null) {
            uses.get(unitProperty).values().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(v -> units.add(v.getKey().startsWith("http") ? NameText.localName(v.getKey()) : v.getKey()));
        }
        return new ValueNode(number, unitProperty, units);
    }
}
