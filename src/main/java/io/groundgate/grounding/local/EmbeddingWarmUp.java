package io.groundgate.grounding.local;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.groundgate.grounding.local.linking.VocabularyCache;
import io.groundgate.kg.KnowledgeGraph;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the embedding model and embeds the current graph's property texts in the background at start-up; readiness
 * ({@code embedding-model}) is DOWN until that is done, so no client's first question pays for it. The model loads
 * while the knowledge graph loads (it needs no graph); only the property texts wait for the graph's first version.
 * Off with {@code groundgate.planner.warm-up=false} or {@code groundgate.planner.embeddings=false}.
 */
@Readiness
@ApplicationScoped
public class EmbeddingWarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(EmbeddingWarmUp.class);

    private sealed interface State {
    }

    private record Warming() implements State {
    }

    private record Warm(long millis) implements State {
    }

    private record Failed(String reason) implements State {
    }

    private record Skipped() implements State {
    }

    private final PlannerConfig config;
    private final VocabularyCache vocabularies;
    private final KnowledgeGraph graph;
    private volatile State state = new Warming();

    public EmbeddingWarmUp(PlannerConfig config, VocabularyCache vocabularies, KnowledgeGraph graph) {
        this.config = config;
        this.vocabularies = vocabularies;
        this.graph = graph;
    }

    // before the knowledge graph's own start-up observer (default priority), which loads the first version on the main
    // thread: the model then loads alongside the graph instead of after it
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        if (!config.warmUp() || !config.embeddings()) {
            state = new Skipped();
            return;
        }
        Thread thread = new Thread(this::warmUp, "groundgate-embedding-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private void warmUp() {
        long start = System.nanoTime();
        try {
            vocabularies.embeddings().embed("warm up");
            long model = (System.nanoTime() - start) / 1_000_000;
            // The property texts of the graph being served (a graph that failed to load has none to embed yet).
            graph.firstLoadTried().toCompletableFuture().join();
            vocabularies.of(graph.snapshot());
            long millis = (System.nanoTime() - start) / 1_000_000;
            state = new Warm(millis);
            LOG.infof("Embedding model loaded in %d ms (alongside the knowledge graph) and warmed in %d ms.", model, millis);
        } catch (RuntimeException | LinkageError e) {
            state = new Failed(e.toString());
            LOG.errorf(e, "The embedding model could not be loaded; linking by meaning is unavailable.");
        }
    }

    @Override
    public HealthCheckResponse call() {
        State current = state;
        var response = HealthCheckResponse.named("embedding-model");
        if (current instanceof Warm warm) {
            return response.up().withData("warm-up-ms", warm.millis()).build();
        }
        if (current instanceof Skipped) {
            return response.up().withData("warm-up", "off").build();
        }
        if (current instanceof Failed failed) {
            return response.down().withData("error", failed.reason()).build();
        }
        return response.down().withData("warm-up", "in progress").build();
    }
}
