package io.groundgate.kg.profile;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How the instances of one class use one property, as observed.
 *
 * @param property the property IRI
 * @param subjects how many instances have it (estimated from the sample when {@code sampled})
 * @param share the share of the class's instances that have it, 0..1
 * @param maxPerSubject the most values one instance has (1: single-valued)
 * @param kind what its values are
 * @param objectClasses for resource values: the classes of the objects, most frequent first
 * @param datatypes for literal values: the datatypes seen (a language tag as {@code @en}), most frequent first
 * @param numericShare for numbers: the share of values that parse as numbers (below 1 when some do not)
 * @param numbersAsStrings whether numbers are stored as plain strings
 * @param unit the unit of its values when known (declared, from the name, or from a value node), else null
 * @param examples a few values, as text
 * @param categories for {@link ValueKind#CATEGORY}: every distinct value with its count
 * @param valueNode for {@link ValueKind#VALUE_NODE}: how to read the number
 * @param sampled whether the figures come from a sample of the instances
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PropertyUse(String property, long subjects, double share, int maxPerSubject, ValueKind kind,
        List<Count> objectClasses, List<Count> datatypes, Double numericShare, boolean numbersAsStrings, String unit,
        List<String> examples, List<Count> categories, ValueNode valueNode, boolean sampled) {

    public PropertyUse {
        objectClasses = List.copyOf(objectClasses);
        datatypes = List.copyOf(datatypes);
        examples = List.copyOf(examples);
        categories = categories == null ? null : List.copyOf(categories);
    }

    /** Whether some instance has more than one value. */
    public boolean multiValued() {
        return maxPerSubject > 1;
    }
}
