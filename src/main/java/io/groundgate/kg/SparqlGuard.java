package io.groundgate.kg;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.update.UpdateFactory;

/**
 * Validates SPARQL before it runs: parses it (SPARQL 1.1), and refuses anything that is not a read-only
 * SELECT/ASK/CONSTRUCT/DESCRIBE, that uses {@code SERVICE} anywhere, names a dataset ({@code FROM}, {@code FROM NAMED}),
 * calls {@code java:} code, or is nested or chained deeper than the depth limit (see {@link QueryShape}). Every entry
 * point ({@code /sparql}, the tools, the local planner) parses here, and {@link GraphSnapshot#query} checks again.
 *
 * <p>Parsed queries are kept in a small LRU cache keyed by their text (and depth limit): the local planner and the tools
 * send the same generated texts again and again, and parsing was about a third of a planner question. A returned
 * {@link Query} may therefore be shared between threads and callers: treat it as read-only. Nothing in the gateway
 * changes one (execution binds values through {@code QueryExec}'s substitution and {@link GuardedRegex} rewrites into
 * a copy, both of which leave the parsed query as it was); code that wants to change a query must copy it first
 * ({@link Query#cloneQuery()} or {@code QueryTransformOps}).
 */
public final class SparqlGuard {

    /** The longest query text {@link #parse(String)} accepts. */
    public static final int DEFAULT_MAX_LENGTH = 100_000;

    /** The deepest nesting or chaining accepted by default ({@code groundgate.kg.max-query-depth}). */
    public static final int DEFAULT_MAX_DEPTH = 100;

    /** How many parsed queries the cache keeps (least recently used first out). */
    static final int CACHE_ENTRIES = 1024;

    /** Longer texts are parsed every time, so the cache holds at most ~{@code CACHE_ENTRIES × 8k} characters of text. */
    static final int CACHE_MAX_TEXT = 8 * 1024;

    private record Key(String text, int maxDepth) {
    }

    private static final LruCache<Key, Query> CACHE = new LruCache<>(CACHE_ENTRIES);

    private SparqlGuard() {
    }

    /** Parses and checks a query of at most {@link #DEFAULT_MAX_LENGTH} characters. */
    public static Query parse(String text) {
        return parse(text, DEFAULT_MAX_LENGTH);
    }

    /** Parses and checks a query with the default depth limit. */
    public static Query parse(String text, int maxLength) {
        return parse(text, maxLength, DEFAULT_MAX_DEPTH);
    }

    /**
     * Parses and checks a query.
     *
     * @throws SparqlException SYNTAX (with line and column), REFUSED (an update, SERVICE, a dataset, too deep, or another
     *         form), TOO_LARGE
     */
    public static Query parse(String text, int maxLength, int maxDepth) {
        if (text == null || text.isBlank()) {
            throw SparqlException.syntax("The query is empty.", 1, 1);
        }
        if (text.length() > maxLength) {
            throw new SparqlException(SparqlException.Kind.TOO_LARGE,
                    "The query is " + text.length() + " characters long; at most " + maxLength + " are accepted.");
        }
        // Jena's parser recurses once per bracket and turns a stack overflow into an empty message: count first
        if (QueryShape.bracketDepth(text) > maxDepth) {
            throw QueryShape.tooDeep(maxDepth);
        }
        Key key = text.length() <= CACHE_MAX_TEXT ? new Key(text, maxDepth) : null;
        Query cached = key == null ? null : CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        Query query = parseChecked(text, maxDepth);
        if (key != null) {
            CACHE.put(key, query);
        }
        return query;
    }

    private static Query parseChecked(String text, int maxDepth) {
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
        check(query, maxDepth);
        query.setResultVars(); // fixed before the query is shared (execution would otherwise set them on first use)
        return query;
    }

    /** How many parsed queries are cached now (for tests). */
    static int cachedQueries() {
        return CACHE.size();
    }

    /** Checks an already built query with the default depth limit. */
    public static void check(Query query) {
        check(query, DEFAULT_MAX_DEPTH);
    }

    /**
     * Checks an already built query: only SELECT, ASK, CONSTRUCT and DESCRIBE; no {@code SERVICE}, dataset clause or
     * {@code java:} function anywhere (also in HAVING, BIND, EXISTS and sub-queries); at most {@code maxDepth} deep.
     *
     * @throws SparqlException REFUSED
     */
    public static void check(Query query, int maxDepth) {
        if (!(query.isSelectType() || query.isAskType() || query.isConstructType() || query.isDescribeType())) {
            throw SparqlException.refused("Only SELECT, ASK, CONSTRUCT and DESCRIBE queries are accepted.");
        }
        QueryShape.check(query, maxDepth);
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
        String message = e.getMessage() == null || e.getMessage().isBlank() ? "the query could not be parsed"
                : e.getMessage().strip();
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
