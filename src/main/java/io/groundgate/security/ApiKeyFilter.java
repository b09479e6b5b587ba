package io.groundgate.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.groundgate.api.ErrorResponses;
import io.groundgate.api.RequestUsage;
import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.groundgate.chat.Usage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks the client API key on {@code /v1/**} and {@code /sparql}: a missing or unknown key gets 401
 * {@code invalid_api_key}; a key over its budget gets 429 {@code rate_limit_exceeded} with {@code Retry-After}, a key
 * over its daily token quota 429 {@code token_quota_exceeded} with {@code Retry-After} until the next UTC midnight. The
 * caller is then left on the routing context for {@link AccessPolicy}. Runs after the request id is set (-1000) and
 * before the admin guard (-900).
 */
@ApplicationScoped
public class ApiKeyFilter {

    public static final int ORDER = -950;

    private static final Logger LOG = Logger.getLogger(ApiKeyFilter.class);

    private final ApiKeyStore keys;
    private final RateLimiter rateLimiter;
    private final MeterRegistry registry;
    private final Counter missing;
    private final Counter invalid;
    private final Map<String, Counter> rateLimited = new ConcurrentHashMap<>();
    private final Map<String, Counter> quotaRejections = new ConcurrentHashMap<>();

    public ApiKeyFilter(ApiKeyStore keys, RateLimiter rateLimiter, MeterRegistry registry) {
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.registry = registry;
        this.missing = rejections(registry, "missing_api_key");
        this.invalid = rejections(registry, "invalid_api_key");
    }

    void register(@Observes Router router) {
        router.route("/v1/*").order(ORDER).handler(this::check);
        router.routeWithRegex("/sparql(/.*)?").order(ORDER).handler(this::check);
        router.routeWithRegex("/mcp(/.*)?").order(ORDER).handler(this::check); // the MCP server: same keys and limits
    }

    private void check(RoutingContext ctx) {
        if (keys.open()) {
            AccessPolicy.setCaller(ctx, Caller.ANONYMOUS);
            ctx.next();
            return;
        }
        String presented = BearerToken.from(ctx.request());
        if (presented == null || presented.isEmpty()) {
            missing.increment();
            LOG.debugf("refused %s %s: no API key", ctx.request().method(), ctx.request().path());
            unauthorized(ctx, "You didn't provide an API key. Send it as 'Authorization: Bearer <key>'.");
            return;
        }
        ApiKeyStore.Entry entry = keys.find(presented).orElse(null);
        if (entry == null) {
            invalid.increment();
            LOG.debugf("refused %s %s: unknown API key", ctx.request().method(), ctx.request().path());
            unauthorized(ctx, "Incorrect API key provided.");
            return;
        }
        ApiKey key = entry.key();
        // named before the decision: a request refused below is still logged under its key, yet admitted by nothing
        AccessPolicy.recognise(ctx, key.name());
        // the quota first: a request it refuses takes no token from the rate limit
        Future<RateLimiter.Decision> decision = key.tokensPerDay().isPresent()
                ? rateLimiter.checkQuota(key.name(), key.tokensPerDay().getAsLong())
                : Future.succeededFuture(new RateLimiter.Allowed());
        if (entry.bucket() != null) {
            decision = decision.compose(d -> d instanceof RateLimiter.Allowed
                    ? rateLimiter.acquire(key.name(), entry.bucket())
                    : Future.succeededFuture(d));
        }
        decision.onComplete(result -> {
            // A decision that failed outright is no permission: before, its null result fell through to "allowed" and
            // admitted the request past the limit, unlogged and uncounted.
            RateLimiter.Decision decided = result.succeeded() ? result.result()
                    : rateLimiter.undecided(result.cause());
            if (decided instanceof RateLimiter.Limited limited) {
                tooManyRequests(ctx, key, limited);
            } else if (decided instanceof RateLimiter.QuotaExceeded exceeded) {
                overQuota(ctx, key, exceeded);
            } else if (decided instanceof RateLimiter.Unavailable unavailable) {
                ErrorResponses.write(ctx.response(), new GatewayException(ErrorKind.UNAVAILABLE, 503,
                        unavailable.reason(), null, "rate_limit_store_unavailable", Map.of("Retry-After", "1")));
            } else {
                if (key.tokensPerDay().isPresent()) {
                    // counted when the answer is complete: RequestUsage then holds the request's total
                    ctx.addEndHandler(ended -> rateLimiter.spend(key.name(), tokens(RequestUsage.tokens(ctx))));
                }
                AccessPolicy.setCaller(ctx, new Caller(key.name(), key.models()));
                ctx.next();
            }
        });
    }

    private static long tokens(Usage usage) {
        return usage == null ? 0 : Math.max(usage.totalTokens(), usage.promptTokens() + usage.completionTokens());
    }

    private void overQuota(RoutingContext ctx, ApiKey key, RateLimiter.QuotaExceeded exceeded) {
        quotaRejections.computeIfAbsent(key.name(), name -> Counter.builder("groundgate.quota.rejections")
                .tag("key", name).description("Requests refused because the API key had used its daily token quota")
                .register(registry)).increment();
        long seconds = Math.max(1, Duration.between(Instant.now(), exceeded.resetsAt()).toSeconds() + 1);
        LOG.debugf("refused %s %s: API key '%s' over its token quota", ctx.request().method(), ctx.request().path(),
                key.name());
        ErrorResponses.write(ctx.response(), new GatewayException(ErrorKind.RATE_LIMITED, 429,
                "Token quota exceeded for API key '" + key.name() + "': " + exceeded.tokensPerDay()
                        + " tokens per day, " + exceeded.used() + " used today (UTC). The quota resets at "
                        + exceeded.resetsAt() + "; please try again in " + seconds + "s.",
                null, "token_quota_exceeded", Map.of("Retry-After", Long.toString(seconds))));
    }

    private void tooManyRequests(RoutingContext ctx, ApiKey key, RateLimiter.Limited limited) {
        rateLimited.computeIfAbsent(key.name(), name -> Counter.builder("groundgate.ratelimit.rejections")
                .tag("key", name).description("Requests refused because the API key was over its rate limit")
                .register(registry)).increment();
        long seconds = Math.max(1, (limited.waitNanos() + 999_999_999L) / 1_000_000_000L);
        RateLimit limit = limited.limit();
        LOG.debugf("refused %s %s: API key '%s' over its rate limit", ctx.request().method(), ctx.request().path(),
                key.name());
        ErrorResponses.write(ctx.response(), new GatewayException(ErrorKind.RATE_LIMITED, 429,
                "Rate limit reached for API key '" + key.name() + "': " + limit.requestsPerMinute()
                        + " requests per minute (burst " + limit.burst() + "). Please try again in " + seconds + "s.",
                null, "rate_limit_exceeded", Map.of("Retry-After", Long.toString(seconds))));
    }

    private static void unauthorized(RoutingContext ctx, String message) {
        ErrorResponses.write(ctx.response(), new GatewayException(ErrorKind.AUTHENTICATION, 401, message, null,
                "invalid_api_key", Map.of("WWW-Authenticate", "Bearer")));
    }

    private static Counter rejections(MeterRegistry registry, String reason) {
        return Counter.builder("groundgate.auth.rejections").tag("reason", reason)
                .description("Requests refused by the API key check").register(registry);
    }
}
