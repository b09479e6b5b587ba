package io.groundgate.kg.http;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.kg.ReloadReport;

/**
 * Ready once the first version of the knowledge graph has loaded and validated. A later edit that is rejected (or held
 * because it removes too much) leaves it ready, since the last good version keeps serving, but the details say so.
 */
@Readiness
@ApplicationScoped
public class KgReadinessCheck implements HealthCheck {

    private final KnowledgeGraph kg;

    public KgReadinessCheck(KnowledgeGraph kg) {
        this.kg = kg;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("knowledge-graph").status(kg.ready())
                .withData("version", kg.snapshot().version());
        ReloadReport last = kg.lastReload();
        if (last != null && !last.success()) {
            response.withData("latest_edit", (last.held() ? "held, " : "rejected, ") + "still serving the last good"
                    + " version: " + truncate(last.problemSummary()));
        } else if (last != null) {
            response.withData("latest_edit", "served");
        }
        return response.build();
    }

    private static String truncate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500) + " …";
    }
}
