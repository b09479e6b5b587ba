package io.groundgate.upstream;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while an upstream is misconfigured (its API key file cannot be read); the data names each one and why. */
@Readiness
@ApplicationScoped
public class UpstreamsReadinessCheck implements HealthCheck {

    private final UpstreamRegistry upstreams;

    public UpstreamsReadinessCheck(UpstreamRegistry upstreams) {
        this.upstreams = upstreams;
    }

    @Override
    public HealthCheckResponse call() {
        // a check gives a late-mounted key file its chance to heal the upstream
        upstreams.all().keySet().forEach(name -> {
            try {
                upstreams.get(name);
            } catch (RuntimeException stillMissing) {
                // reported below
            }
        });
        HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams");
        var problems = upstreams.problems();
        problems.forEach(response::withData);
        return response.status(problems.isEmpty()).build();
    }
}
