package io.groundgate.security;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A lock-free token bucket, written as the generic cell rate algorithm: one {@link AtomicLong} holds the theoretical
 * arrival time of the next request, and each request advances it by one interval with compare-and-set. A request is
 * refused when that time lies more than {@code burst - 1} intervals ahead of now. Parallel callers can therefore never
 * take more than the bucket holds.
 */
public final class TokenBucket {

    private final RateLimit limit;
    private final long interval;
    private final long tolerance;
    private final LongSupplier nanoClock;
    private final AtomicLong theoreticalArrival;

    public TokenBucket(RateLimit limit) {
        this(limit, System::nanoTime);
    }

    TokenBucket(RateLimit limit, LongSupplier nanoClock) {
        this.limit = limit;
        this.interval = limit.intervalNanos();
        this.tolerance = interval * (limit.burst() - 1L);
        this.nanoClock = nanoClock;
        this.theoreticalArrival = new AtomicLong(nanoClock.getAsLong());
    }

    public RateLimit limit() {
        return limit;
    }

    /**
     * Takes one token.
     *
     * @return 0 when the request may proceed, else the nanoseconds until a token is free
     */
    public long tryAcquire() {
        while (true) {
            long now = nanoClock.getAsLong();
            long current = theoreticalArrival.get();
            long start = current - now > 0 ? current : now; // max(current, now), overflow-safe for nanoTime
            long ahead = start - now;
            if (ahead > tolerance) {
                return ahead - tolerance;
            }
            if (theoreticalArrival.compareAndSet(current, start + interval)) {
                return 0;
            }
        }
    }
}
