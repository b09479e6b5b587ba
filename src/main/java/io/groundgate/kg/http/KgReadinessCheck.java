package io.groundgate.kg.http;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.groundgate.kg.KnowledgeGraph;

/** Ready once the first version of the knowledge graph has loaded and validated. */
@Readiness
@ApplicationScoped
public class KgReadinessCheck implements HealthCheck {

    private final KnowledgeGraph kg;

    public KgReadinessCheck(KnowledgeGraph kg) {
        this.kg = kg;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("knowledge-graph").status(kg.ready())
                .withData("version", kg.snapshot().version()).build();
    }
}
