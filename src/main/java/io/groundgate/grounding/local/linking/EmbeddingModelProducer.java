package io.groundgate.grounding.local.linking;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import io.groundgate.grounding.local.PlannerConfig;
import io.quarkus.arc.DefaultBean;

/** The in-process sentence embedding model used to link property mentions by meaning. Loaded once, lazily. */
public class EmbeddingModelProducer {

    @Produces
    @Singleton
    @DefaultBean
    EmbeddingModel embeddingModel(PlannerConfig config) {
        // DJL reads the system property before the environment variable; only set it when configured.
        config.djlCacheDir().ifPresent(dir -> System.setProperty("DJL_CACHE_DIR", dir));
        return new AllMiniLmL6V2QuantizedEmbeddingModel();
    }
}
