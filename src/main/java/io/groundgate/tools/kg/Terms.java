package io.groundgate.tools.kg;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.riot.out.NodeFmtLib;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RDF terms as JSON and text, and IRIs from what a model typed. */
public final class Terms {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern PREFIXED = Pattern.compile("([A-Za-z][A-Za-z0-9_.-]*)?:([A-Za-z0-9_][A-Za-z0-9_.\\-]*)");
    private static final Pattern ABSOLUTE = Pattern.compile("(?i)(https?|urn|tag|mailto|file):.+");

    private Terms() {
    }

    /** A term in the SPARQL 1.1 JSON results style: type, value, and datatype or lang for literals. */
    public static ObjectNode json(Node node) {
        ObjectNode term = JSON.objectNode();
        if (node.isURI()) {
            term.put("type", "uri").put("value", node.getURI());
        } else if (node.isBlank()) {
            term.put("type", "bnode").put("value", node.getBlankNodeLabel());
        } else if (node.isLiteral()) {
            term.put("type", "literal").put("value", node.getLiteralLexicalForm());
            String lang = node.getLiteralLanguage();
            if (lang != null && !lang.isEmpty()) {
                term.put("lang", lang);
            } else if (node.getLiteralDatatypeURI() != null) {
                term.put("datatype", node.getLiteralDatatypeURI());
            }
        } else {
            term.put("type", "unknown").put("value", node.toString());
        }
        return term;
    }

    /** An IRI as itself, a literal in Turtle form ({@code "8.96"^^xsd:decimal}, {@code "Gold"@en}). */
    public static String text(Node node) {
        if (node.isURI()) {
            return node.getURI();
        }
        if (node.isBlank()) {
            return "_:" + node.getBlankNodeLabel();
        }
        return NodeFmtLib.strTTL(node);
    }

    /**
     * The IRI a model meant: an absolute IRI (optionally in angle brackets) or a prefixed name with a known prefix;
     * empty for anything else (a label, or text that is not a valid IRI).
     */
    public static Optional<String> iri(String text, Map<String, String> prefixes) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.startsWith("<") && t.endsWith(">")) {
            t = t.substring(1, t.length() - 1);
        }
        var prefixed = PREFIXED.matcher(t);
        if (prefixed.matches()) {
            String ns = prefixes.get(prefixed.group(1) == null ? "" : prefixed.group(1));
            if (ns != null) {
                return valid(ns + prefixed.group(2));
            }
        }
        return ABSOLUTE.matcher(t).matches() ? valid(t) : Optional.empty();
    }

    private static Optional<String> valid(String iri) {
        try {
            IRIx parsed = IRIx.create(iri);
            return parsed.isReference() && !parsed.hasViolations() ? Optional.of(iri) : Optional.empty();
        } catch (IRIException e) {
            return Optional.empty();
        }
    }
}
