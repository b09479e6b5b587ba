package io.groundgate.tools.declarative;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the declarative tool files have been loaded at least once (even if some were refused). */
@Readiness
@ApplicationScoped
public class DeclarativeToolsReadiness implements HealthCheck {

    private final DeclarativeToolProvider provider;

    public DeclarativeToolsReadiness(DeclarativeToolProvider provider) {
        this.provider = provider;
    }

    @Override
    public HealthCheckResponse call() {
        ReloadStatus status = provider.status();
        return HealthCheckResponse.named("declarative-tools").status(provider.loadedOnce())
                .withData("tools", status.tools().size()).withData("problems", status.errors().size()).build();
    }
}
