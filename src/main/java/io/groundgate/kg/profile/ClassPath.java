package io.groundgate.kg.profile;

import java.util.List;
import java.util.function.Function;

/**
 * A short way from the instances of one class to those of another.
 *
 * @param from the start class
 * @param to the end class
 * @param steps the properties to follow, each forwards or backwards
 * @param count for one hop, how many links there are between the classes (estimated from samples on big classes); for
 *        longer paths, how many instance pairs it connects starting from a sample of up to 50 instances of
 *        {@code from} (capped at 1,000)
 */
public record ClassPath(String from, String to, List<Step> steps, long count) {

    public ClassPath {
        steps = List.copyOf(steps);
    }

    /**
     * One hop.
     *
     * @param property the property
     * @param inverse whether it is followed from object to subject
     */
    public record Step(String property, boolean inverse) {
    }

    /** The path in SPARQL property-path syntax, with IRIs written by {@code compact}. */
    public String sparql(Function<String, String> compact) {
        StringBuilder b = new StringBuilder();
        for (Step s : steps) {
            if (!b.isEmpty()) {
                b.append('/');
            }
            b.append(s.inverse() ? "^" : "").append(compact.apply(s.property()));
        }
        return b.toString();
    }
}
