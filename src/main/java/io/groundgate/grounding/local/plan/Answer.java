package io.groundgate.grounding.local.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The planner's answer to a whole message: one part per sub-question.
 *
 * @param parts the parts, in question order
 * @param graphVersion the graph version every part was grounded in
 */
public record Answer(List<Part> parts, String graphVersion) {

    /** Sources named in the text per part; all of them are in the response's {@code grounding.sources}. */
    private static final int MAX_CITED = 3;

    public Answer {
        parts = List.copyOf(parts);
    }

    /** The answer as one text, each grounded part followed by its citation. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(withCitation(p));
        }
        return out.toString();
    }

    /** A part's text with "[source: …]" before its final full stop. */
    public static String withCitation(Part p) {
        if (p.sources().isEmpty()) {
            return p.text();
        }
        String text = p.text();
        List<String> shown = p.sources().size() > MAX_CITED ? p.sources().subList(0, MAX_CITED) : p.sources();
        String more = p.sources().size() > shown.size() ? " and " + (p.sources().size() - shown.size()) + " more" : "";
        String cite = " [source: " + String.join(", ", shown) + more + "]";
        return text.endsWith(".") ? text.substring(0, text.length() - 1) + cite + "." : text + cite;
    }

    public List<String> sources() {
        Set<String> all = new LinkedHashSet<>();
        parts.forEach(p -> all.addAll(p.sources()));
        return List.copyOf(all);
    }

    public List<String> unresolved() {
        List<String> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(p.unresolved()));
        return all;
    }
}
