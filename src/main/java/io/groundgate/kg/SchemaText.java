package io.groundgate.kg;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a schema summary as compact text for a model that writes SPARQL: every class and property on one line
 * first, then comments while the budget lasts.
 */
final class SchemaText {

    private static final int MAX_COMMENT = 90;
    private static final int MAX_ALT_LABELS = 3;

    private SchemaText() {
    }

    private static final class Line {
        final StringBuilder text;
        final String comment;

        Line(StringBuilder text, String comment) {
            this.text = text;
            this.comment = comment == null || comment.isBlank() ? null
                    : comment.length() > MAX_COMMENT ? comment.substring(0, MAX_COMMENT - 1) + "…" : comment;
        }
    }

    static String render(Map<String, String> prefixes, List<SchemaSummary.ClassInfo> classes,
            List<SchemaSummary.PropertyInfo> properties, int budget) {
        List<Line> classLines = new ArrayList<>();
        for (SchemaSummary.ClassInfo c : classes) {
            StringBuilder line = new StringBuilder(Prefixes.compact(c.iri(), prefixes));
            if (c.label() != null) {
                line.append(" \"").append(c.label()).append('"');
            }
            line.append(" [").append(c.instances()).append(']');
            if (!c.superClasses().isEmpty()) {
                line.append(" subClassOf ").append(join(c.superClasses(), prefixes, ", "));
            }
            classLines.add(new Line(line, c.comment()));
        }
        List<Line> propertyLines = new ArrayList<>();
        for (SchemaSummary.PropertyInfo p : properties) {
            StringBuilder line = new StringBuilder(Prefixes.compact(p.iri(), prefixes));
            if (p.label() != null) {
                line.append(" \"").append(p.label()).append('"');
            }
            line.append(p.kind() == SchemaSummary.PropertyKind.DATATYPE ? " (datatype)" : " (object)");
            if (!p.domains().isEmpty() || !p.ranges().isEmpty()) {
                line.append(' ').append(join(p.domains(), prefixes, "|")).append(" -> ")
                        .append(join(p.ranges(), prefixes, "|"));
            }
            if (p.unit() != null) {
                line.append(" unit ").append(p.unit());
            }
            if (!p.altLabels().isEmpty()) {
                line.append(" aka ").append(String.join(", ", p.altLabels().stream().limit(MAX_ALT_LABELS)
                        .map(a -> '"' + a + '"').toList()));
            }
            propertyLines.add(new Line(line, p.comment()));
        }
        int used = 400;
        int classCount = fit(classLines, budget / 3, used);
        for (int i = 0; i < classCount; i++) {
            used += classLines.get(i).text.length() + 1;
        }
        int propertyCount = fit(propertyLines, budget, used);
        for (int i = 0; i < propertyCount; i++) {
            used += propertyLines.get(i).text.length() + 1;
        }
        List<Line> shown = new ArrayList<>(classLines.subList(0, classCount));
        shown.addAll(propertyLines.subList(0, propertyCount));
        for (Line line : shown) {
            if (line.comment != null && used + line.comment.length() + 4 <= budget) {
                line.text.append(" -- ").append(line.comment);
                used += line.comment.length() + 4;
            }
        }
        StringBuilder body = new StringBuilder();
        body.append("# Classes [instances, including subclasses'; rdf:type is entailed over rdfs:subClassOf]\n");
        classLines.subList(0, classCount).forEach(l -> body.append(l.text).append('\n'));
        if (classCount < classLines.size()) {
            body.append("# … ").append(classLines.size() - classCount).append(" more classes\n");
        }
        body.append("# Properties (kind) domain -> range, unit, other names\n");
        propertyLines.subList(0, propertyCount).forEach(l -> body.append(l.text).append('\n'));
        if (propertyCount < propertyLines.size()) {
            body.append("# … ").append(propertyLines.size() - propertyCount).append(" more properties\n");
        }
        body.append("# Names: rdfs:label, skos:prefLabel, skos:altLabel (compare case-insensitively; labels are mostly @en)\n");
        Set<String> used2 = new LinkedHashSet<>(List.of("rdf", "rdfs", "skos", "xsd"));
        for (String prefix : prefixes.keySet()) {
            if (body.indexOf(" " + prefix + ":") >= 0 || body.indexOf("\n" + prefix + ":") >= 0
                    || body.indexOf("|" + prefix + ":") >= 0) {
                used2.add(prefix);
            }
        }
        StringBuilder text = new StringBuilder();
        for (String prefix : used2) {
            String ns = prefixes.get(prefix);
            if (ns != null) {
                text.append("PREFIX ").append(prefix).append(": <").append(ns).append(">\n");
            }
        }
        return text.append(body).toString();
    }

    /** How many lines fit into the budget from {@code used} on. */
    private static int fit(List<Line> lines, int budget, int used) {
        int n = 0;
        for (Line l : lines) {
            used += l.text.length() + 1;
            if (used > budget) {
                break;
            }
            n++;
        }
        return n;
    }

    private static String join(List<String> iris, Map<String, String> prefixes, String separator) {
        if (iris.isEmpty()) {
            return "?";
        }
        return String.join(separator, iris.stream().map(i -> Prefixes.compact(i, prefixes)).toList());
    }
}
