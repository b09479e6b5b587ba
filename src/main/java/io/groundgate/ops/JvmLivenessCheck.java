package io.groundgate.ops;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness from the JVM alone: down only when threads are deadlocked, which a restart cures. It never looks at upstreams,
 * the knowledge graph or tools — their trouble makes the pod unready (readiness), not restarted.
 */
@Liveness
@ApplicationScoped
public class JvmLivenessCheck implements HealthCheck {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = threads.findDeadlockedThreads();
        return HealthCheckResponse.named("jvm")
                .status(deadlocked == null)
                .withData("deadlocked-threads", deadlocked == null ? 0 : deadlocked.length)
                .build();
    }
}
