package io.groundgate.kg;

import java.time.Duration;

/**
 * What a caller allows one query: a time limit and a row limit. The server's maxima ({@code groundgate.kg.query-timeout},
 * {@code groundgate.kg.max-rows}) cap both; a null timeout or a non-positive row count means "the server maximum".
 *
 * @param timeout how long the query may run, or null for the server maximum
 * @param maxRows how many rows (or triples) to return at most, or 0 for the server maximum
 */
public record QueryLimits(Duration timeout, long maxRows) {

    /** The server maxima. */
    public static final QueryLimits SERVER_MAX = new QueryLimits(null, 0);

    public static QueryLimits of(Duration timeout, long maxRows) {
        return new QueryLimits(timeout, maxRows);
    }

    /** These limits, each capped by the server's maximum. */
    public QueryLimits cappedBy(Duration maxTimeout, long maxRowsCap) {
        Duration t = timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(maxTimeout) > 0
                ? maxTimeout
                : timeout;
        long rows = maxRows <= 0 || maxRows > maxRowsCap ? maxRowsCap : maxRows;
        return new QueryLimits(t, rows);
    }
}
