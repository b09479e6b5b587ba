package io.groundgate.security;

import java.time.LocalDate;

import io.vertx.core.Future;

/**
 * Holds the API keys' token buckets and daily token counts: this process's memory, or a store shared by every replica.
 */
public sealed interface RateLimitStore permits LocalRateLimitStore, RedisRateLimitStore {

    /**
     * Takes one token from the bucket of {@code keyName}.
     *
     * @param bucket the key's limit, and its bucket in this process's memory
     * @return 0 when the request may proceed, else the nanoseconds until a token is free; failed when the store could not
     *         answer
     */
    Future<Long> tryAcquire(String keyName, TokenBucket bucket);

    /** The tokens {@code keyName} has used on {@code day} (UTC); 0 when none were counted. */
    Future<Long> tokensUsed(String keyName, LocalDate day);

    /**
     * Adds {@code tokens} to the count of {@code keyName} for {@code day} (UTC); the count is dropped when that day ends.
     *
     * @return the new count
     */
    Future<Long> addTokens(String keyName, LocalDate day, long tokens);
}
