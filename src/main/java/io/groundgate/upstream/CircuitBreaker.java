package io.groundgate.upstream;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A per-upstream breaker: after {@code threshold} consecutive failures it opens and refuses calls for
 * {@code openNanos}; then one trial call goes through (half-open) and its outcome closes or reopens it.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openNanos;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicLong openedAt = new AtomicLong(-1);
    private final AtomicInteger trialInFlight = new AtomicInteger();

    CircuitBreaker(int threshold, java.time.Duration openDuration) {
        this.threshold = Math.max(1, threshold);
        this.openNanos = openDuration.toNanos();
    }

    /** Whether a call may go out now; in half-open state only one trial call is allowed at a time. */
    boolean tryAcquire() {
        long opened = openedAt.get();
        if (opened < 0) {
            return true;
        }
        if (System.nanoTime() - opened < openNanos) {
            return false;
        }
        return trialInFlight.compareAndSet(0, 1);
    }

    void onSuccess() {
        consecutiveFailures.set(0);
        openedAt.set(-1);
        trialInFlight.set(0);
    }

    void onFailure() {
        if (trialInFlight.compareAndSet(1, 0) || consecutiveFailures.incrementAndGet() >= threshold) {
            openedAt.set(System.nanoTime());
        }
    }

    State state() {
        long opened = openedAt.get();
        if (opened < 0) {
            return State.CLOSED;
        }
        return System.nanoTime() - opened < openNanos ? State.OPEN : State.HALF_OPEN;
    }
}
