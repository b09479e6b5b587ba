package io.groundgate.security;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Future;

/** The buckets and token counts in this process's memory: lock-free, exact for one replica, N× the limit for N. */
public final class LocalRateLimitStore implements RateLimitStore {

    /** One key's token count for one day; a new day replaces it, so old days cost no memory. */
    private record DayCount(LocalDate day, AtomicLong tokens) {
    }

    private final Map<String, DayCount> tokensByKey = new ConcurrentHashMap<>();

    @Override
    public Future<Long> tryAcquire(String keyName, TokenBucket bucket) {
        return Future.succeededFuture(bucket.tryAcquire());
    }

    @Override
    public Future<Long> tokensUsed(String keyName, LocalDate day) {
        DayCount count = tokensByKey.get(keyName);
        return Future.succeededFuture(count != null && count.day().equals(day) ? count.tokens().get() : 0L);
    }

    @Override
    public Future<Long> addTokens(String keyName, LocalDate day, long tokens) {
        DayCount count = tokensByKey.compute(keyName, (name, previous) -> previous != null && previous.day().equals(day)
                ? previous : new DayCount(day, new AtomicLong()));
        return Future.succeededFuture(count.tokens().addAndGet(tokens));
    }
}
