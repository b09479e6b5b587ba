package io.groundgate.kg.validation;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.engine.constraint.ClassConstraint;
import org.apache.jena.shacl.engine.constraint.DatatypeConstraint;
import org.apache.jena.shacl.engine.constraint.HasValueConstraint;
import org.apache.jena.shacl.engine.constraint.InConstraint;
import org.apache.jena.shacl.engine.constraint.MaxCount;
import org.apache.jena.shacl.engine.constraint.MinCount;
import org.apache.jena.shacl.engine.constraint.NodeKindConstraint;
import org.apache.jena.shacl.engine.constraint.PatternConstraint;
import org.apache.jena.shacl.engine.constraint.StrMaxLengthConstraint;
import org.apache.jena.shacl.engine.constraint.StrMinLengthConstraint;
import org.apache.jena.shacl.engine.constraint.ValueMaxExclusiveConstraint;
import org.apache.jena.shacl.engine.constraint.ValueMaxInclusiveConstraint;
import org.apache.jena.shacl.engine.constraint.ValueMinExclusiveConstraint;
import org.apache.jena.shacl.engine.constraint.ValueMinInclusiveConstraint;
import org.apache.jena.shacl.engine.constraint.ValueRangeConstraint;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.vocabulary.XSD;

/**
 * SHACL results in an expert's terms: the shape's name and a plain sentence with the fix ("`rail:elevation` must be an
 * `xsd:decimal`; found `3` (an integer) — write `3.0`") instead of Jena's constraint text.
 */
public final class ShaclMessages {

    private final Graph shapes;
    private final UnaryOperator<String> compact;

    public ShaclMessages(Graph shapes, UnaryOperator<String> compact) {
        this.shapes = shapes;
        this.compact = compact;
    }

    /** The shape's name: its IRI, or for a blank property shape, its node shape's IRI and the path. */
    public String shapeName(ReportEntry entry) {
        Node source = entry.source();
        if (source == null) {
            return "a shape";
        }
        if (source.isURI()) {
            return compact.apply(source.getURI());
        }
        List<Node> parents = shapes.find(Node.ANY, SHACL.property, source).mapWith(t -> t.getSubject()).toList();
        String path = entry.resultPath() == null ? null : path(entry);
        if (!parents.isEmpty() && parents.get(0).isURI()) {
            return compact.apply(parents.get(0).getURI()) + (path == null ? "" : " (property " + path + ")");
        }
        return path == null ? "an unnamed shape" : "the shape on " + path;
    }

    /** A plain sentence saying what is wrong and, where it is clear, how to fix it. */
    public String message(ReportEntry entry) {
        Constraint c = entry.constraint();
        String what = entry.resultPath() == null ? term(entry.focusNode()) : path(entry);
        Node value = entry.value();
        String found = value == null ? "" : "; found " + shown(value) + " (" + TermCheck.kindOf(value, compact) + ")";
        if (c instanceof DatatypeConstraint dt) {
            return "`" + what + "` must be " + article(compact.apply(dt.getDatatypeURI())) + found
                    + datatypeFix(dt.getDatatypeURI(), value);
        }
        if (c instanceof MinCount min) {
            return "`" + term(entry.focusNode()) + "` needs at least " + min.getMinCount() + " `" + what
                    + "` value" + (min.getMinCount() == 1 ? "" : "s") + "; add " + (min.getMinCount() == 1 ? "it" : "them")
                    + ".";
        }
        if (c instanceof MaxCount max) {
            return "`" + term(entry.focusNode()) + "` may have at most " + max.getMaxCount() + " `" + what
                    + "` value" + (max.getMaxCount() == 1 ? "" : "s") + "; remove the extra ones.";
        }
        if (c instanceof ClassConstraint cls) {
            String expected = term(cls.getExpectedClass());
            return "`" + what + "` must point to " + article(expected) + found + " — give it `a " + expected
                    + "` or point to one.";
        }
        if (c instanceof ValueRangeConstraint range) {
            String bound = range.getNodeValue().asNode().getLiteralLexicalForm();
            String op = c instanceof ValueMinInclusiveConstraint ? "at least " : c instanceof ValueMinExclusiveConstraint
                    ? "more than " : c instanceof ValueMaxInclusiveConstraint ? "at most "
                            : c instanceof ValueMaxExclusiveConstraint ? "less than " : "within ";
            return "`" + what + "` must be " + op + bound + found + ".";
        }
        if (c instanceof PatternConstraint pattern) {
            return "`" + what + "` must match the pattern `" + pattern.getPattern() + "`" + found + ".";
        }
        if (c instanceof InConstraint in) {
            return "`" + what + "` must be one of " + in.getValues().stream().map(this::shown)
                    .collect(Collectors.joining(", ")) + found + ".";
        }
        if (c instanceof NodeKindConstraint kind) {
            return "`" + what + "` must be " + nodeKind(kind.getKind()) + found + ".";
        }
        if (c instanceof HasValueConstraint has) {
            return "`" + what + "` must include " + shown(has.getValue()) + ".";
        }
        if (c instanceof StrMinLengthConstraint len) {
            return "`" + what + "` must be at least " + len.getMinLength() + " characters long" + found + ".";
        }
        if (c instanceof StrMaxLengthConstraint len) {
            return "`" + what + "` must be at most " + len.getMaxLength() + " characters long" + found + ".";
        }
        String raw = entry.message() == null ? "constraint violated" : entry.message();
        return "`" + what + "`: " + raw + (value == null || raw.contains(value.toString()) ? "" : found) + ".";
    }

    private String datatypeFix(String datatype, Node value) {
        if (value == null || !value.isLiteral()) {
            return ".";
        }
        String lexical = value.getLiteralLexicalForm();
        String found = value.getLiteralDatatypeURI();
        String integer = XSD.integer.getURI();
        if (found.equals(integer) && datatype.equals(XSD.decimal.getURI())) {
            return " — write `" + lexical + ".0`.";
        }
        if (found.equals(integer) && datatype.equals(XSD.xdouble.getURI())) {
            return " — write `" + lexical + ".0E0`.";
        }
        if (found.equals(XSD.decimal.getURI()) && datatype.equals(integer) && lexical.matches("[+-]?\\d+\\.0*")) {
            return " — write `" + lexical.substring(0, lexical.indexOf('.')) + "`.";
        }
        if (found.equals(XSD.xstring.getURI()) || value.getLiteralLanguage() != null
                && !value.getLiteralLanguage().isEmpty()) {
            var type = TypeMapper.getInstance().getTypeByName(datatype);
            if (type != null && type.isValid(lexical)) {
                return " — write `\"" + lexical + "\"^^" + compact.apply(datatype) + "`.";
            }
        }
        return ".";
    }

    private String path(ReportEntry entry) {
        return entry.resultPath() instanceof P_Link link ? term(link.getNode()) : entry.resultPath().toString();
    }

    private String term(Node node) {
        if (node == null) {
            return "?";
        }
        return node.isURI() ? compact.apply(node.getURI()) : node.isBlank() ? "[blank node]" : shown(node);
    }

    private String shown(Node node) {
        if (node.isLiteral()) {
            return "`" + node.getLiteralLexicalForm() + "`";
        }
        return "`" + term(node) + "`";
    }

    private static String nodeKind(Node kind) {
        String local = kind.isURI() ? kind.getLocalName() : String.valueOf(kind);
        return switch (local) {
            case "IRI" -> "an IRI";
            case "Literal" -> "a literal";
            case "BlankNode" -> "a blank node";
            case "BlankNodeOrIRI" -> "an IRI or blank node";
            case "IRIOrLiteral" -> "an IRI or literal";
            case "BlankNodeOrLiteral" -> "a blank node or literal";
            default -> local;
        };
    }

    private static String article(String term) {
        // read as spoken: "an `xsd:decimal`" (ex-ess-dee), "a `gg:Element`"
        boolean vowel = !term.isEmpty() && "aeiouxAEIOUX".indexOf(term.charAt(0)) >= 0;
        return (vowel ? "an `" : "a `") + term + "`";
    }
}
