package io.groundgate.kg.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a profile for a model that writes SPARQL: classes with the properties their instances actually use (share,
 * kind, unit, examples or values, value-node paths), then paths between classes and where names are. The whole graph
 * within a budget (less detail first, then fewer lines), or one class in full.
 */
final class ProfileText {

    private static final int MAX_PATH_LINES = 40;

    private ProfileText() {
    }

    static String render(GraphProfile profile, String classIri, int budget) {
        return classIri == null ? whole(profile, budget) : one(profile, classIri);
    }

    private static String whole(GraphProfile profile, int budget) {
        for (int detail = 2; detail >= 0; detail--) {
            String text = whole(profile, detail, Integer.MAX_VALUE);
            if (text.length() <= budget) {
                return text;
            }
        }
        return whole(profile, 0, budget);
    }

    private static String whole(GraphProfile profile, int detail, int budget) {
        StringBuilder body = new StringBuilder();
        body.append("# Classes [instances, with subclasses']; indented: the properties their instances use, with the ")
                .append("share of instances that have one, the kind of value, unit, examples; * = several values per ")
                .append("instance\n");
        int shownClasses = 0;
        List<ClassProfile> classes = profile.classes();
        for (ClassProfile c : classes) {
            StringBuilder block = new StringBuilder();
            classLine(profile, c, block);
            List<PropertyUse> uses = ownUses(profile, c);
            int max = detail == 0 ? 8 : Integer.MAX_VALUE;
            for (int i = 0; i < uses.size() && i < max; i++) {
                block.append("  ").append(useLine(profile, uses.get(i), detail)).append('\n');
            }
            if (uses.size() > max) {
                block.append("  … ").append(uses.size() - max).append(" more (kg_schema class=")
                        .append(profile.compact(c.iri())).append(")\n");
            }
            if (body.length() + block.length() > budget - 600) {
                break;
            }
            body.append(block);
            shownClasses++;
        }
        if (shownClasses < classes.size()) {
            body.append("# … ").append(classes.size() - shownClasses).append(" more classes: ");
            body.append(String.join(", ", classes.subList(shownClasses, classes.size()).stream().limit(30)
                    .map(c -> profile.compact(c.iri())).toList())).append('\n');
        }
        Set<String> inValueNodes = new HashSet<>();
        profile.classes().forEach(c -> c.properties().stream().filter(u -> u.valueNode() != null).forEach(u -> {
            inValueNodes.add(u.valueNode().valueProperty());
            inValueNodes.add(u.valueNode().unitProperty());
        }));
        List<PropertyProfile> loose = profile.properties().stream().filter(p -> p.domains().isEmpty()
                && p.triples() > 0 && !ProfileBuilder.isMeta(p.iri()) && !inValueNodes.contains(p.iri())).toList();
        if (!loose.isEmpty()) {
            body.append("# Properties of untyped subjects: ");
            body.append(String.join(", ", loose.stream().limit(20).map(p -> profile.compact(p.iri()) + " ("
                    + kind(p.kind()) + ", " + p.triples() + ")").toList())).append('\n');
        }
        paths(profile, null, detail == 0 ? 10 : MAX_PATH_LINES, body, budget);
        names(profile, body);
        return prefixes(profile, body) + body;
    }

    private static String one(GraphProfile profile, String classIri) {
        ClassProfile c = profile.classProfile(classIri).orElse(null);
        if (c == null) {
            return "";
        }
        StringBuilder body = new StringBuilder();
        classLine(profile, c, body);
        List<String> subs = profile.classes().stream().filter(x -> x.superClasses().contains(classIri))
                .map(x -> profile.compact(x.iri())).toList();
        if (!subs.isEmpty()) {
            body.append("# subclasses: ").append(String.join(", ", subs)).append('\n');
        }
        body.append("# properties its instances use (share of instances, kind, unit, values):\n");
        for (PropertyUse u : c.properties()) {
            body.append("  ").append(useLine(profile, u, 3)).append('\n');
        }
        List<String> incoming = new ArrayList<>();
        for (ClassProfile other : profile.classes()) {
            for (PropertyUse u : other.properties()) {
                if (u.objectClasses().stream().anyMatch(x -> x.value().equals(classIri))) {
                    incoming.add(profile.compact(other.iri()) + " " + profile.compact(u.property()));
                }
            }
        }
        if (!incoming.isEmpty()) {
            body.append("# pointed at by: ").append(String.join(", ", incoming.stream().limit(30).toList())).append('\n');
        }
        paths(profile, classIri, MAX_PATH_LINES, body, Integer.MAX_VALUE);
        return prefixes(profile, body) + body;
    }

    private static void classLine(GraphProfile profile, ClassProfile c, StringBuilder out) {
        out.append(profile.compact(c.iri()));
        if (c.name() != null && !c.name().isBlank()) {
            out.append(" \"").append(c.name()).append('"');
        }
        out.append(" [").append(c.instances()).append(']');
        if (!c.superClasses().isEmpty()) {
            out.append(" subClassOf ").append(String.join(", ", c.superClasses().stream().map(profile::compact)
                    .toList()));
        }
        out.append('\n');
    }

    /** The uses not already shown, near-universally, under one of the class's superclasses. */
    private static List<PropertyUse> ownUses(GraphProfile profile, ClassProfile c) {
        Set<String> inherited = new HashSet<>();
        for (String s : allSupers(profile, c.iri())) {
            profile.classProfile(s).ifPresent(sc -> sc.properties().stream().filter(u -> u.share() >= 0.9)
                    .forEach(u -> inherited.add(u.property())));
        }
        return c.properties().stream().filter(u -> !inherited.contains(u.property()) && !isType(u.property())).toList();
    }

    private static Set<String> allSupers(GraphProfile profile, String iri) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(iri));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            profile.classProfile(next).ifPresent(c -> c.superClasses().forEach(s -> {
                if (seen.add(s)) {
                    todo.add(s);
                }
            }));
        }
        return seen;
    }

    static String useLine(GraphProfile profile, PropertyUse u, int detail) {
        StringBuilder line = new StringBuilder(profile.compact(u.property()));
        line.append(' ').append(Math.round(u.share() * 100)).append('%');
        if (u.multiValued()) {
            line.append('*');
        }
        line.append(' ');
        switch (u.kind()) {
            case RESOURCE -> line.append("-> ").append(u.objectClasses().isEmpty() ? "resource"
                    : String.join("|", mostSpecificClasses(profile, u).stream().map(profile::compact).toList()));
            case VALUE_NODE -> {
                ValueNode v = u.valueNode();
                line.append("value node: ?x ").append(profile.compact(u.property())).append('/')
                        .append(profile.compact(v.valueProperty())).append(" ?number");
                if (v.unitProperty() != null) {
                    line.append(", unit in ").append(profile.compact(v.unitProperty()));
                    if (!v.units().isEmpty()) {
                        line.append(" (").append(String.join(", ", v.units().stream().limit(4).toList())).append(')');
                    }
                }
            }
            case NUMBER -> {
                line.append("number");
                if (u.numbersAsStrings()) {
                    line.append(" stored as strings (").append(Math.round(u.numericShare() * 100))
                            .append("% parse; use xsd:decimal(?v))");
                }
            }
            default -> line.append(kind(u.kind()));
        }
        if (u.unit() != null && u.kind() != ValueKind.VALUE_NODE) {
            line.append(" unit ").append(u.unit());
        }
        if (u.kind() == ValueKind.CATEGORY && u.categories() != null && detail > 0) {
            int max = detail >= 2 ? 8 : 4;
            line.append(": ").append(String.join(", ", u.categories().stream().limit(max).map(v -> quote(v.value())
                    + " (" + v.count() + ")").toList()));
            if (u.categories().size() > max) {
                line.append(", …");
            }
        } else if (detail >= 2 && !u.examples().isEmpty() && u.kind() != ValueKind.VALUE_NODE) {
            line.append(" e.g. ").append(String.join(", ", u.examples().stream().limit(detail >= 3 ? 3 : 2)
                    .map(x -> x.startsWith("http") ? profile.compact(x) : quote(x)).toList()));
        }
        return line.toString();
    }

    private static List<String> mostSpecificClasses(GraphProfile profile, PropertyUse u) {
        List<String> all = u.objectClasses().stream().map(Count::value).filter(c -> !ProfileBuilder.isMeta(c)).toList();
        List<String> out = new ArrayList<>();
        for (String c : all) {
            boolean hasSub = all.stream().anyMatch(o -> !o.equals(c) && allSupers(profile, o).contains(c));
            if (!hasSub) {
                out.add(c);
            }
        }
        return out.stream().limit(3).toList();
    }

    private static void paths(GraphProfile profile, String from, int maxLines, StringBuilder body, int budget) {
        List<ClassPath> shown = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (ClassPath p : profile.paths()) {
            if ((from == null ? !p.from().equals(p.to()) : p.from().equals(from))
                    && (from != null || p.from().compareTo(p.to()) < 0) && pairs.add(p.from() + " " + p.to())) {
                shown.add(p);
            }
        }
        shown.sort(Comparator.comparingInt((ClassPath p) -> p.steps().size())
                .thenComparing(Comparator.comparingLong(ClassPath::count).reversed()));
        if (shown.isEmpty()) {
            return;
        }
        body.append("# Paths between classes (SPARQL property paths, ^ = backwards; the shortest per pair)\n");
        int n = 0;
        for (ClassPath p : shown) {
            String line = profile.compact(p.from()) + " -> " + profile.compact(p.to()) + ": "
                    + p.sparql(profile::compact) + "\n";
            if (n++ >= maxLines || body.length() + line.length() > budget - 300) {
                body.append("# … ").append(shown.size() - n + 1).append(" more (kg_schema class=…)\n");
                break;
            }
            body.append(line);
        }
    }

    private static void names(GraphProfile profile, StringBuilder body) {
        List<String> nameProps = profile.properties().stream().filter(PropertyProfile::nameLike)
                .filter(p -> p.triples() > 0).map(p -> profile.compact(p.iri())).toList();
        body.append("# Names: ").append(nameProps.isEmpty() ? "only IRIs (use kg_search with words of the IRI)"
                : String.join(", ", nameProps)).append(" (compare case-insensitively; kg_search finds IRIs by name)\n");
    }

    private static String prefixes(GraphProfile profile, StringBuilder body) {
        StringBuilder text = new StringBuilder();
        String b = body.toString();
        for (Map.Entry<String, String> e : profile.prefixes().entrySet()) {
            String p = e.getKey();
            if (b.contains(" " + p + ":") || b.contains("\n" + p + ":") || b.contains("|" + p + ":")
                    || b.contains("/" + p + ":") || b.contains("^" + p + ":") || b.contains("(" + p + ":")
                    || p.equals("rdf") || p.equals("rdfs") || p.equals("xsd")) {
                text.append("PREFIX ").append(p).append(": <").append(e.getValue()).append(">\n");
            }
        }
        return text.toString();
    }

    static String kind(ValueKind kind) {
        return switch (kind) {
            case RESOURCE -> "resource";
            case VALUE_NODE -> "value node";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }

    private static boolean isType(String p) {
        return p.equals(ProfileBuilder.RDF_TYPE);
    }

    private static String quote(String s) {
        return '"' + s.replace("\"", "\\\"") + '"';
    }
}
