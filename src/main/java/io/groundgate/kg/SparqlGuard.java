package io.groundgate.kg;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementAssign;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.update.UpdateFactory;

/**
 * Validates SPARQL before it runs: parses it (SPARQL 1.1), and refuses anything that is not a read-only
 * SELECT/ASK/CONSTRUCT/DESCRIBE or that uses {@code SERVICE}.
 */
public final class SparqlGuard {

    /** The longest query text {@link #parse(String)} accepts. */
    public static final int DEFAULT_MAX_LENGTH = 100_000;

    private SparqlGuard() {
    }

    /** Parses and checks a query of at most {@link #DEFAULT_MAX_LENGTH} characters. */
    public static Query parse(String text) {
        return parse(text, DEFAULT_MAX_LENGTH);
    }

    /**
     * Parses and checks a query.
     *
     * @throws SparqlException SYNTAX (with line and column), REFUSED (an update, SERVICE, or another form), TOO_LARGE
     */
    public static Query parse(String text, int maxLength) {
        if (text == null || text.isBlank()) {
            throw SparqlException.syntax("The query is empty.", 1, 1);
        }
        if (text.length() > maxLength) {
            throw new SparqlException(SparqlException.Kind.TOO_LARGE,
                    "The query is " + text.length() + " characters long; at most " + maxLength + " are accepted.");
        }
        Query query;
        try {
            query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            if (isUpdate(text)) {
                throw SparqlException.refused("The SPARQL endpoint is read-only: updates are not accepted.");
            }
            throw SparqlException.syntax(cleanMessage(e), e.getLine(), e.getColumn());
        } catch (RuntimeException e) {
            throw SparqlException.syntax("The query could not be parsed: " + e.getMessage(), -1, -1);
        }
        check(query);
        return query;
    }

    /**
     * Checks an already built query: only SELECT, ASK, CONSTRUCT and DESCRIBE, and no {@code SERVICE} anywhere (also in
     * sub-queries and EXISTS).
     *
     * @throws SparqlException REFUSED
     */
    public static void check(Query query) {
        if (!(query.isSelectType() || query.isAskType() || query.isConstructType() || query.isDescribeType())) {
            throw SparqlException.refused("Only SELECT, ASK, CONSTRUCT and DESCRIBE queries are accepted.");
        }
        if (query.getQueryPattern() != null && usesService(query.getQueryPattern())) {
            throw SparqlException.refused("SERVICE (federated query) is not allowed.");
        }
    }

    private static boolean usesService(Element element) {
        boolean[] found = { false };
        ElementWalker.walk(element, new ElementVisitorBase() {
            @Override
            public void visit(ElementService el) {
                found[0] = true;
            }

            @Override
            public void visit(ElementSubQuery el) {
                Element inner = el.getQuery().getQueryPattern();
                if (inner != null && usesService(inner)) {
                    found[0] = true;
                }
            }

            @Override
            public void visit(ElementFilter el) {
                found[0] |= exprUsesService(el.getExpr());
            }

            @Override
            public void visit(ElementBind el) {
                found[0] |= exprUsesService(el.getExpr());
            }

            @Override
            public void visit(ElementAssign el) {
                found[0] |= exprUsesService(el.getExpr());
            }
        });
        return found[0];
    }

    private static boolean exprUsesService(Expr expr) {
        boolean[] found = { false };
        Walker.walk(expr, new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionOp op) {
                if (op.getElement() != null && usesService(op.getElement())) {
                    found[0] = true;
                }
            }
        });
        return found[0];
    }

    private static boolean isUpdate(String text) {
        try {
            UpdateFactory.create(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String cleanMessage(QueryParseException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline).strip();
        }
        if (message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        return "SPARQL syntax error at line " + e.getLine() + ", column " + e.getColumn() + ": " + message;
    }
}
