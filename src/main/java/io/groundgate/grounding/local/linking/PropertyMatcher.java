package io.groundgate.grounding.local.linking;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;

import io.groundgate.grounding.local.PlannerConfig;

/**
 * Links a phrase to a property by meaning: the cosine similarity between the phrase's embedding and each of the
 * property's labels, alternative labels and comment. Only among the properties that could apply, and only when the
 * best is both similar enough and clearly ahead of the next, so paraphrases link and unrelated words do not.
 */
@ApplicationScoped
public class PropertyMatcher {

    /** A property linked by meaning, with its similarity. */
    public record Match(String iri, double similarity, String phrase) {
    }

    private final PlannerConfig config;
    private final VocabularyCache cache;
    private final Map<String, float[]> phraseVectors = new ConcurrentHashMap<>();

    public PropertyMatcher(PlannerConfig config, VocabularyCache cache) {
        this.config = config;
        this.cache = cache;
    }

    /** The best property among {@code allowed} for the phrase, if it passes the threshold and the margin. */
    public Optional<Match> match(String phrase, Collection<String> allowed, Vocabulary vocabulary) {
        EmbeddingModel model = cache.embeddings();
        if (model == null || phrase.isBlank() || allowed.isEmpty() || vocabulary.propertyTexts().isEmpty()) {
            return Optional.empty();
        }
        float[] q = vector(phrase, model);
        Map<String, Double> best = new HashMap<>();
        for (Vocabulary.PropertyText t : vocabulary.propertyTexts()) {
            if (allowed.contains(t.iri())) {
                double s = CosineSimilarity.between(
                        dev.langchain4j.data.embedding.Embedding.from(q),
                        dev.langchain4j.data.embedding.Embedding.from(t.vector()));
                best.merge(t.iri(), s, Math::max);
            }
        }
        String top = null;
        double first = -1;
        double second = -1;
        for (Map.Entry<String, Double> e : best.entrySet()) {
            double s = e.getValue();
            if (s > first || s == first && e.getKey().compareTo(top) < 0) {
                second = Math.max(second, first);
                first = s;
                top = e.getKey();
            } else if (s > second) {
                second = s;
            }
        }
        if (top == null || first < config.similarityThreshold() || first - second < config.similarityMargin()) {
            return Optional.empty();
        }
        return Optional.of(new Match(top, first, phrase));
    }

    /** The best similarity of the phrase to any allowed property, for diagnostics and tuning. */
    public Map<String, Double> similarities(String phrase, Collection<String> allowed, Vocabulary vocabulary) {
        EmbeddingModel model = cache.embeddings();
        Map<String, Double> best = new HashMap<>();
        if (model == null) {
            return best;
        }
        float[] q = vector(phrase, model);
        for (Vocabulary.PropertyText t : vocabulary.propertyTexts()) {
            if (allowed.contains(t.iri())) {
                best.merge(t.iri(), CosineSimilarity.between(dev.langchain4j.data.embedding.Embedding.from(q),
                        dev.langchain4j.data.embedding.Embedding.from(t.vector())), Math::max);
            }
        }
        return best;
    }

    private float[] vector(String phrase, EmbeddingModel model) {
        if (phraseVectors.size() > 10_000) {
            phraseVectors.clear();
        }
        return phraseVectors.computeIfAbsent(phrase, p -> model.embed(p).content().vector());
    }
}
