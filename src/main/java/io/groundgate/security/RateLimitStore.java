package io.groundgate.security;

import io.vertx.core.Future;

/** Holds the API keys' token buckets: this process's memory, or a store shared by every replica. */
public sealed interface RateLimitStore permits LocalRateLimitStore, RedisRateLimitStore {

    /**
     * Takes one token from the bucket of {@code keyName}.
     *
     * @param bucket the key's limit, and its bucket in this process's memory
     * @return 0 when the request may proceed, else the nanoseconds until a token is free; failed when the store could not
     *         answer
     */
    Future<Long> tryAcquire(String keyName, TokenBucket bucket);
}
