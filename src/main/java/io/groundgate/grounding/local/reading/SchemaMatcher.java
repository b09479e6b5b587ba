package io.groundgate.grounding.local.reading;

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
    private final Map<String, Vector> phrases = new ConcurrentHashMap<>();
    private final Map<String, Phrase> compared = new ConcurrentHashMap<>();
    private final Set<String> keys = new HashSet<>();
    private final Map<String, Set<String>> definitions = new HashMap<>();

    /** One name or comment of a term: its folded key, its words by stem (stems of three letters or more), its embedding. */
    record Text(String key, Set<String> words, Map<String, Set<String>> wordsByStem, Vector vector) {
        Text(String key, Set<String> words, Vector vector) {
            this(key, words, byStem(words), vector);
        }

        private static Map<String, Set<String>> byStem(Set<String> words) {
            Map<String, Set<String>> out = new HashMap<>();
            for (String w : words) {
                String stem = stem(w);
                if (stem.length() >= 3) {
                    out.computeIfAbsent(stem, x -> new HashSet<>()).add(w);
                }
            }
            return out;
        }

        /** Whether a word of this text is another form of {@code word} ({@link #sameStem}). */
        boolean hasOtherForm(String word, String wordStem) {
            Set<String> forms = wordsByStem.get(wordStem);
            return forms != null && (forms.size() > 1 || !forms.contains(word));
        }
    }

    /**
     * An embedding with its length worked out once: a similarity is then one dot product, not three sums over both
     * vectors (the cosine was 10 % of a planner request).
     */
    record Vector(float[] values, double length) {
        static Vector of(float[] values) {
            if (values == null) {
                return null;
            }
            double sum = 0; // summed as LangChain4j's CosineSimilarity sums it, so the cosine is the same double
            for (float v : values) {
                sum += v * v;
            }
            return new Vector(values, Math.sqrt(sum));
        }
    }

    /**
     * A phrase as it is compared, kept per matcher (one graph version): its folded key, words and stem, its embedding
     * once one is needed, and its similarity to each term once worked out. The reading planner asks for the same
     * phrase against the same terms many times per question and across questions (this was 40 % of its time).
     */
    private final class Phrase {
        private final String text;
        private final String key;
        private final Set<String> words;
        private final String stem;
        private final Map<String, Double> scores = new ConcurrentHashMap<>();
        private volatile Vector vector;

        Phrase(String text) {
            this.text = text;
            this.key = key(text);
            this.words = new HashSet<>(Arrays.asList(key.split(" ")));
            this.stem = stem(key);
        }

        Vector vector() {
            Vector v = vector;
            if (v == null) {
                vector = v = SchemaMatcher.this.vector(text);
            }
            return v;
        }
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
                    vectors.isEmpty() ? null : Vector.of(vectors.get(i))));
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
        return similarity(phrase(phrase), iri, own);
    }

    private Phrase phrase(String text) {
        Phrase p = compared.get(text);
        if (p == null) {
            if (compared.size() > MAX_PHRASES) {
                compared.clear();
            }
            p = compared.computeIfAbsent(text, Phrase::new);
        }
        return p;
    }

    private double similarity(Phrase phrase, String iri, List<Text> own) {
        Double known = phrase.scores.get(iri);
        if (known != null) {
            return known;
        }
        double score = score(phrase, own);
        phrase.scores.put(iri, score);
        return score;
    }

    private static double score(Phrase phrase, List<Text> own) {
        String key = phrase.key;
        Set<String> words = phrase.words;
        double best = 0;
        for (Text t : own) {
            if (!t.key().isEmpty() && t.key().equals(key)) {
                return 1.0;
            }
            if (words.size() == 1 && t.hasOtherForm(key, phrase.stem)) {
                best = Math.max(best, 0.75); // the same word in another form: "serves" for "served by"
            }
            if (!t.words().isEmpty() && t.words().containsAll(words)) {
                best = Math.max(best, 0.7); // the name says more: "density conditions" for "density"
                continue;
            }
            if (t.vector() != null) {
                best = Math.max(best, cosine(phrase.vector(), t.vector()));
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

    static String stem(String w) {
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

    private Vector vector(String phrase) {
        if (model == null) {
            return null;
        }
        if (phrases.size() > MAX_PHRASES) {
            phrases.clear();
        }
        return phrases.computeIfAbsent(phrase, p -> Vector.of(model.embed(p).content().vector()));
    }

    /** LangChain4j's {@link CosineSimilarity#between}, to the bit, with both lengths known in advance. */
    static double cosine(float[] a, double aLength, float[] b, double bLength) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot / Math.max(aLength * bLength, CosineSimilarity.EPSILON);
    }

    private static double cosine(Vector a, Vector b) {
        if (a == null || b == null) {
            return 0;
        }
        return cosine(a.values(), a.length(), b.values(), b.length());
    }
}
