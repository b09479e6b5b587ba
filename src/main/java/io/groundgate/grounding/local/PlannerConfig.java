package io.groundgate.grounding.local;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The embedded local planner ({@code groundgate-local}): how strictly it links words to the graph. */
@ConfigMapping(prefix = "groundgate.planner")
public interface PlannerConfig {

    /**
     * The lowest label-index score a fuzzy (typo-tolerant) entity match needs to be used. The index scores one edit in a
     * six-letter name at about 0.71; lower values link more typos and risk false links.
     */
    @WithDefault("0.7")
    double fuzzyThreshold();

    /** The shortest mention, in characters, that may be matched fuzzily; shorter words only match exactly. */
    @WithDefault("5")
    int fuzzyMinLength();

    /**
     * The lowest cosine similarity between a question phrase and a property's labels, alternative labels or comment for
     * the property to be linked by meaning (when no label matches literally).
     */
    @WithDefault("0.62")
    double similarityThreshold();

    /**
     * Load the embedding model and embed the graph's property texts at start-up, before readiness reports UP, so the
     * first question is as fast as the next (otherwise the first answer pays ~0.5-1 s).
     */
    @WithDefault("true")
    boolean warmUp();

    /** How far the best property must lead the runner-up (cosine similarity) to be linked by meaning alone. */
    @WithDefault("0.03")
    double similarityMargin();

    /** Whether properties may be linked by embedding similarity (all-MiniLM-L6-v2, in process). */
    @WithDefault("true")
    boolean embeddings();

    /**
     * Where the embedding model's tokenizer unpacks its native library; when unset, {@code DJL_CACHE_DIR} from the
     * environment or {@code ~/.djl.ai}.
     */
    Optional<String> djlCacheDir();

    /** The most entities a list answer names before it says how many more there are. */
    @WithDefault("25")
    int maxListed();

    /** The most sub-questions answered from one message; the rest are reported as unresolved. */
    @WithDefault("5")
    int maxSubQuestions();
}
