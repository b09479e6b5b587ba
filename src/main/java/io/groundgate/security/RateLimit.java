package io.groundgate.security;

/**
 * A key's request budget: up to {@code burst} requests at once, refilled at {@code requestsPerMinute}.
 *
 * @param requestsPerMinute sustained rate, at least 1
 * @param burst bucket size, at least 1
 */
public record RateLimit(int requestsPerMinute, int burst) {

    public RateLimit {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("requests-per-minute must be at least 1 (got " + requestsPerMinute + ")");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1 (got " + burst + ")");
        }
    }

    /** Nanoseconds between two requests at the sustained rate. */
    long intervalNanos() {
        return 60_000_000_000L / requestsPerMinute;
    }
}
