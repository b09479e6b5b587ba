package io.groundgate.grounding.local.linking;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import dev.langchain4j.model.embedding.EmbeddingModel;

import io.groundgate.grounding.local.PlannerConfig;
import io.groundgate.kg.GraphSnapshot;

/** Keeps the {@link Vocabulary} of the latest graph version, so property texts are embedded once per version. */
@ApplicationScoped
public class VocabularyCache {

    private final PlannerConfig config;
    private final Instance<EmbeddingModel> model;
    private final AtomicReference<Vocabulary> current = new AtomicReference<>();

    public VocabularyCache(PlannerConfig config, Instance<EmbeddingModel> model) {
        this.config = config;
        this.model = model;
    }

    public Vocabulary of(GraphSnapshot snapshot) {
        Vocabulary v = current.get();
        if (v != null && v.version().equals(snapshot.version())) {
            return v;
        }
        synchronized (this) {
            v = current.get();
            if (v == null || !v.version().equals(snapshot.version())) {
                v = new Vocabulary(snapshot, embeddings());
                current.set(v);
            }
            return v;
        }
    }

    /** The model, or null when linking by meaning is switched off. */
    public EmbeddingModel embeddings() {
        return config.embeddings() ? model.get() : null;
    }
}
