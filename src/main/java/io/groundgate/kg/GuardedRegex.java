package io.groundgate.kg;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.ExprTransformer;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * REGEX and REPLACE that stop when their query does. java.util.regex backtracks, so a pattern like {@code ^(.*a){16}$}
 * runs for minutes on a short string, and Jena's timeout only cancels between rows, not inside one function call. These
 * versions match over a {@link CharSequence} that checks, every few hundred characters read, the query's cancel signal,
 * its deadline and the thread's interrupt, and ends the query with {@link QueryCancelledException}. The semantics are
 * Jena's: the same flags (through {@link RegexEngine#makePattern}), the same argument checks.
 * <p>
 * {@link #rewrite(Query)} swaps them in for every REGEX and REPLACE of a query, wherever they are: WHERE, BIND, SELECT
 * expressions, GROUP BY, HAVING, ORDER BY, aggregates, EXISTS and sub-queries.
 */
final class GuardedRegex {

    /** The context key holding the query's deadline, a {@link System#nanoTime()} value. */
    static final Symbol DEADLINE = Symbol.create("urn:groundgate:kg:deadline");

    /** How many characters a match reads between two checks; a check costs a volatile read and a clock read. */
    private static final int CHECK_EVERY = 256;

    private static final String NOT_FOLDED = "evaluated when the query runs, with its deadline";

    /**
     * Whether a query uses REGEX or REPLACE, per query object: serialising a query to look costs more than running a
     * small one (the local planner runs the same parsed template with other bindings over and over, SparqlGuard's
     * parse cache hands out the same object for the same text). Parsed queries are never changed once built (see
     * SparqlGuard), so the answer holds for the object's life; bounded, least recently used first out.
     */
    private static final LruCache<Scanned, Boolean> SCANNED = new LruCache<>(2048);
    private static final AtomicLong scans = new AtomicLong();

    private GuardedRegex() {
    }

    /** The query with every REGEX and REPLACE replaced by its guarded version; the same query when it has none. */
    static Query rewrite(Query query) {
        if (!usesRegex(query)) {
            return query;
        }
        return QueryTransformOps.transform(query, new ElementTransformCopyBase(), new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunctionN func, ExprList args) {
                if (func instanceof E_Regex && !(func instanceof Match)) {
                    return new Match(args);
                }
                if (func instanceof E_StrReplace && !(func instanceof Replace)) {
                    return new Replace(args);
                }
                return super.transform(func, args);
            }

            @Override
            public Expr transform(ExprAggregator agg) {
                // ExprTransformCopy leaves an aggregate's arguments alone: SAMPLE(REPLACE(…)) must be guarded too
                ExprList args = agg.getAggregator().getExprList();
                if (args == null || args.isEmpty()) {
                    return agg;
                }
                return new ExprAggregator(agg.getVar(), agg.getAggregator().copy(ExprTransformer.transform(this, args)));
            }
        });
    }

    /** Whether the query may use either function (a cheap text test: a false positive only costs a copy). */
    private static boolean usesRegex(Query query) {
        Scanned key = new Scanned(query);
        Boolean known = SCANNED.get(key);
        if (known != null) {
            return known;
        }
        scans.incrementAndGet();
        String text = query.toString().toLowerCase(Locale.ROOT);
        boolean uses = text.contains("regex") || text.contains("replace");
        SCANNED.put(key, uses);
        return uses;
    }

    /** How many queries have been serialised to look for REGEX and REPLACE since start (for tests). */
    static long scans() {
        return scans.get();
    }

    /** A query by identity: two equal texts parsed twice are two queries, one parsed query run twice is one. */
    private record Scanned(Query query) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Scanned s && s.query == query;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(query);
        }
    }

    /** REGEX(text, pattern [, flags]). */
    static final class Match extends E_Regex {

        private final Pattern fixed;

        Match(ExprList args) {
            super(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
            this.fixed = constantPattern(args, "REGEX");
        }

        /** Refuses constant folding, which calls this at optimisation time without the query's deadline. */
        @Override
        public NodeValue eval(List<NodeValue> args) {
            throw new ExprEvalException(NOT_FOLDED);
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            Node text = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0));
            Pattern pattern = fixed != null ? fixed : pattern(args, "REGEX");
            return NodeValue.booleanReturn(pattern.matcher(Guarded.of(text.getLiteralLexicalForm(), env)).find());
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Match(newArgs);
        }
    }

    /** REPLACE(text, pattern, replacement [, flags]). */
    static final class Replace extends E_StrReplace {

        private final Pattern fixed;

        Replace(ExprList args) {
            super(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
            this.fixed = constantPattern(withoutReplacement(args), "REPLACE");
        }

        /** Refuses constant folding, which calls this at optimisation time without the query's deadline. */
        @Override
        public NodeValue eval(List<NodeValue> args) {
            throw new ExprEvalException(NOT_FOLDED);
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            Node text = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(0));
            String replacement = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(2)).getLiteralLexicalForm();
            Pattern pattern = fixed != null ? fixed
                    : pattern(args.size() > 3 ? List.of(args.get(0), args.get(1), args.get(3))
                            : List.of(args.get(0), args.get(1)), "REPLACE");
            String result;
            try {
                Matcher m = pattern.matcher(Guarded.of(text.getLiteralLexicalForm(), env));
                result = m.replaceAll(replacement);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new ExprEvalException("REPLACE: " + e.getMessage());
            }
            String lang = text.getLiteralLanguage();
            return lang == null || lang.isEmpty() ? NodeValue.makeString(result) : NodeValue.makeLangString(result, lang);
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Replace(newArgs);
        }

        private static ExprList withoutReplacement(ExprList args) {
            ExprList list = new ExprList(args.get(0));
            list.add(args.get(1));
            if (args.size() > 3) {
                list.add(args.get(3));
            }
            return list;
        }
    }

    /** The compiled pattern when pattern and flags are constants, else null (compiled per row). */
    private static Pattern constantPattern(ExprList args, String fn) {
        Expr p = args.get(1);
        Expr f = args.size() > 2 ? args.get(2) : null;
        if (!p.isConstant() || f != null && !f.isConstant()) {
            return null;
        }
        try {
            return compile(p.getConstant(), f == null ? null : f.getConstant(), fn);
        } catch (ExprEvalException e) {
            return null; // reported when evaluated, as Jena does
        }
    }

    private static Pattern pattern(List<NodeValue> args, String fn) {
        return compile(args.get(1), args.size() > 2 ? args.get(2) : null, fn);
    }

    private static Pattern compile(NodeValue pattern, NodeValue flags, String fn) {
        String p = NodeValueOps.checkAndGetStringLiteral(fn, pattern).getLiteralLexicalForm();
        String f = flags == null ? null : NodeValueOps.checkAndGetStringLiteral(fn, flags).getLiteralLexicalForm();
        try {
            return RegexEngine.makePattern(fn, p, f);
        } catch (PatternSyntaxException e) {
            throw new ExprEvalException(fn + ": bad pattern: " + e.getDescription());
        }
    }

    /** A string that ends the query when it is cancelled, past its deadline or interrupted, while a regex reads it. */
    static final class Guarded implements CharSequence {

        private final String text;
        private final AtomicBoolean cancelled;
        private final long deadline;
        private final boolean hasDeadline;
        private int reads;

        private Guarded(String text, AtomicBoolean cancelled, long deadline, boolean hasDeadline) {
            this.text = text;
            this.cancelled = cancelled;
            this.deadline = deadline;
            this.hasDeadline = hasDeadline;
        }

        static Guarded of(String text, FunctionEnv env) {
            AtomicBoolean cancelled = env instanceof ExecutionContext ec ? ec.getCancelSignal() : null;
            Context context = env == null ? null : env.getContext();
            Object deadline = context == null ? null : context.get(DEADLINE);
            return deadline instanceof Long d ? new Guarded(text, cancelled, d, true)
                    : new Guarded(text, cancelled, 0, false);
        }

        @Override
        public char charAt(int index) {
            if (++reads % CHECK_EVERY == 0) {
                check();
            }
            return text.charAt(index);
        }

        private void check() {
            if (cancelled != null && cancelled.get() || hasDeadline && System.nanoTime() - deadline > 0
                    || Thread.currentThread().isInterrupted()) {
                throw new QueryCancelledException();
            }
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.substring(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
