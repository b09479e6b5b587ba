package io.groundgate.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The breaker's states, on a clock the test moves. */
class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofSeconds(30), now::get);

    @Test
    void opensAfterTheThresholdAndRefusesUntilTheOpenDurationHasPassed() {
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void halfOpenLetsOneTrialThroughAndItsSuccessCloses() {
        openIt();
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).as("the trial").isTrue();
        assertThat(breaker.tryAcquire()).as("a second call while the trial runs").isFalse();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void aFailedTrialReopensForAnotherFullDuration() {
        openIt();
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(breaker.tryAcquire()).isFalse();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void aTrialThatSaysNothingAboutTheUpstreamFreesTheSlotWithoutClosing() {
        openIt();
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onNeutral();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).as("the next call is the trial").isTrue();
    }

    private void openIt() {
        breaker.onFailure();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    }
}
