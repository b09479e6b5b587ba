package io.groundgate.grounding.local.reading;

import java.math.BigDecimal;
import java.util.List;

/**
 * What running a reading found, for the composer.
 *
 * @param reading the reading that ran
 * @param rows per subject (an entity, a member, a group): its name and values, in answer order
 * @param total how many rows there are in all (more than {@code rows} when the list was cut)
 * @param truth for yes/no readings, the answer; else null
 * @param number a computed number (count, aggregate, conversion, arithmetic), else null
 * @param computation how the number was computed, for the grounding, else null
 * @param sources the sources of the facts it rests on
 */
public record Finding(Reading reading, List<Row> rows, long total, Boolean truth, BigDecimal number, String computation,
        List<String> sources) {

    public Finding {
        rows = List.copyOf(rows);
        sources = List.copyOf(sources);
    }

    /** Whether the graph had anything for the reading. */
    public boolean empty() {
        if (truth != null || number != null) {
            return false;
        }
        if (reading instanceof Reading.Lookup || reading instanceof Reading.Compare
                || reading instanceof Reading.Calculate || reading instanceof Reading.Amount
                || reading instanceof Reading.Total
                || reading instanceof Reading.Several
                || reading instanceof Reading.OfMembers || reading instanceof Reading.Combine
                || reading instanceof Reading.AtTime) {
            return rows.stream().allMatch(r -> r.values().isEmpty());
        }
        return rows.isEmpty();
    }

    /**
     * One subject and what was read about it.
     *
     * @param iri the subject, or null for a literal group
     * @param name how to say it
     * @param values its values (of the asked attribute, or one per field)
     * @param count for groups, how many members
     */
    public record Row(String iri, String name, List<Value> values, Long count) {
        public Row {
            values = List.copyOf(values);
        }
    }

    /**
     * A value read from the graph.
     *
     * @param iri the entity, when the value is one; else null
     * @param text how to say it (a label for an entity)
     * @param number its number, when it reads as one
     * @param field which field of the reading it belongs to (0 when there is one)
     */
    public record Value(String iri, String text, BigDecimal number, int field) {
    }
}
