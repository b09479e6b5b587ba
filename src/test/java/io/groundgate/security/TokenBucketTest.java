package io.groundgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(123_456_789L);
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void allowsTheBurstAtOnceThenSaysHowLongToWait() {
        TokenBucket bucket = new TokenBucket(new RateLimit(60, 3), clock::get);

        assertThat(bucket.tryAcquire()).isZero();
        assertThat(bucket.tryAcquire()).isZero();
        assertThat(bucket.tryAcquire()).isZero();
        assertThat(bucket.tryAcquire()).isEqualTo(SECOND);
    }

    @Test
    void refillsOneTokenPerInterval() {
        TokenBucket bucket = new TokenBucket(new RateLimit(60, 2), clock::get);
        bucket.tryAcquire();
        bucket.tryAcquire();

        clock.addAndGet(SECOND / 2);
        assertThat(bucket.tryAcquire()).isEqualTo(SECOND / 2);
        clock.addAndGet(SECOND / 2);
        assertThat(bucket.tryAcquire()).isZero();
        assertThat(bucket.tryAcquire()).isPositive();
    }

    @Test
    void neverHoldsMoreThanTheBurstAfterAnIdlePeriod() {
        TokenBucket bucket = new TokenBucket(new RateLimit(60, 2), clock::get);
        clock.addAndGet(3600 * SECOND);

        assertThat(bucket.tryAcquire()).isZero();
        assertThat(bucket.tryAcquire()).isZero();
        assertThat(bucket.tryAcquire()).isPositive();
    }

    @Test
    void parallelCallersTakeExactlyTheTokensThereAre() throws Exception {
        TokenBucket bucket = new TokenBucket(new RateLimit(60, 10), clock::get);

        assertThat(hammer(bucket, 8, 500)).isEqualTo(10);
        clock.addAndGet(3 * SECOND);
        assertThat(hammer(bucket, 8, 500)).isEqualTo(3);
        clock.addAndGet(100 * SECOND);
        assertThat(hammer(bucket, 8, 500)).isEqualTo(10);
    }

    /** Threads released together, each trying {@code attempts} times; returns how many got a token. */
    private int hammer(TokenBucket bucket, int threads, int attempts) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                int granted = 0;
                for (int i = 0; i < attempts; i++) {
                    if (bucket.tryAcquire() == 0) {
                        granted++;
                    }
                }
                return granted;
            }));
        }
        int total = 0;
        for (Future<Integer> result : results) {
            total += result.get(30, TimeUnit.SECONDS);
        }
        return total;
    }
}
