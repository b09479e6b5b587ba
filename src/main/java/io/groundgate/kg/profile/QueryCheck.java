package io.groundgate.kg.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.E_Equals;
import org.apache.jena.sparql.expr.E_StrLowerCase;
import org.apache.jena.sparql.expr.E_Str;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.nodevalue.NodeValueString;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_ReverseLink;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementMinus;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.util.FmtUtils;

/**
 * Checks a SPARQL query against the graph profile before it runs, the way a model can repair it in one more round:
 * prefixes it forgot are added; a class or property that does not exist is an error naming the closest existing
 * ones; a property on a class whose instances never have it is a warning listing those they do have (or saying the
 * link runs the other way); and a query that returns no rows gets a diagnosis of which triple pattern matched nothing.
 */
public final class QueryCheck {

    private static final String RDF_TYPE = ProfileBuilder.RDF_TYPE;
    private static final Pattern DECLARED = Pattern.compile("(?i)\\bPREFIX\\s+([A-Za-z][\\w.-]*)?\\s*:\\s*<");
    private static final Pattern IRI_OR_STRING = Pattern.compile("<[^<>\"{}|^`\\\\\\s]*>|\"\"\"[\\s\\S]*?\"\"\"|'''[\\s\\S]*?'''"
            + "|\"(\\\\.|[^\"\\\\\\n])*\"|'(\\\\.|[^'\\\\\\n])*'|#[^\\n]*");
    private static final Pattern USED = Pattern.compile("(?<![\\w.:?$-])([A-Za-z][\\w-]*(?:\\.[\\w-]+)*):(?=[\\w%\\\\]|\\s|$)");
    private static final int MAX_SUGGESTIONS = 3;
    private static final int MAX_LISTED = 12;
    private static final int MAX_DIAGNOSIS_QUERIES = 16;

    /** How bad a finding is: an error stops the query, a warning goes with its result. */
    public enum Severity {
        ERROR, WARNING
    }

    /**
     * One finding.
     *
     * @param severity error or warning
     * @param term the class or property concerned, as written in the query
     * @param message what is wrong and what to write instead
     */
    public record Issue(Severity severity, String term, String message) {
    }

    private QueryCheck() {
    }

    /**
     * The query text with a PREFIX line added for every prefix it uses without declaring, when the prefix is known
     * (well-known vocabularies and the graph's own); the added prefixes are put into {@code added}.
     */
    public static String addMissingPrefixes(String text, Map<String, String> known, List<String> added) {
        Set<String> declared = new LinkedHashSet<>();
        Matcher d = DECLARED.matcher(text);
        while (d.find()) {
            declared.add(d.group(1) == null ? "" : d.group(1));
        }
        String bare = IRI_OR_STRING.matcher(text).replaceAll(" ");
        bare = DECLARED.matcher(bare).replaceAll(" ");
        Set<String> used = new LinkedHashSet<>();
        Matcher u = USED.matcher(bare);
        while (u.find()) {
            used.add(u.group(1));
        }
        StringBuilder head = new StringBuilder();
        for (String p : used) {
            String ns = known.get(p);
            if (!declared.contains(p) && ns != null) {
                head.append("PREFIX ").append(p).append(": <").append(ns).append(">\n");
                added.add(p);
            }
        }
        return head.isEmpty() ? text : head + text;
    }

    /** Unknown classes and properties (errors), and properties their subjects' class never uses (warnings). */
    public static List<Issue> check(Query query, GraphProfile profile) {
        List<Issue> issues = new ArrayList<>();
        if (profile.classes().isEmpty() && profile.properties().isEmpty() || query.getQueryPattern() == null) {
            return issues;
        }
        PrefixMapping pm = query.getPrefixMapping();
        Set<String> reported = new LinkedHashSet<>();
        for (List<TriplePath> block : blocks(query.getQueryPattern())) {
            Map<Node, Set<String>> classesOf = new HashMap<>();
            for (TriplePath tp : block) {
                if (tp.isTriple() && tp.getPredicate().isURI() && tp.getPredicate().getURI().equals(RDF_TYPE)
                        && tp.getObject().isURI()) {
                    String c = tp.getObject().getURI();
                    if (profile.classProfile(c).isEmpty() && !ProfileBuilder.isMeta(c) && !c.startsWith(ProfileBuilder.SKOS)) {
                        if (reported.add(c)) {
                            issues.add(unknownClass(c, profile, pm));
                        }
                    } else {
                        classesOf.computeIfAbsent(tp.getSubject(), x -> new LinkedHashSet<>()).add(c);
                    }
                }
            }
            for (TriplePath tp : block) {
                for (String p : properties(tp)) {
                    if (p.equals(RDF_TYPE)) {
                        continue;
                    }
                    if (profile.property(p).isEmpty() || profile.property(p).get().triples() == 0) {
                        if (reported.add(p)) {
                            issues.add(unknownProperty(p, profile, pm));
                        }
                        continue;
                    }
                    if (tp.isTriple()) {
                        wrongClass(tp, p, classesOf, profile, pm, reported, issues);
                    }
                }
            }
        }
        return issues;
    }

    /**
     * Why a query returned no rows: the first triple pattern that matches nothing on its own (with what the data has
     * instead), else the first pattern that makes the conjunction empty, else the filters.
     *
     * @param asks runs an ASK and says whether it has a solution (bounded by the caller)
     */
    public static Optional<String> diagnoseEmpty(Query query, GraphProfile profile, Predicate<Query> asks) {
        if (query.getQueryPattern() == null) {
            return Optional.empty();
        }
        PrefixMapping pm = query.getPrefixMapping();
        List<TriplePath> patterns = topLevel(query.getQueryPattern());
        int budget = MAX_DIAGNOSIS_QUERIES;
        for (TriplePath tp : patterns) {
            if (budget-- <= 0) {
                return Optional.empty();
            }
            if (!asks.test(ask(pm, List.of(tp), null))) {
                StringBuilder why = new StringBuilder("The pattern `").append(text(tp, pm)).append("` matches nothing.");
                hint(tp, profile, pm, asks, why);
                return Optional.of(why.toString());
            }
        }
        for (int k = 2; k <= patterns.size() && budget-- > 0; k++) {
            if (!asks.test(ask(pm, patterns.subList(0, k), null))) {
                return Optional.of("Each triple pattern matches something, but not together: adding `"
                        + text(patterns.get(k - 1), pm) + "` to the patterns before it leaves no match. Check that its "
                        + "variables stand for the same things as before (the classes and directions in kg_schema).");
            }
        }
        boolean filters = hasFilter(query.getQueryPattern());
        return Optional.of("The triple patterns match" + (filters ? ", so a FILTER (or MINUS/OPTIONAL/VALUES) "
                + "removes every row: check the compared values' type and case (numbers stored as strings need "
                + "xsd:decimal(?v), text may carry a language tag: compare STR(?v))." : "; the rest of the query "
                + "(VALUES, LIMIT/OFFSET, a sub-query) removes every row."));
    }

    private static void hint(TriplePath tp, GraphProfile profile, PrefixMapping pm, Predicate<Query> asks,
            StringBuilder why) {
        Node s = tp.getSubject();
        Node o = tp.getObject();
        String p = tp.isTriple() && tp.getPredicate().isURI() ? tp.getPredicate().getURI() : null;
        for (Node n : List.of(s, o)) {
            if (n.isURI() && !asks.test(ask(pm, List.of(new TriplePath(n, new P_Link(Var.alloc("gg_p")),
                    Var.alloc("gg_o"))), null)) && !asks.test(ask(pm, List.of(new TriplePath(Var.alloc("gg_s"),
                            new P_Link(Var.alloc("gg_p")), n)), null))) {
                why.append(" `").append(FmtUtils.stringForNode(n, pm)).append("` does not occur in the graph: find the")
                        .append(" right IRI with kg_search.");
                return;
            }
        }
        if (p != null && !(o.isLiteral()) && asks.test(ask(pm, List.of(new TriplePath(
                o, new P_Link(tp.getPredicate()), s)), null)) && !s.equals(o)) {
            why.append(" It matches the other way round (opposite direction): write `").append(text(new TriplePath(o,
                    new P_Link(tp.getPredicate()), s), pm)).append("`.");
            return;
        }
        if (p != null && o.isLiteral()) {
            Var v = Var.alloc("gg_v");
            TriplePath loose = new TriplePath(s, new P_Link(tp.getPredicate()), v);
            String lex = o.getLiteralLexicalForm();
            Optional<PropertyProfile> pp = profile.property(p);
            if (pp.isPresent() && (pp.get().kind() == ValueKind.RESOURCE || pp.get().kind() == ValueKind.VALUE_NODE)) {
                why.append(" Values of ").append(FmtUtils.stringForNode(tp.getPredicate(), pm))
                        .append(" are resources, not text: find the IRI of \"").append(lex)
                        .append("\" with kg_search, or match its label.");
                return;
            }
            if (asks.test(ask(pm, List.of(loose), new E_Equals(new E_Str(new ExprVar(v)), new NodeValueString(lex))))) {
                why.append(" The value \"").append(lex).append("\" is there with another datatype or language tag: ")
                        .append("compare STR(?value) = \"").append(lex).append("\".");
                return;
            }
            if (asks.test(ask(pm, List.of(loose), new E_Equals(new E_StrLowerCase(new E_Str(new ExprVar(v))),
                    new NodeValueString(lex.toLowerCase(Locale.ROOT)))))) {
                why.append(" The value is there in another case: compare LCASE(STR(?value)) = \"")
                        .append(lex.toLowerCase(Locale.ROOT)).append("\".");
                return;
            }
            pp.ifPresent(x -> {
                List<String> examples = profile.classes().stream().flatMap(c -> c.properties().stream())
                        .filter(u -> u.property().equals(p)).flatMap(u -> u.categories() != null
                                ? u.categories().stream().map(Count::value) : u.examples().stream())
                        .distinct().limit(5).toList();
                if (!examples.isEmpty()) {
                    why.append(" Its values look like: ").append(String.join(", ", examples.stream()
                            .map(e -> "\"" + e + "\"").toList())).append('.');
                }
            });
        }
    }

    private static void wrongClass(TriplePath tp, String p, Map<Node, Set<String>> classesOf, GraphProfile profile,
            PrefixMapping pm, Set<String> reported, List<Issue> issues) {
        for (String c : classesOf.getOrDefault(tp.getSubject(), Set.of())) {
            ClassProfile cp = profile.classProfile(c).orElseThrow();
            if (cp.instances() == 0 || cp.use(p).isPresent() || !reported.add(c + " " + p)) {
                continue;
            }
            String pName = FmtUtils.stringForNode(tp.getPredicate(), pm);
            String cName = WellKnownPrefixes.compact(c, prefixes(pm, profile));
            boolean pointedAt = profile.classes().stream().anyMatch(other -> other.use(p).map(u -> u.objectClasses()
                    .stream().anyMatch(x -> x.value().equals(c))).orElse(false));
            StringBuilder m = new StringBuilder("Instances of ").append(cName).append(" never have ").append(pName);
            if (pointedAt) {
                m.append(" as subject; they are its objects, so the link runs in the opposite direction: write `?other ")
                        .append(pName).append(' ').append(FmtUtils.stringForNode(tp.getSubject(), pm))
                        .append("` (or the path ^").append(pName).append(")");
            }
            List<String> users = profile.property(p).map(PropertyProfile::domains).orElse(List.of());
            if (!users.isEmpty() && !pointedAt) {
                m.append("; it is used by ").append(String.join(", ", users.stream().limit(4)
                        .map(u -> WellKnownPrefixes.compact(u, prefixes(pm, profile))).toList()));
            }
            m.append(". Instances of ").append(cName).append(" have: ").append(String.join(", ", cp.properties().stream()
                    .limit(MAX_LISTED).map(u -> WellKnownPrefixes.compact(u.property(), prefixes(pm, profile))).toList()))
                    .append('.');
            issues.add(new Issue(Severity.WARNING, pName, m.toString()));
        }
    }

    private static Issue unknownClass(String c, GraphProfile profile, PrefixMapping pm) {
        Map<String, String> prefixes = prefixes(pm, profile);
        String written = WellKnownPrefixes.compact(c, prefixes);
        List<String> close = closest(c, profile.classes().stream().filter(x -> x.instances() > 0)
                .map(x -> new Candidate(x.iri(), names(x.iri(), x.name(), List.of()), x.instances())).toList());
        String message = "`" + written + "` is not a class in this graph" + (close.isEmpty()
                ? "; see kg_schema for its classes."
                : "; did you mean " + String.join(" or ", close.stream().map(x -> "`" + WellKnownPrefixes.compact(x,
                        prefixes) + "` (" + profile.classProfile(x).get().instances() + " instances)").toList()) + "?");
        return new Issue(Severity.ERROR, written, message);
    }

    private static Issue unknownProperty(String p, GraphProfile profile, PrefixMapping pm) {
        Map<String, String> prefixes = prefixes(pm, profile);
        String written = WellKnownPrefixes.compact(p, prefixes);
        List<String> close = closest(p, profile.properties().stream().filter(x -> x.triples() > 0)
                .map(x -> new Candidate(x.iri(), names(x.iri(), x.name(), x.names()), x.triples())).toList());
        boolean declared = profile.property(p).isPresent();
        String message = "`" + written + (declared ? "` is declared but no triple in the graph uses it"
                : "` does not exist in this graph") + (close.isEmpty()
                ? "; see kg_schema for the properties its instances use."
                : "; did you mean " + String.join(" or ", close.stream().map(x -> "`" + WellKnownPrefixes.compact(x,
                        prefixes) + "` (" + usage(x, profile, prefixes) + ")").toList()) + "?");
        boolean meta = ProfileBuilder.isMeta(p) || p.startsWith(ProfileBuilder.SKOS);
        if (meta && p.startsWith(ProfileBuilder.RDFS + "label")) {
            List<String> nameProps = profile.properties().stream().filter(PropertyProfile::nameLike)
                    .filter(x -> x.triples() > 0).map(x -> "`" + WellKnownPrefixes.compact(x.iri(), prefixes) + "`")
                    .toList();
            if (!nameProps.isEmpty()) {
                message = "`" + written + "` is not used in this graph; names are in " + String.join(", ", nameProps)
                        + ".";
            }
        }
        return new Issue(Severity.ERROR, written, message);
    }

    /** "country, 193 subjects": the class whose instances have the property most often, and how many do. */
    private static String usage(String p, GraphProfile profile, Map<String, String> prefixes) {
        PropertyUse best = null;
        ClassProfile at = null;
        for (ClassProfile c : profile.classes()) {
            PropertyUse u = c.use(p).orElse(null);
            if (u != null && (best == null || u.share() > best.share()
                    || u.share() == best.share() && u.subjects() > best.subjects())) {
                best = u;
                at = c;
            }
        }
        if (best == null) {
            return profile.property(p).map(x -> x.triples() + " triples").orElse("");
        }
        return at.name() + ", " + best.subjects() + " subjects";
    }

    private record Candidate(String iri, List<String> keys, long weight) {
    }

    private static List<String> names(String iri, String name, List<String> more) {
        List<String> keys = new ArrayList<>();
        keys.add(NameText.key(String.join(" ", NameText.words(NameText.localName(iri)))));
        if (name != null) {
            keys.add(NameText.key(name));
        }
        more.forEach(n -> keys.add(NameText.key(n)));
        return keys;
    }

    /** The candidates nearest to the unknown IRI's local name, by edit distance, then containment. */
    private static List<String> closest(String unknown, List<Candidate> candidates) {
        String key = NameText.key(String.join(" ", NameText.words(NameText.localName(unknown))));
        String squashed = key.replace(" ", "");
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            double best = Double.MAX_VALUE;
            for (String k : c.keys()) {
                if (k.isEmpty()) {
                    continue;
                }
                int max = Math.max(2, Math.min(4, Math.max(k.length(), key.length()) / 3));
                int d = Math.min(NameText.distance(key, k, max), NameText.distance(squashed, k.replace(" ", ""), max));
                if (d <= max) {
                    best = Math.min(best, d);
                } else if (k.length() >= 4 && key.length() >= 4 && (k.contains(key) || key.contains(k))) {
                    best = Math.min(best, max + 0.5);
                }
            }
            if (best < Double.MAX_VALUE) {
                scores.put(c.iri(), best - Math.min(0.4, Math.log10(1 + c.weight()) / 20));
            }
        }
        return scores.entrySet().stream().sorted(Map.Entry.comparingByValue()).limit(MAX_SUGGESTIONS)
                .map(Map.Entry::getKey).toList();
    }

    private static Map<String, String> prefixes(PrefixMapping pm, GraphProfile profile) {
        Map<String, String> all = new LinkedHashMap<>(profile.prefixes());
        all.putAll(pm.getNsPrefixMap());
        return all;
    }

    /** The IRIs of the plain links of a triple's predicate or path. */
    private static List<String> properties(TriplePath tp) {
        List<String> out = new ArrayList<>();
        if (tp.isTriple()) {
            if (tp.getPredicate().isURI()) {
                out.add(tp.getPredicate().getURI());
            }
            return out;
        }
        links(tp.getPath(), out);
        return out;
    }

    private static void links(Path path, List<String> out) {
        if (path instanceof P_Link link && link.getNode().isURI()) {
            out.add(link.getNode().getURI());
        } else if (path instanceof P_ReverseLink link && link.getNode().isURI()) {
            out.add(link.getNode().getURI());
        } else if (path instanceof P_Path1 p1) {
            links(p1.getSubPath(), out);
        } else if (path instanceof P_Path2 p2) {
            links(p2.getLeft(), out);
            links(p2.getRight(), out);
        }
    }

    /** Every basic graph pattern of the query, wherever it is. */
    private static List<List<TriplePath>> blocks(Element pattern) {
        List<List<TriplePath>> blocks = new ArrayList<>();
        ElementWalker.walk(pattern, new ElementVisitorBase() {
            @Override
            public void visit(ElementPathBlock el) {
                blocks.add(el.getPattern().getList());
            }
        });
        // a group's blocks share variables: check ?x a C in one block against ?x p ?o in another too
        List<TriplePath> all = new ArrayList<>();
        blocks.forEach(all::addAll);
        return blocks.size() > 1 ? List.of(all) : blocks;
    }

    /** The triple patterns of the query's top-level group (not inside OPTIONAL, MINUS, UNION or sub-queries). */
    private static List<TriplePath> topLevel(Element pattern) {
        List<TriplePath> out = new ArrayList<>();
        if (pattern instanceof ElementGroup g) {
            for (Element e : g.getElements()) {
                if (e instanceof ElementPathBlock b) {
                    out.addAll(b.getPattern().getList());
                } else if (e instanceof ElementGroup inner) {
                    out.addAll(topLevel(inner));
                }
            }
        } else if (pattern instanceof ElementPathBlock b) {
            out.addAll(b.getPattern().getList());
        }
        return out;
    }

    private static boolean hasFilter(Element pattern) {
        boolean[] found = { false };
        ElementWalker.walk(pattern, new ElementVisitorBase() {
            @Override
            public void visit(ElementFilter el) {
                found[0] = true;
            }

            @Override
            public void visit(ElementMinus el) {
                found[0] = true;
            }

            @Override
            public void visit(ElementOptional el) {
                found[0] = true;
            }

            @Override
            public void visit(ElementData el) {
                found[0] = true;
            }
        });
        return found[0];
    }

    private static Query ask(PrefixMapping pm, List<TriplePath> patterns, Expr filter) {
        Query q = new Query();
        q.setQueryAskType();
        q.setPrefixMapping(pm);
        ElementPathBlock block = new ElementPathBlock();
        patterns.forEach(block::addTriplePath);
        ElementGroup group = new ElementGroup();
        group.addElement(block);
        if (filter != null) {
            group.addElementFilter(new ElementFilter(filter));
        }
        q.setQueryPattern(group);
        return q;
    }

    private static String text(TriplePath tp, PrefixMapping pm) {
        String p = tp.isTriple() ? FmtUtils.stringForNode(tp.getPredicate(), pm)
                : tp.getPath().toString(new Prologue(pm));
        return FmtUtils.stringForNode(tp.getSubject(), pm) + " " + p + " " + FmtUtils.stringForNode(tp.getObject(), pm);
    }
}
