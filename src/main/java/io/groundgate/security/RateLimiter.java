package io.groundgate.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

/**
 * Decides whether a key may make one more request, in the configured {@link RateLimitStore}. A shared store that fails
 * or answers later than {@code groundgate.security.rate-limit.timeout} is handled by the failure policy: fail open onto
 * this replica's own bucket, or fail closed. After a failure the shared store is skipped for
 * {@code retry-after-failure}, so an outage costs no time per request. Every route that spends a key's budget calls
 * {@link #acquire}.
 * <p>
 * With a shared store, each request Redis admits is also taken from this replica's own bucket, so that bucket always
 * holds what this replica has left of the key's budget: failing open then admits at most that, not a fresh burst on top
 * of what Redis already granted. Every rate-limit decision is counted by who made it ({@code decided_by}: shared,
 * fallback, local) and its outcome, so an operator (and {@code SharedRateLimitIT}) can tell every admitted request's
 * source.
 */
@Startup
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    /** What the limiter decided for one request. */
    public sealed interface Decision {
    }

    /** The request may proceed. */
    public record Allowed() implements Decision {
    }

    /** Over the budget: a token is free again in {@code waitNanos}. */
    public record Limited(long waitNanos, RateLimit limit) implements Decision {
    }

    /** Over the daily token quota: {@code used} of {@code tokensPerDay} tokens today; the count resets at {@code resetsAt}. */
    public record QuotaExceeded(long used, long tokensPerDay, Instant resetsAt) implements Decision {
    }

    /** The shared store could not answer and the policy is to fail closed. */
    public record Unavailable(String reason) implements Decision {
    }

    private static final Decision ALLOWED = new Allowed();

    /** How long readiness waits for the first connection to Redis; after that the failure policy decides meanwhile. */
    static final Duration WARM_UP_LIMIT = Duration.ofSeconds(10);

    /** Who made a decision: the shared store, this replica's bucket after the shared store failed, or the local store. */
    private enum DecidedBy {
        SHARED, FALLBACK, LOCAL
    }

    /** A decision and who made it. */
    private record Sourced(Decision decision, DecidedBy by) {
    }

    private final RateLimitConfig config;
    private final Vertx vertx;
    private final Clock clock = Clock.systemUTC();
    private final RateLimitStore local = new LocalRateLimitStore();
    private final RateLimitStore shared;
    private final Counter failures;
    private final MeterRegistry registry;
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();
    private final AtomicBoolean outage = new AtomicBoolean();
    private volatile boolean skipping;
    private volatile long skipSharedUntil;
    /** The first connection to the shared store and its script load: done, failed, or given up after a while. */
    private final Future<Void> warmUp;

    @Inject
    public RateLimiter(RateLimitConfig config, Instance<Redis> redis, Vertx vertx, MeterRegistry registry) {
        this(config, config.store() == RateLimitConfig.Store.REDIS ? redis.get() : null, vertx, registry);
    }

    /** @param redis the shared store's client; used only with {@code store=redis} */
    RateLimiter(RateLimitConfig config, Redis redis, Vertx vertx, MeterRegistry registry) {
        this.config = config;
        this.vertx = vertx;
        this.registry = registry;
        this.shared = switch (config.store()) {
            case LOCAL -> null;
            case REDIS -> new RedisRateLimitStore(redis, config.redisKeyPrefix());
        };
        this.failures = Counter.builder("groundgate.ratelimit.store.failures")
                .description("Rate-limit decisions the shared store (Redis) failed, was too slow or was skipped to "
                        + "make after a failure; the failure policy (open: this replica's bucket, closed: 503) decided")
                .register(registry);
        if (shared instanceof RedisRateLimitStore redisStore) {
            LOG.infof("Rate limits are shared through Redis (timeout %d ms, fail %s).", config.timeout().toMillis(),
                    config.onStoreFailure().name().toLowerCase(Locale.ROOT));
            // Connect and load the script now, so the first request does not pay for either (readiness waits for it: a
            // first connection slower than the timeout would otherwise make the first requests fail open).
            Promise<Void> attempt = Promise.promise();
            long limit = vertx.setTimer(WARM_UP_LIMIT.toMillis(), id -> attempt.tryFail(new TimeoutException(
                    "no connection within " + WARM_UP_LIMIT.toSeconds() + " s")));
            redisStore.warmUp().onComplete(result -> {
                vertx.cancelTimer(limit);
                if (result.succeeded()) {
                    attempt.tryComplete();
                } else {
                    attempt.tryFail(result.cause());
                }
            });
            warmUp = attempt.future().onFailure(this::failed);
        } else {
            warmUp = Future.succeededFuture();
        }
    }

    /** The first connection to the shared store (complete at once with {@code store=local}); failed if it failed. */
    Future<Void> warmedUp() {
        return warmUp;
    }

    /** Whether the buckets live in a shared store (Redis) rather than in this replica's memory. */
    boolean sharedStore() {
        return shared != null;
    }

    /** Takes one token from the bucket of {@code keyName}; completes on the caller's Vert.x context. */
    public Future<Decision> acquire(String keyName, TokenBucket bucket) {
        return decide(store -> store.tryAcquire(keyName, bucket).map(wait -> decide(wait, bucket)),
                // admitted by Redis: also spent from this replica's bucket (a no-op when it is empty), so failing open
                // later grants only what this replica has left, not a new burst
                bucket::tryAcquire)
                .map(sourced -> {
                    count(sourced);
                    return sourced.decision();
                });
    }

    /**
     * Whether {@code keyName} is still under its daily token quota (UTC day). Only tokens of finished requests count, so a
     * request already running may overshoot the quota by its own tokens.
     */
    public Future<Decision> checkQuota(String keyName, long tokensPerDay) {
        LocalDate today = LocalDate.now(clock);
        return decide(store -> store.tokensUsed(keyName, today).map(used -> used < tokensPerDay ? ALLOWED
                : new QuotaExceeded(used, tokensPerDay, today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())),
                () -> { }).map(Sourced::decision);
    }

    /** Counts a finished request's tokens against the key's quota for today (UTC). */
    public void spend(String keyName, long tokens) {
        if (tokens <= 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        if (shared == null || skipping) {
            local.addTokens(keyName, today, tokens);
            return;
        }
        shared.addTokens(keyName, today, tokens).onFailure(e -> {
            failed(e);
            local.addTokens(keyName, today, tokens);
        });
    }

    /**
     * Asks the configured store, within the timeout; a failure or timeout is decided by the failure policy.
     * {@code onSharedAllowed} runs when the shared store admitted the request in time (its answer is the decision).
     */
    private Future<Sourced> decide(Function<RateLimitStore, Future<Decision>> ask, Runnable onSharedAllowed) {
        if (shared == null) {
            return askSafely(ask, local).map(d -> new Sourced(d, DecidedBy.LOCAL));
        }
        if (skipping) {
            if (System.nanoTime() - skipSharedUntil < 0) {
                return onFailure(ask);
            }
            skipping = false;
        }
        Promise<Decision> decision = Promise.promise();
        long timer = vertx.setTimer(Math.max(1, config.timeout().toMillis()),
                id -> decision.tryFail(new TimeoutException("no answer within " + config.timeout().toMillis() + " ms")));
        askSafely(ask, shared).onComplete(result -> {
            vertx.cancelTimer(timer);
            if (result.succeeded()) {
                decision.tryComplete(result.result());
            } else {
                decision.tryFail(result.cause());
            }
        });
        return decision.future().transform(result -> {
            if (result.succeeded()) {
                if (outage.compareAndSet(true, false)) {
                    LOG.info("The rate-limit store (Redis) answers again; limits are shared across replicas again.");
                }
                if (result.result() instanceof Allowed) {
                    onSharedAllowed.run();
                }
                return Future.succeededFuture(new Sourced(result.result(), DecidedBy.SHARED));
            }
            failed(result.cause());
            return onFailure(ask);
        });
    }

    /** A store that throws instead of failing its future still goes through the failure policy. */
    private static Future<Decision> askSafely(Function<RateLimitStore, Future<Decision>> ask, RateLimitStore store) {
        try {
            return ask.apply(store);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    /**
     * What to answer when no decision could be made at all (not even by the failure policy): refuse with 503, logged and
     * counted — never admit the request unchecked.
     */
    public Decision undecided(Throwable cause) {
        failures.increment();
        LOG.errorf(cause, "No rate-limit decision could be made; the request is refused with 503");
        return new Unavailable("The rate limit could not be checked; please try again shortly.");
    }

    private void failed(Throwable cause) {
        skipSharedUntil = System.nanoTime() + config.retryAfterFailure().toNanos();
        skipping = true;
        if (outage.compareAndSet(false, true)) {
            LOG.warnf("The rate-limit store (Redis) failed: %s. %s until it answers again.", cause.getMessage(),
                    config.onStoreFailure() == RateLimitConfig.FailurePolicy.OPEN
                            ? "Each replica applies its own buckets"
                            : "Rate-limited keys are refused with 503");
        }
    }

    private Future<Sourced> onFailure(Function<RateLimitStore, Future<Decision>> ask) {
        failures.increment();
        return switch (config.onStoreFailure()) {
            case OPEN -> askSafely(ask, local).map(d -> new Sourced(d, DecidedBy.FALLBACK));
            case CLOSED -> Future.succeededFuture(new Sourced(
                    new Unavailable("The rate-limit store is unavailable; please try again shortly."),
                    DecidedBy.FALLBACK));
        };
    }

    private void count(Sourced sourced) {
        String by = sourced.by().name().toLowerCase(Locale.ROOT);
        Decision decision = sourced.decision();
        String outcome = decision instanceof Allowed ? "allowed"
                : decision instanceof Limited ? "limited"
                : decision instanceof QuotaExceeded ? "quota_exceeded" : "unavailable";
        decisions.computeIfAbsent(by + '/' + outcome, k -> Counter.builder("groundgate.ratelimit.decisions")
                .description("Rate-limit decisions by who made them (shared: Redis; fallback: this replica's bucket or "
                        + "a 503 after Redis failed; local: store=local) and their outcome")
                .tag("decided_by", by).tag("outcome", outcome).register(registry)).increment();
    }

    private static Decision decide(long waitNanos, TokenBucket bucket) {
        return waitNanos > 0 ? new Limited(waitNanos, bucket.limit()) : ALLOWED;
    }
}
