package io.groundgate.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while the first connection to the shared rate-limit store (Redis) is being made, so no request is decided by the
 * failure policy only because that connection was slower than {@code groundgate.security.rate-limit.timeout}. UP once
 * it is made, or failed, or took longer than {@link RateLimiter#WARM_UP_LIMIT}: a Redis outage never takes a replica out
 * of the Service (the failure policy handles it, and {@code connected=false} says so).
 */
@Readiness
@ApplicationScoped
public class RateLimitStoreReadiness implements HealthCheck {

    private final RateLimiter limiter;

    public RateLimitStoreReadiness(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("rate-limit-store");
        if (!limiter.sharedStore()) {
            return response.up().withData("store", "local").build();
        }
        var warmUp = limiter.warmedUp();
        if (!warmUp.isComplete()) {
            return response.down().withData("connection", "in progress").build();
        }
        if (warmUp.failed()) {
            return response.up().withData("connected", false).withData("error", String.valueOf(warmUp.cause()
                    .getMessage())).build();
        }
        return response.up().withData("connected", true).build();
    }
}
