package io.groundgate.tools.declarative;

import java.math.BigDecimal;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.kg.LabelIndex;

/**
 * Rows in the plain shape a model reads best: numbers as JSON numbers (exact decimals), booleans as booleans, text as
 * strings, entities as {@code {iri, label}}.
 */
final class RowJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RowJson() {
    }

    static ObjectNode row(Binding b, List<Var> vars, LabelIndex labels) {
        ObjectNode row = JSON.objectNode();
        for (Var v : vars) {
            Node n = b.get(v);
            if (n != null) {
                row.set(v.getVarName(), value(n, labels));
            }
        }
        return row;
    }

    static JsonNode value(Node n, LabelIndex labels) {
        if (n.isURI()) {
            ObjectNode o = JSON.objectNode().put("iri", n.getURI());
            labels.labelOf(n.getURI()).ifPresent(l -> o.put("label", l));
            return o;
        }
        if (!n.isLiteral()) {
            return JSON.textNode(n.toString());
        }
        String lexical = n.getLiteralLexicalForm();
        Object dt = n.getLiteralDatatype();
        try {
            if (dt instanceof XSDDatatype x && isNumeric(x)) {
                return JSON.numberNode(new BigDecimal(lexical.strip()));
            }
            if (XSDDatatype.XSDboolean.equals(dt)) {
                return JSON.booleanNode(Boolean.parseBoolean(lexical.strip()) || lexical.strip().equals("1"));
            }
        } catch (NumberFormatException e) {
            // INF, NaN or an ill-typed value: keep the text
        }
        return JSON.textNode(lexical);
    }

    /** The text a placeholder stands for: an entity's label (else its IRI), a literal's lexical form. */
    static String text(Node n, LabelIndex labels) {
        if (n == null) {
            return "";
        }
        if (n.isURI()) {
            return labels.labelOf(n.getURI()).orElse(n.getURI());
        }
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    private static boolean isNumeric(XSDDatatype x) {
        return x.equals(XSDDatatype.XSDdecimal) || x.equals(XSDDatatype.XSDinteger) || x.equals(XSDDatatype.XSDdouble)
                || x.equals(XSDDatatype.XSDfloat) || x.equals(XSDDatatype.XSDint) || x.equals(XSDDatatype.XSDlong)
                || x.equals(XSDDatatype.XSDnonNegativeInteger) || x.equals(XSDDatatype.XSDpositiveInteger);
    }
}
