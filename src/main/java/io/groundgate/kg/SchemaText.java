package io.groundgate.kg;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Renders a schema summary as compact text for a model that writes SPARQL. */
final class SchemaText {

    private static final int MAX_COMMENT = 110;

    private SchemaText() {
    }

    static String render(Map<String, String> prefixes, List<SchemaSummary.ClassInfo> classes,
            List<SchemaSummary.PropertyInfo> properties, int budget) {
        StringBuilder body = new StringBuilder();
        body.append("# Classes (instance counts include subclasses; rdf:type is entailed over rdfs:subClassOf)\n");
        int shown = 0;
        for (SchemaSummary.ClassInfo c : classes) {
            StringBuilder line = new StringBuilder(Prefixes.compact(c.iri(), prefixes));
            if (c.label() != null) {
                line.append(" \"").append(c.label()).append('"');
            }
            line.append(" [").append(c.instances()).append(']');
            if (!c.superClasses().isEmpty()) {
                line.append(" subClassOf ").append(String.join(", ",
                        c.superClasses().stream().map(s -> Prefixes.compact(s, prefixes)).toList()));
            }
            appendComment(line, c.comment());
            if (body.length() + line.length() > budget / 2) {
                body.append("# … ").append(classes.size() - shown).append(" more classes\n");
                break;
            }
            body.append(line).append('\n');
            shown++;
        }
        body.append("# Properties (kind, domain -> range, unit, alternative names)\n");
        shown = 0;
        for (SchemaSummary.PropertyInfo p : properties) {
            StringBuilder line = new StringBuilder(Prefixes.compact(p.iri(), prefixes));
            if (p.label() != null) {
                line.append(" \"").append(p.label()).append('"');
            }
            line.append(p.kind() == SchemaSummary.PropertyKind.DATATYPE ? " (datatype" : " (object");
            line.append(", ").append(p.uses()).append(" uses)");
            if (!p.domains().isEmpty() || !p.ranges().isEmpty()) {
                line.append(' ').append(join(p.domains(), prefixes)).append(" -> ").append(join(p.ranges(), prefixes));
            }
            if (p.unit() != null) {
                line.append(" unit: ").append(p.unit());
            }
            if (!p.altLabels().isEmpty()) {
                line.append(" aka ").append(String.join(", ", p.altLabels().stream().limit(5).map(a -> '"' + a + '"')
                        .toList()));
            }
            appendComment(line, p.comment());
            if (body.length() + line.length() > budget - 400) {
                body.append("# … ").append(properties.size() - shown).append(" more properties\n");
                break;
            }
            body.append(line).append('\n');
            shown++;
        }
        body.append("# Names: rdfs:label, skos:prefLabel, skos:altLabel (match case-insensitively, prefer @en).\n");
        Set<String> used = new LinkedHashSet<>(List.of("rdf", "rdfs", "skos", "xsd"));
        for (String prefix : prefixes.keySet()) {
            if (body.indexOf(prefix + ":") >= 0) {
                used.add(prefix);
            }
        }
        StringBuilder text = new StringBuilder();
        for (String prefix : used) {
            String ns = prefixes.get(prefix);
            if (ns != null) {
                text.append("PREFIX ").append(prefix).append(": <").append(ns).append(">\n");
            }
        }
        return text.append(body).toString();
    }

    private static void appendComment(StringBuilder line, String comment) {
        if (comment != null && !comment.isBlank()) {
            String c = comment.length() > MAX_COMMENT ? comment.substring(0, MAX_COMMENT - 1) + "…" : comment;
            line.append(" -- ").append(c);
        }
    }

    private static String join(List<String> iris, Map<String, String> prefixes) {
        if (iris.isEmpty()) {
            return "?";
        }
        return String.join("|", iris.stream().map(i -> Prefixes.compact(i, prefixes)).toList());
    }
}
