package io.groundgate.kg.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;

/**
 * Warnings an expert can act on, for a version that otherwise loads: a property or class used in the data but declared
 * nowhere (where its namespace's ontology declares its terms), with the closest declared term; and literals that
 * contradict a property's declared {@code rdfs:range}. Warnings do not reject a version.
 */
public final class TermCheck {

    /** Warnings reported per version; more are counted, not listed. */
    public static final int MAX_WARNINGS = 100;

    private final DeclaredTerms terms;
    private final UnaryOperator<String> compact;

    /**
     * @param compact renders an IRI as {@code prefix:local} where a prefix fits
     */
    public TermCheck(DeclaredTerms terms, UnaryOperator<String> compact) {
        this.terms = terms;
        this.compact = compact;
    }

    /** Checks every file against the declarations of all of them. */
    public static List<Finding> check(List<SourceGraph> files, UnaryOperator<String> compact) {
        return new TermCheck(DeclaredTerms.of(files), compact).run(files);
    }

    private record Use(String file, Triple first, Position at, boolean asClass, int[] count) {
    }

    List<Finding> run(List<SourceGraph> files) {
        Map<String, Use> undeclared = new LinkedHashMap<>();
        List<Finding> ranges = new ArrayList<>();
        int rangeCount = 0;
        for (SourceGraph f : files) {
            for (Triple t : (Iterable<Triple>) () -> f.graph().find(Node.ANY, Node.ANY, Node.ANY)) {
                Node p = t.getPredicate();
                noteIfUndeclared(undeclared, f, t, p, false);
                if (p.equals(RDF.type.asNode()) && t.getObject().isURI()) {
                    noteIfUndeclared(undeclared, f, t, t.getObject(), true);
                }
                String problem = rangeProblem(p, t.getObject());
                if (problem != null && rangeCount++ < MAX_WARNINGS) {
                    ranges.add(Finding.at(f.file(), f.positions().of(t), problem));
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        undeclared.forEach((iri, use) -> findings.add(Finding.at(use.file(), use.at(), undeclaredMessage(iri, use))));
        findings.addAll(ranges);
        if (rangeCount > MAX_WARNINGS) {
            findings.add(new Finding(null, -1, -1, "… and " + (rangeCount - MAX_WARNINGS)
                    + " more literals that contradict a declared range."));
        }
        return findings.size() > MAX_WARNINGS + 1 ? List.copyOf(findings.subList(0, MAX_WARNINGS + 1)) : findings;
    }

    private void noteIfUndeclared(Map<String, Use> seen, SourceGraph f, Triple t, Node term, boolean asClass) {
        if (!term.isURI() || !terms.declaresNamespaceOf(term.getURI()) || terms.isDeclared(term.getURI())) {
            return;
        }
        Use use = seen.get(term.getURI());
        if (use == null) {
            seen.put(term.getURI(), new Use(f.file(), t, f.positions().of(t), asClass, new int[] {1}));
        } else {
            use.count()[0]++;
            Position here = f.positions().of(t);
            if (use.file().equals(f.file()) && here != null && (use.at() == null || here.line() < use.at().line())) {
                seen.put(term.getURI(), new Use(use.file(), t, here, asClass, use.count()));
            }
        }
    }

    private String undeclaredMessage(String iri, Use use) {
        String kind = use.asClass() ? "class" : "property";
        String closest = Closest.to(iri, use.asClass() ? terms.classes() : terms.properties());
        StringBuilder s = new StringBuilder().append('`').append(compact.apply(iri)).append("` is not declared");
        if (closest != null) {
            s.append("; did you mean `").append(compact.apply(closest)).append("`?");
        } else {
            s.append(" in the loaded ontologies; declare the ").append(kind).append(" there or fix the name.");
        }
        if (use.count()[0] > 1) {
            s.append(" (used ").append(use.count()[0]).append(" times)");
        }
        return s.toString();
    }

    /** What is wrong with an object given the predicate's declared range, or null. */
    String rangeProblem(Node predicate, Node object) {
        if (!predicate.isURI()) {
            return null;
        }
        Node range = terms.range(predicate.getURI());
        if (range == null || !range.isURI()) {
            return null;
        }
        String p = compact.apply(predicate.getURI());
        String r = compact.apply(range.getURI());
        boolean literalRange = range.getURI().startsWith(XSD.getURI()) || range.equals(RDFS.Literal.asNode())
                || range.equals(RDF.langString.asNode());
        if (!literalRange) {
            if (object.isLiteral() && !range.equals(RDFS.Resource.asNode())) {
                return "`" + p + "` has range `" + r + "` (a resource); found the literal " + quoted(object)
                        + " — point to a resource instead.";
            }
            return null;
        }
        if (!object.isLiteral()) {
            return "`" + p + "` has range `" + r + "` (a literal); found the resource `"
                    + (object.isURI() ? compact.apply(object.getURI()) : "[blank node]") + "`.";
        }
        if (!range.getURI().startsWith(XSD.getURI())) {
            return null;
        }
        RDFDatatype expected = TypeMapper.getInstance().getTypeByName(range.getURI());
        if (!(expected instanceof XSDDatatype xsd) || xsd.isValidLiteral(object.getLiteral())) {
            return null;
        }
        String lexical = object.getLiteralLexicalForm();
        String fix = xsd.isValid(lexical) ? " — write `" + lexical + "` as an " + r + " (without quotes or with ^^" + r
                + ")." : ".";
        return "`" + p + "` has range `" + r + "`; found " + quoted(object) + " (" + kindOf(object, compact) + ")" + fix;
    }

    private static String quoted(Node literal) {
        return "\"" + literal.getLiteralLexicalForm() + "\"";
    }

    /** "a string", "an integer", "a text in en", … */
    static String kindOf(Node literal, UnaryOperator<String> compact) {
        if (!literal.isLiteral()) {
            return "a resource";
        }
        String lang = literal.getLiteralLanguage();
        if (lang != null && !lang.isEmpty()) {
            return "a text tagged @" + lang;
        }
        String dt = literal.getLiteralDatatypeURI();
        return switch (dt.startsWith(XSD.getURI()) ? dt.substring(XSD.getURI().length()) : "") {
            case "string" -> "a string";
            case "integer" -> "an integer";
            case "decimal" -> "a decimal";
            case "double" -> "a double";
            case "boolean" -> "a boolean";
            case "date" -> "a date";
            default -> "typed " + compact.apply(dt);
        };
    }
}
