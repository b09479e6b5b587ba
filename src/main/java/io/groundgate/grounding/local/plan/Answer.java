package io.groundgate.grounding.local.plan;

import java.net.URI;
import java.net.URISyntaxException;
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

    /**
     * The answer as one text: the parts, then their sources as one short footnote naming the datasets (the full
     * addresses are in the response's {@code grounding.sources}). The footnote is bracketed, so a follow-up never reads
     * a source's name as something the answer talked about.
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(p.text());
        }
        List<String> datasets = sources().stream().map(Answer::dataset).distinct().toList();
        if (!datasets.isEmpty()) {
            List<String> shown = datasets.size() > MAX_CITED ? datasets.subList(0, MAX_CITED) : datasets;
            String more = datasets.size() > shown.size() ? " and " + (datasets.size() - shown.size()) + " more" : "";
            out.append("\n\n[").append(datasets.size() == 1 ? "Source: " : "Sources: ").append(String.join("; ", shown))
                    .append(more).append(']');
        }
        return out.toString();
    }

    /**
     * A source said briefly: a repository as owner/name, a web address by its site ({@code https://www.cia.gov/…} →
     * cia.gov); anything that is not an address as written.
     */
    static String dataset(String source) {
        URI uri;
        try {
            uri = new URI(source.strip());
        } catch (URISyntaxException e) {
            return source;
        }
        if (uri.getHost() == null) {
            return source;
        }
        String host = uri.getHost().replaceFirst("^www\\.", "");
        String[] path = uri.getPath() == null ? new String[0] : uri.getPath().replaceFirst("^/", "").split("/");
        if ((host.equals("github.com") || host.equals("gitlab.com")) && path.length >= 2) {
            return path[0] + "/" + path[1];
        }
        return host;
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
