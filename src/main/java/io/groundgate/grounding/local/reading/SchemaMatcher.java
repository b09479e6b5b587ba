package io.groundgate.grounding.local.reading;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import io.groundgate.grounding.local.linking.Words;
import io.groundgate.kg.SchemaSummary;
import io.groundgate.kg.profile.ClassProfile;
import io.groundgate.kg.profile.GraphProfile;
import io.groundgate.kg.profile.NameText;
import io.groundgate.kg.profile.PropertyProfile;

/**
 * How well a phrase of the question names a class or property of one graph version: the same words (in any number,
 * singular or plural) score highest, then meaning, the cosine similarity of all-MiniLM-L6-v2 embeddings of the phrase and
 * of the term's labels, alternative labels, local-name words and comment. Built once per graph version.
 */
public final class SchemaMatcher {

    private static final int MAX_PHRASES = 10_000;

    private final String version;
    private final EmbeddingModel model;
    private final Map<String, List<Text>> texts = new HashMap<>();
    private final Map<String, float[]> phrases = new ConcurrentHashMap<>();
    private final Set<String> keys = new HashSet<>();
    private final Map<String, Set<String>> definitions = new HashMap<>();

    private record Text(String key, Set<String> words, float[] vector) {
    }

    private SchemaMatcher(String version, EmbeddingModel model) {
        this.version = version;
        this.model = model;
    }

    /**
     * The matcher of one graph version.
     *
     * @param profile its profile (names of classes and properties)
     * @param schema its declared schema, for comments; may be null
     * @param model the embedding model, or null to match by words only
     */
    public static SchemaMatcher of(GraphProfile profile, SchemaSummary schema, EmbeddingModel model) {
        SchemaMatcher m = new SchemaMatcher(profile.version(), model);
        Map<String, String> comments = new HashMap<>();
        if (schema != null) {
            schema.properties().stream().filter(p -> p.comment() != null).forEach(p -> comments.put(p.iri(), p.comment()));
            schema.classes().stream().filter(c -> c.comment() != null).forEach(c -> comments.put(c.iri(), c.comment()));
        }
        List<String> owners = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (ClassProfile c : profile.classes()) {
            names(profile, c.iri(), c.name(), List.of()).forEach(t -> {
                owners.add(c.iri());
                all.add(t);
            });
        }
        for (PropertyProfile p : profile.properties()) {
            names(profile, p.iri(), p.name(), p.names()).forEach(t -> {
                owners.add(p.iri());
                all.add(t);
            });
        }
        comments.forEach((iri, comment) -> m.definitions.put(iri, definitionWords(comment)));
        List<float[]> vectors = new ArrayList<>();
        List<String> toEmbed = new ArrayList<>(all);
        List<String> embedOwners = new ArrayList<>(owners);
        comments.forEach((iri, comment) -> {
            toEmbed.add(profile.nameOf(iri) + ": " + comment);
            embedOwners.add(iri);
        });
        if (model != null && !toEmbed.isEmpty()) {
            model.embedAll(toEmbed.stream().map(TextSegment::from).toList()).content()
                    .forEach(e -> vectors.add(e.vector()));
        }
        for (int i = 0; i < toEmbed.size(); i++) {
            String key = key(toEmbed.get(i));
            boolean comment = i >= all.size();
            if (!comment) {
                m.keys.add(key);
            }
            m.texts.computeIfAbsent(embedOwners.get(i), k -> new ArrayList<>()).add(new Text(comment ? "" : key,
                    comment ? Set.of() : new HashSet<>(Arrays.asList(key.split(" "))),
                    vectors.isEmpty() ? null : vectors.get(i)));
        }
        return m;
    }

    private static Set<String> names(GraphProfile profile, String iri, String name, List<String> more) {
        Set<String> out = new LinkedHashSet<>();
        if (name != null) {
            out.add(name);
        }
        out.addAll(more);
        profile.names().namesOf(iri).forEach(e -> out.add(e.text()));
        out.add(String.join(" ", NameText.words(NameText.localName(iri))));
        out.removeIf(String::isBlank);
        return out;
    }

    /** The words of a definition (folded, singular): a question may restate them. */
    static Set<String> definitionWords(String comment) {
        Set<String> out = new HashSet<>(Arrays.asList(key(comment).split(" ")));
        out.remove("");
        return out;
    }

    /** Whether the term's definition (its comment) has the word. */
    public boolean defines(String iri, String word) {
        return definitions.getOrDefault(iri, Set.of()).contains(key(word));
    }

    /** Whether the words, folded, are exactly a name of some class or property: then they are content, not grammar. */
    public boolean isName(String phrase) {
        return keys.contains(key(phrase));
    }

    public String version() {
        return version;
    }

    /** The folded, singular form terms and phrases are compared in; unit suffixes in brackets are kept as words. */
    static String key(String text) {
        return Words.singularPhrase(NameText.key(text));
    }

    /**
     * How well the phrase names the term, 0..1: 1 for the same words, 0.7 when a name holds all the phrase's words and
     * more, else the best embedding similarity (a phrase that says more than a name is not that name: "population
     * density" is not "population").
     */
    public double similarity(String phrase, String iri) {
        List<Text> own = texts.get(iri);
        if (own == null || phrase.isBlank()) {
            return 0;
        }
        String key = key(phrase);
        Set<String> words = new HashSet<>(Arrays.asList(key.split(" ")));
        double best = 0;
        float[] q = null;
        for (Text t : own) {
            if (!t.key().isEmpty() && t.key().equals(key)) {
                return 1.0;
            }
            if (words.size() == 1 && t.words().stream().anyMatch(w -> sameStem(w, key))) {
                best = Math.max(best, 0.75); // the same word in another form: "serves" for "served by"
            }
            if (!t.words().isEmpty() && t.words().containsAll(words)) {
                best = Math.max(best, 0.7); // the name says more: "density conditions" for "density"
                continue;
            }
            if (t.vector() != null) {
                q = q == null ? vector(phrase) : q;
                best = Math.max(best, cosine(q, t.vector()));
            }
        }
        return best;
    }

    /**
     * How alike two phrases are, 0..1, neither of them a term of the graph: 1 for the same words, 0.75 for two forms of
     * one word, else the embedding similarity.
     */
    public double likeness(String phrase, String other) {
        String a = key(phrase);
        String b = key(other);
        if (a.equals(b)) {
            return 1.0;
        }
        if (sameStem(a, b)) {
            return 0.75;
        }
        return model == null ? 0 : cosine(vector(phrase), vector(other));
    }

    /** Whether two words are forms of one ("serves", "served"; "cares", "cared"): their stems agree. */
    static boolean sameStem(String a, String b) {
        String x = stem(a);
        return x.length() >= 3 && x.equals(stem(b)) && !a.equals(b);
    }

    private static String stem(String w) {
        for (String suffix : List.of("ing", "ies", "ied", "es", "ed", "s", "e")) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 3) {
                return w.substring(0, w.length() - suffix.length());
            }
        }
        return w;
    }

    /** The terms among {@code allowed} ranked by similarity to the phrase, best first, with their scores. */
    public List<Scored> rank(String phrase, Collection<String> allowed) {
        List<Scored> out = new ArrayList<>();
        for (String iri : new LinkedHashSet<>(allowed)) {
            double s = similarity(phrase, iri);
            if (s > 0) {
                out.add(new Scored(iri, s));
            }
        }
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out;
    }

    /** A term with its similarity to a phrase. */
    public record Scored(String iri, double score) {
    }

    private float[] vector(String phrase) {
        if (model == null) {
            return null;
        }
        if (phrases.size() > MAX_PHRASES) {
            phrases.clear();
        }
        return phrases.computeIfAbsent(phrase, p -> model.embed(p).content().vector());
    }

    private static double cosine(float[] a, float[] b) {
        if (a == null || b == null) {
            return 0;
        }
        return CosineSimilarity.between(Embedding.from(a), Embedding.from(b));
    }
}
