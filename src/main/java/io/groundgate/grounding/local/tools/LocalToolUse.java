package io.groundgate.grounding.local.tools;

import dev.langchain4j.store.embedding.CosineSimilarity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.groundgate.grounding.GroundingStep;
import io.groundgate.grounding.local.conversation.EntityMentions;
import io.groundgate.grounding.local.reading.Lexicon;
import io.groundgate.grounding.local.reading.Lexicon.Op;
import io.groundgate.grounding.local.conversation.Referent;
import io.groundgate.kg.GraphSnapshot;
import io.groundgate.tools.Tool;
import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolRegistry;
import io.groundgate.tools.ToolResult;
import io.groundgate.tools.ToolSpec;
import io.groundgate.tools.declarative.DeclarativeToolProvider;

/**
 * Lets the local route answer with a declarative tool from {@code tools/}: the tool whose own words (name,
 * description, parameter descriptions) are closest in meaning to the question, clearly ahead of the others, and only
 * when the question gives every required argument ({@link ToolArguments}). The call goes through the tool registry, so
 * it is validated, timed and counted like any other tool call.
 */
@ApplicationScoped
public class LocalToolUse {

    /** Below this cosine similarity a tool is not about the question. */
    static final double MIN_SIMILARITY = 0.4;
    /** The best tool must be ahead of the next by this much. */
    static final double MIN_MARGIN = 0.03;
    private static final int MAX_CACHED = 256;
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}]+");
    private static final Pattern AMOUNT = Pattern
            .compile("-?\\d+(?:\\.\\d+)?\\s?[\\p{L}][\\p{L}^0-9/]*");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|e\\.g\\.,?");

    private final DeclarativeToolProvider declarative;
    private final ToolRegistry registry;
    private final EmbeddingModel embeddings;
    private final Map<ToolSpec, float[]> toolVectors = new ConcurrentHashMap<>();

    public LocalToolUse(DeclarativeToolProvider declarative, ToolRegistry registry, EmbeddingModel embeddings) {
        this.declarative = declarative;
        this.registry = registry;
        this.embeddings = embeddings;
    }

    /** The answer of the one tool that clearly fits the question with complete arguments, if there is one. */
    public Optional<ToolAnswer> answer(String question, GraphSnapshot snapshot, String requestId) {
        List<ToolSpec> specs = new ArrayList<>();
        for (Tool t : declarative.tools()) {
            if (t.spec() != null && registry.find(t.spec().name()).isPresent()) {
                specs.add(t.spec());
            }
        }
        if (specs.isEmpty() || question == null || question.isBlank()) {
            return Optional.empty();
        }
        List<Referent> entities = distinct(EntityMentions.of(snapshot.profile()).in(question));
        // the entities are arguments, not what is asked: compare the rest of the question
        String asked = question;
        for (Referent r : entities) {
            asked = asked.replace(r.surface(), " ");
        }
        float[] q = embeddings.embed(asked).content().vector();
        Map<ToolSpec, Double> scores = new LinkedHashMap<>();
        specs.forEach(s -> scores.put(s, cosine(q, vector(s))));
        List<Map.Entry<ToolSpec, Double>> ranked = scores.entrySet().stream()
                .sorted(Map.Entry.<ToolSpec, Double>comparingByValue(Comparator.reverseOrder())).toList();
        Map.Entry<ToolSpec, Double> best = ranked.get(0);
        double second = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
        if (best.getValue() < MIN_SIMILARITY || best.getValue() - second < MIN_MARGIN) {
            return Optional.empty();
        }
        if (!explains(best.getKey(), asked)) {
            return Optional.empty();
        }
        Optional<ObjectNode> args = ToolArguments.extract(best.getKey().parameters(), question, entities);
        if (args.isEmpty()) {
            return Optional.empty();
        }
        String name = best.getKey().name();
        ToolResult result = registry.execute(name, args.get(), ToolContext.of(requestId));
        if (!result.ok() || result.result() == null) {
            return Optional.empty();
        }
        String text = text(result.result());
        if (text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ToolAnswer(text, GroundingStep.of(0, null, name, args.get(), result)));
    }

    /**
     * Whether every content word of the question (besides entities, amounts and function words) is one of the tool's
     * own words, by its first five letters: similar in meaning is not enough to answer "the GDP of X" with facts of X.
     */
    static boolean explains(ToolSpec spec, String asked) {
        Set<String> toolWords = new HashSet<>();
        for (String w : WORDS.split(describe(spec).toLowerCase(Locale.ROOT))) {
            toolWords.add(stem(w));
        }
        String[] words = WORDS.split(AMOUNT.matcher(asked).replaceAll(" ").toLowerCase(Locale.ROOT));
        for (String w : words) {
            if (!w.isEmpty() && !Lexicon.english().any(w, Op.STOP, Op.SINGULAR, Op.PLURAL, Op.AFTER_PRONOUN, Op.BEFORE_PRONOUN) && !toolWords.contains(stem(w))) {
                return false;
            }
        }
        return true;
    }

    private static String stem(String w) {
        return w.length() > 5 ? w.substring(0, 5) : w;
    }

    /** The tool's own words: name, description and parameter descriptions. */
    private static String describe(ToolSpec s) {
        StringBuilder text = new StringBuilder(String.join(" ", s.name().split("[_\\-]+")));
        text.append(". ").append(s.description());
        s.parameters().path("properties").forEach(p -> {
            if (p.path("description").isTextual()) {
                text.append(' ').append(p.get("description").asText());
            }
        });
        return text.toString();
    }

    /** The tool's text, else its value. */
    private static String text(JsonNode result) {
        if (result.path("text").isTextual()) {
            return result.get("text").asText();
        }
        JsonNode value = result.path("value");
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    private float[] vector(ToolSpec spec) {
        if (toolVectors.size() > MAX_CACHED) {
            toolVectors.clear();
        }
        return toolVectors.computeIfAbsent(spec, s -> {
            // quoted examples ("Japan", "2 L") are arguments, not what the tool is about
            Embedding e = embeddings.embed(QUOTED.matcher(describe(s)).replaceAll(" ")).content();
            return e.vector();
        });
    }

    private static double cosine(float[] a, float[] b) {
        return CosineSimilarity.between(Embedding.from(a), Embedding.from(b));
    }

    /** One per name as written: the tool resolves a name itself (with its own class check). */
    private static List<Referent> distinct(List<Referent> all) {
        Map<String, Referent> bySurface = new LinkedHashMap<>();
        all.forEach(r -> bySurface.putIfAbsent(r.surface(), r));
        return List.copyOf(bySurface.values());
    }
}
