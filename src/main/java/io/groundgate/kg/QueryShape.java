package io.groundgate.kg;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementAssign;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementExists;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementLateral;
import org.apache.jena.sparql.syntax.ElementMinus;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementNotExists;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;
import org.apache.jena.sparql.syntax.ElementUnion;

/**
 * What a query may not be: nested or chained deeper than the depth limit (Jena parses, compiles and evaluates
 * recursively, so 5,000 UNIONs or 2,500 OPTIONALs overflow the stack), federated ({@code SERVICE} anywhere: in the
 * pattern, HAVING, BIND, EXISTS, sub-queries), or calling Java code by IRI ({@code java:} functions and property
 * functions). Checked on the query's syntax before anything is compiled or run.
 * <p>
 * The depth is an upper bound of the evaluation depth: a group or UNION of n parts compiles to a chain of n binary
 * operators, an expression {@code 1+1+…+1} to a chain of n functions, a path {@code p/p/…/p} to a chain of n steps.
 * Recursion here follows only bracket nesting, which {@link #bracketDepth(String)} bounds in the text before parsing;
 * chains are measured with loops.
 */
final class QueryShape {

    /** The prefix of IRIs that make Jena load and run a Java class by name. */
    private static final String JAVA_SCHEME = "java:";

    private final int maxDepth;

    private QueryShape(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /** Refuses a query deeper than {@code maxDepth} or using SERVICE or java: IRIs. */
    static void check(Query query, int maxDepth) {
        new QueryShape(maxDepth).query(query);
    }

    /**
     * The deepest nesting of {@code { ( [} in a query text, skipping strings, IRIs and comments, with a loop (the text
     * is not parsed yet, and Jena's parser recurses once per bracket).
     */
    static int bracketDepth(String text) {
        int depth = 0;
        int max = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '{', '(', '[' -> max = Math.max(max, ++depth);
                case '}', ')', ']' -> depth = Math.max(0, depth - 1);
                case '#' -> {
                    while (i + 1 < n && text.charAt(i + 1) != '\n' && text.charAt(i + 1) != '\r') {
                        i++;
                    }
                }
                case '"', '\'' -> i = endOfString(text, i);
                case '<' -> i = endOfIri(text, i);
                default -> {
                }
            }
        }
        return max;
    }

    /** The index of a string's closing quote (of '…', "…", '''…''' or """…"""), or the last index. */
    private static int endOfString(String text, int start) {
        char q = text.charAt(start);
        boolean isLong = text.startsWith(String.valueOf(q).repeat(3), start);
        int i = start + (isLong ? 3 : 1);
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == q && (!isLong || text.startsWith(String.valueOf(q).repeat(3), i))) {
                return isLong ? i + 2 : i;
            }
            if (!isLong && (c == '\n' || c == '\r')) {
                return i;
            }
            i++;
        }
        return text.length() - 1;
    }

    /** The index of the '>' ending an IRI that starts at {@code start}, or {@code start} when '<' is an operator. */
    private static int endOfIri(String text, int start) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '>') {
                return i;
            }
            if (c <= ' ' || "<\"{}|^`\\".indexOf(c) >= 0) {
                return start;
            }
        }
        return start;
    }

    static SparqlException tooDeep(int maxDepth) {
        return SparqlException.refused("The query is nested or chained more than " + maxDepth + " levels deep"
                + " (groundgate.kg.max-query-depth): split long UNION, OPTIONAL or expression chains, use VALUES for"
                + " alternatives, or nest fewer groups.");
    }

    private int query(Query q) {
        if (q.hasDatasetDescription()) {
            throw SparqlException.refused("FROM and FROM NAMED are not supported: every query runs over the served"
                    + " graph (the union of all files). Select one file's graph with GRAPH <urn:groundgate:graph:<file"
                    + " name>> { … } instead.");
        }
        int depth = q.getQueryPattern() == null ? 0 : element(q.getQueryPattern());
        if (q.hasGroupBy()) {
            depth = Math.max(depth, exprs(q.getGroupBy()));
        }
        depth = Math.max(depth, exprs(q.getHavingExprs()));
        if (q.getOrderBy() != null) {
            for (SortCondition s : q.getOrderBy()) {
                depth = Math.max(depth, expr(s.getExpression()));
            }
        }
        depth = Math.max(depth, exprs(q.getProject()));
        for (ExprAggregator agg : q.getAggregators()) {
            depth = Math.max(depth, exprs(agg.getAggregator().getExprList() == null ? List.of()
                    : agg.getAggregator().getExprList().getList()));
        }
        // modifiers (project, group, having, order, slice) sit on top of the pattern
        return limit(depth + 5);
    }

    private int exprs(VarExprList list) {
        int depth = 0;
        for (Expr e : list.getExprs().values()) {
            depth = Math.max(depth, expr(e));
        }
        return depth;
    }

    private int exprs(List<Expr> list) {
        int depth = 0;
        for (Expr e : list) {
            depth = Math.max(depth, expr(e));
        }
        return depth;
    }

    private int element(Element el) {
        if (el instanceof ElementGroup g) {
            return chain(g.getElements());
        }
        if (el instanceof ElementUnion u) {
            return chain(u.getElements());
        }
        if (el instanceof ElementOptional o) {
            return limit(element(o.getOptionalElement()) + 1);
        }
        if (el instanceof ElementMinus m) {
            return limit(element(m.getMinusElement()) + 1);
        }
        if (el instanceof ElementNamedGraph g) {
            return limit(element(g.getElement()) + 1);
        }
        if (el instanceof ElementLateral l) {
            return limit(element(l.getLateralElement()) + 1);
        }
        if (el instanceof ElementExists e) {
            return limit(element(e.getElement()) + 1);
        }
        if (el instanceof ElementNotExists e) {
            return limit(element(e.getElement()) + 1);
        }
        if (el instanceof ElementSubQuery s) {
            return limit(query(s.getQuery()) + 1);
        }
        if (el instanceof ElementService) {
            throw SparqlException.refused("SERVICE (federated query) is not allowed.");
        }
        if (el instanceof ElementFilter f) {
            return limit(expr(f.getExpr()) + 1);
        }
        if (el instanceof ElementBind b) {
            return limit(expr(b.getExpr()) + 1);
        }
        if (el instanceof ElementAssign a) {
            return limit(expr(a.getExpr()) + 1);
        }
        if (el instanceof ElementPathBlock p) {
            int depth = Math.max(1, p.getPattern().size());
            for (TriplePath tp : p.getPattern()) {
                checkPredicate(tp.getPredicate());
                if (tp.getPath() != null) {
                    depth = Math.max(depth, path(tp.getPath()) + 1);
                }
            }
            return limit(depth);
        }
        if (el instanceof ElementTriplesBlock t) {
            t.getPattern().forEach(tr -> checkPredicate(tr.getPredicate()));
            return limit(Math.max(1, t.getPattern().size()));
        }
        return 1;
    }

    /** Parts combined left to right: part i sits n - i levels below the top. */
    private int chain(List<Element> parts) {
        int n = parts.size();
        limit(n);
        int depth = n;
        for (int i = 0; i < n; i++) {
            depth = Math.max(depth, element(parts.get(i)) + (n - i));
        }
        return limit(depth);
    }

    /** An expression's depth, with a loop; EXISTS patterns inside it are measured as elements. */
    private int expr(Expr root) {
        if (root == null) {
            return 0;
        }
        int max = 0;
        Deque<Expr> exprs = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        exprs.push(root);
        depths.push(1);
        while (!exprs.isEmpty()) {
            Expr e = exprs.pop();
            int d = limit(depths.pop());
            max = Math.max(max, d);
            if (e instanceof ExprFunctionOp op && op.getElement() != null) {
                max = Math.max(max, limit(d + element(op.getElement())));
            }
            if (e instanceof E_Function f && f.getFunctionIRI() != null && f.getFunctionIRI().startsWith(JAVA_SCHEME)) {
                throw SparqlException.refused("Functions named by java: IRIs are not allowed.");
            }
            if (e instanceof ExprFunction f) {
                for (Expr arg : f.getArgs()) {
                    exprs.push(arg);
                    depths.push(d + 1);
                }
            }
        }
        return max;
    }

    /** A property path's depth, with a loop. */
    private int path(Path root) {
        int max = 0;
        Deque<Path> paths = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        paths.push(root);
        depths.push(1);
        while (!paths.isEmpty()) {
            Path p = paths.pop();
            int d = limit(depths.pop());
            max = Math.max(max, d);
            if (p instanceof P_Link link) {
                checkPredicate(link.getNode());
            } else if (p instanceof P_Path1 one) {
                paths.push(one.getSubPath());
                depths.push(d + 1);
            } else if (p instanceof P_Path2 two) {
                paths.push(two.getLeft());
                depths.push(d + 1);
                paths.push(two.getRight());
                depths.push(d + 1);
            }
        }
        return max;
    }

    private static void checkPredicate(Node p) {
        if (p != null && p.isURI() && p.getURI().startsWith(JAVA_SCHEME)) {
            throw SparqlException.refused("Property functions named by java: IRIs are not allowed.");
        }
    }

    /** Stops measuring as soon as the limit is passed, so a huge query costs no more than a small one. */
    private int limit(int depth) {
        if (depth > maxDepth) {
            throw tooDeep(maxDepth);
        }
        return depth;
    }
}
