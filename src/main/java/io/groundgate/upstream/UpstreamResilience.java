package io.groundgate.upstream;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the gateway does when an upstream fails: which failures are worth another try, how long to wait, and each
 * upstream's circuit breaker. Shared by the passthrough relay and the grounded route.
 */
@ApplicationScoped
public class UpstreamResilience {

    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Map<String, io.micrometer.core.instrument.Timer> latencies = new ConcurrentHashMap<>();

    public UpstreamResilience(UpstreamRegistry upstreams, MeterRegistry meters) {
        this.meters = meters;
        upstreams.all().values().forEach(u -> {
            CircuitBreaker breaker = new CircuitBreaker(u.breakerFailureThreshold(), u.breakerOpenDuration());
            breakers.put(u.name(), breaker);
            io.micrometer.core.instrument.Gauge.builder("groundgate.upstream.breaker.open", breaker,
                    b -> b.state() == CircuitBreaker.State.CLOSED ? 0 : 1).tag("upstream", u.name())
                    .description("1 while the upstream's circuit breaker is open or half-open, else 0").register(meters);
        });
    }

    /** Whether a call to {@code upstream} may go out now. */
    public boolean permit(Upstream upstream) {
        return breaker(upstream).tryAcquire();
    }

    /** Failures in a row that the upstream's breaker has counted (what decides when it opens). */
    public int consecutiveFailures(Upstream upstream) {
        return breaker(upstream).consecutiveFailures();
    }

    public void succeeded(Upstream upstream) {
        breaker(upstream).onSuccess();
    }

    /**
     * Records a failure. Only an upstream fault counts against the upstream's breaker; anything else (the upstream's
     * answer that the request was wrong, the client's own mistake, a failure inside the gateway) counts neither way.
     */
    public void failed(Upstream upstream, GatewayException failure) {
        if (upstreamFault(failure)) {
            breaker(upstream).onFailure();
        } else {
            breaker(upstream).onNeutral();
        }
    }

    /**
     * The one place that decides whether a failure is the upstream's fault: it could not be reached, timed out, broke
     * the connection, answered 5xx or something that is not an OpenAI answer ({@link ErrorKind#UPSTREAM},
     * {@link ErrorKind#TIMEOUT}), or asked to slow down (429, 408). Only these are retried, fall back to the next upstream
     * and feed the breaker. A client's mistake and a failure inside the gateway are never the upstream's fault, whatever
     * their status.
     */
    public static boolean upstreamFault(GatewayException failure) {
        return switch (failure.kind()) {
            case UPSTREAM, TIMEOUT, RATE_LIMITED -> true;
            default -> failure.status() == 408;
        };
    }

    /** Upstream faults may succeed on another try or another upstream; nothing else is worth repeating. */
    public static boolean retryable(GatewayException failure) {
        return upstreamFault(failure);
    }

    /** Whether to try the same upstream again: not when it asked for a long pause (better to fall back or tell the client). */
    public static boolean retrySame(GatewayException failure) {
        return retryable(failure) && !(failure.status() == 429 && retryAfterMillis(failure).isEmpty()
                && failure.headers().containsKey("Retry-After"));
    }

    /**
     * Runs a blocking call along a fallback chain with this policy: retries with backoff, breakers, then the next
     * upstream. Used by the grounded route, whose LangChain4j calls block on a worker thread. Once {@code committed}
     * says the client has seen part of the answer, a failure is final.
     */
    public <T> T callBlocking(List<Upstream> chain, Function<Upstream, T> call,
            BooleanSupplier committed) {
        GatewayException last = null;
        for (int i = 0; i < chain.size(); i++) {
            Upstream upstream = chain.get(i);
            for (int attempt = 1; attempt <= upstream.retries() + 1; attempt++) {
                if (!permit(upstream)) {
                    last = last == null ? breakerOpen(upstream) : last;
                    break;
                }
                try {
                    T result = call.apply(upstream);
                    succeeded(upstream);
                    return result;
                } catch (GatewayException e) {
                    failed(upstream, e);
                    last = e;
                    if (!retryable(e) || committed.getAsBoolean()) {
                        throw e;
                    }
                    if (!retrySame(e) || attempt > upstream.retries()) {
                        break;
                    }
                    countRetry(upstream);
                    sleep(backoffMillis(upstream, attempt, e));
                } catch (RuntimeException e) {
                    // a failure inside the gateway says nothing about the upstream: free a half-open trial and rethrow
                    breaker(upstream).onNeutral();
                    throw e;
                }
            }
            if (i + 1 < chain.size()) {
                countFallback(upstream);
            }
        }
        throw last;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(ErrorKind.UNAVAILABLE, "The request was interrupted.");
        }
    }

    /** Milliseconds to wait before retry number {@code attempt} (1-based): exponential, full jitter, Retry-After honoured. */
    public long backoffMillis(Upstream upstream, int attempt, GatewayException failure) {
        long cap = upstream.retryBackoff().toMillis() << Math.min(attempt - 1, 10);
        long jittered = ThreadLocalRandom.current().nextLong(Math.max(1, cap) + 1);
        return Math.max(jittered, retryAfterMillis(failure).orElse(0L));
    }

    /** Time until the upstream's response headers (or its failure), by outcome: ok, or the error code. */
    public void recordLatency(Upstream upstream, String outcome, long nanos) {
        // looked up once per (upstream, outcome): building and registering a timer per call showed in the profile
        latencies.computeIfAbsent(upstream.name() + '\n' + outcome, k -> io.micrometer.core.instrument.Timer
                .builder("groundgate.upstream.duration")
                .description("Time until an upstream's response headers or failure")
                .tags("upstream", upstream.name(), "outcome", outcome)
                .publishPercentileHistogram()
                .register(meters))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void countRetry(Upstream upstream) {
        io.micrometer.core.instrument.Counter.builder("groundgate.upstream.retries").tag("upstream", upstream.name())
                .description("Calls retried on the same upstream").register(meters).increment();
    }

    public void countFallback(Upstream from) {
        io.micrometer.core.instrument.Counter.builder("groundgate.upstream.fallbacks").tag("from", from.name())
                .description("Calls passed on from an upstream to the next in the fallback chain").register(meters)
                .increment();
    }

    public static GatewayException breakerOpen(Upstream upstream) {
        return new GatewayException(ErrorKind.UNAVAILABLE, 503, "The upstream '" + upstream.name()
                + "' is failing and its circuit breaker is open; try again shortly.", null, "upstream_circuit_open",
                Map.of("Retry-After", String.valueOf(Math.max(1, upstream.breakerOpenDuration().toSeconds()))));
    }

    private static Optional<Long> retryAfterMillis(GatewayException failure) {
        String value = failure.headers().get("Retry-After");
        if (value == null) {
            return Optional.empty();
        }
        try {
            // honour short waits only: a long Retry-After is better passed on to the client
            long seconds = Long.parseLong(value.trim());
            return seconds <= 5 ? Optional.of(seconds * 1000) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private CircuitBreaker breaker(Upstream upstream) {
        return breakers.computeIfAbsent(upstream.name(),
                n -> new CircuitBreaker(upstream.breakerFailureThreshold(), upstream.breakerOpenDuration()));
    }
}
