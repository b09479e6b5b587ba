package io.groundgate.upstream;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A per-upstream breaker: after {@code threshold} consecutive failures it opens and refuses calls for
 * {@code openDuration}; then one trial call goes through (half-open) and its outcome closes or reopens it. Time comes
 * from an injected nanosecond clock, so the states can be tested without waiting.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openNanos;
    private final LongSupplier clock;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicLong openedAt = new AtomicLong(-1);
    private final AtomicInteger trialInFlight = new AtomicInteger();

    CircuitBreaker(int threshold, Duration openDuration) {
        this(threshold, openDuration, System::nanoTime);
    }

    CircuitBreaker(int threshold, Duration openDuration, LongSupplier nanoClock) {
        this.threshold = Math.max(1, threshold);
        this.openNanos = openDuration.toNanos();
        this.clock = nanoClock;
    }

    /** Whether a call may go out now; in half-open state only one trial call is allowed at a time. */
    boolean tryAcquire() {
        long opened = openedAt.get();
        if (opened < 0) {
            return true;
        }
        if (clock.getAsLong() - opened < openNanos) {
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
            openedAt.set(clock.getAsLong());
        }
    }

    /**
     * A call that says nothing about the upstream's health (the client's own mistake, a failure inside the gateway):
     * counts neither way, but frees the half-open trial slot so the next call can be the trial.
     */
    void onNeutral() {
        trialInFlight.set(0);
    }

    int consecutiveFailures() {
        return consecutiveFailures.get();
    }

    State state() {
        long opened = openedAt.get();
        if (opened < 0) {
            return State.CLOSED;
        }
        return clock.getAsLong() - opened < openNanos ? State.OPEN : State.HALF_OPEN;
    }
}
