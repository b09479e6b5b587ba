package io.groundgate.kg;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.groundgate.kg.profile.NameText;

/**
 * Finds entities by name, built once per graph version from {@code rdfs:label}, {@code skos:prefLabel},
 * {@code skos:altLabel} and the local names of declared classes and properties. Matching folds case, accents and
 * punctuation ("zurich" finds "Zürich"); it is exact, by prefix, or fuzzy (trigram candidates ranked by edit distance).
 * Immutable and thread-safe.
 */
public final class LabelIndex {

    /** Where a label comes from; earlier kinds are preferred as display labels. */
    public enum Source {
        PREF_LABEL, LABEL, ALT_LABEL, LOCAL_NAME
    }

    /** One label of one entity, as read from the data. */
    public record Entry(String iri, String text, String lang, Source source) {
    }

    private static final LabelIndex EMPTY = build(List.of(), Map.of(), List.of("en"));

    private final List<Entry> entries;
    private final TreeMap<String, int[]> byKey;
    private final String[] keys;
    private final Map<String, int[]> trigrams;
    private final Map<String, Entry> preferred;
    private final Map<String, List<String>> types;
    private final List<String> languages;

    private LabelIndex(List<Entry> entries, TreeMap<String, int[]> byKey, Map<String, int[]> trigrams,
            Map<String, Entry> preferred, Map<String, List<String>> types, List<String> languages) {
        this.entries = entries;
        this.byKey = byKey;
        this.keys = byKey.keySet().toArray(String[]::new);
        this.trigrams = trigrams;
        this.preferred = preferred;
        this.types = types;
        this.languages = languages;
    }

    public static LabelIndex empty() {
        return EMPTY;
    }

    /**
     * Builds an index.
     *
     * @param entries the labels
     * @param types rdf:type IRIs per entity
     * @param languages preferred language tags, best first
     */
    public static LabelIndex build(Collection<Entry> entries, Map<String, List<String>> types, List<String> languages) {
        List<Entry> list = List.copyOf(new LinkedHashSet<>(entries));
        List<String> langs = languages.stream().map(l -> l.toLowerCase(Locale.ROOT)).toList();
        TreeMap<String, List<Integer>> keyed = new TreeMap<>();
        Map<String, Entry> preferred = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Entry e = list.get(i);
            String key = normalize(e.text());
            if (!key.isEmpty()) {
                keyed.computeIfAbsent(key, k -> new ArrayList<>(1)).add(i);
            }
            preferred.merge(e.iri(), e, (a, b) -> rank(b, langs) < rank(a, langs) ? b : a);
        }
        TreeMap<String, int[]> byKey = new TreeMap<>();
        keyed.forEach((k, v) -> byKey.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        Map<String, int[]> trigramIndex = NameText.trigramPostings(byKey.keySet());
        Map<String, List<String>> typeCopy = new HashMap<>();
        types.forEach((k, v) -> typeCopy.put(k, List.copyOf(v)));
        return new LabelIndex(list, byKey, trigramIndex, preferred, typeCopy, langs);
    }

    /** Folds case, accents and punctuation: "Zürich-City" becomes "zurich city". */
    public static String normalize(String text) {
        return NameText.key(text);
    }

    /**
     * The best hits for a name: exact matches, then prefix matches, and fuzzy ones only when neither found anything; one
     * hit per entity, best first.
     */
    public List<LabelHit> find(String text, int limit) {
        Map<String, LabelHit> best = new LinkedHashMap<>();
        collect(best, exact(text));
        if (best.size() < limit) {
            collect(best, prefix(text, limit));
        }
        if (best.isEmpty()) {
            collect(best, fuzzy(text, limit));
        }
        return best.values().stream().sorted(Comparator.comparingDouble(LabelHit::score).reversed()).limit(limit)
                .toList();
    }

    /** Entities with a label equal to the text (after folding case, accents and punctuation). */
    public List<LabelHit> exact(String text) {
        int[] ids = byKey.get(normalize(text));
        if (ids == null) {
            return List.of();
        }
        Map<String, LabelHit> best = new LinkedHashMap<>();
        for (int id : ids) {
            Entry e = entries.get(id);
            keep(best, hit(e, LabelHit.Match.EXACT, 1.0));
        }
        return sorted(best.values(), Integer.MAX_VALUE);
    }

    /** Entities with a label that starts with the text; shorter labels score higher. */
    public List<LabelHit> prefix(String text, int limit) {
        String key = normalize(text);
        if (key.isEmpty()) {
            return List.of();
        }
        Map<String, LabelHit> best = new LinkedHashMap<>();
        int scanned = 0;
        for (Map.Entry<String, int[]> m : byKey.tailMap(key, true).entrySet()) {
            if (!m.getKey().startsWith(key) || scanned++ > Math.max(50, limit * 10)) {
                break;
            }
            double score = 0.6 + 0.3 * key.length() / m.getKey().length();
            for (int id : m.getValue()) {
                keep(best, hit(entries.get(id), LabelHit.Match.PREFIX, score));
            }
        }
        return sorted(best.values(), limit);
    }

    /** Entities with a label within a small edit distance of the text (about one edit per four characters). */
    public List<LabelHit> fuzzy(String text, int limit) {
        String key = normalize(text);
        if (key.length() < 3) {
            return List.of();
        }
        int maxDistance = Math.max(1, Math.min(3, key.length() / 4));
        // One edit changes at most three trigrams, so a match shares at least g - 3d of the g trigrams; by pigeonhole
        // it is in the postings of at least one of the 3d + 1 rarest trigrams. Only those postings are read.
        List<int[]> postings = new ArrayList<>();
        for (String g : NameText.trigrams(key)) {
            postings.add(trigrams.getOrDefault(g, new int[0]));
        }
        postings.sort(Comparator.comparingInt(p -> p.length));
        int read = Math.min(postings.size(), 3 * maxDistance + 1);
        Set<Integer> candidates = new HashSet<>();
        for (int i = 0; i < read; i++) {
            for (int k : postings.get(i)) {
                candidates.add(k);
            }
        }
        Map<String, LabelHit> best = new LinkedHashMap<>();
        for (int c : candidates) {
            String candidate = keys[c];
            if (Math.abs(candidate.length() - key.length()) > maxDistance) {
                continue;
            }
            int distance = distance(key, candidate, maxDistance);
            if (distance <= maxDistance && distance > 0) {
                double score = 0.85 * (1.0 - (double) distance / Math.max(key.length(), candidate.length()));
                for (int id : byKey.get(candidate)) {
                    keep(best, hit(entries.get(id), LabelHit.Match.FUZZY, score));
                }
            }
        }
        return sorted(best.values(), limit);
    }

    /** The preferred label of an entity: English or untagged first, prefLabel before label before altLabel. */
    public Optional<String> labelOf(String iri) {
        Entry e = preferred.get(iri);
        return e == null ? Optional.empty() : Optional.of(e.text());
    }

    /** All labels of an entity from the given source, e.g. its alternative labels. */
    public List<String> labelsOf(String iri, Source source) {
        return entries.stream().filter(e -> e.iri().equals(iri) && e.source() == source).map(Entry::text).distinct()
                .toList();
    }

    /** The rdf:type IRIs of a labelled entity. */
    public List<String> typesOf(String iri) {
        return types.getOrDefault(iri, List.of());
    }

    /** How many labels are indexed. */
    public int size() {
        return entries.size();
    }

    private LabelHit hit(Entry e, LabelHit.Match match, double score) {
        double weight = languageWeight(e.lang(), languages) * (e.source() == Source.ALT_LABEL ? 0.98
                : e.source() == Source.LOCAL_NAME ? 0.95 : 1.0);
        String label = labelOf(e.iri()).orElse(e.text());
        return new LabelHit(e.iri(), label, e.text(), e.lang(), match, Math.round(score * weight * 1000) / 1000.0,
                typesOf(e.iri()));
    }

    private static void keep(Map<String, LabelHit> best, LabelHit hit) {
        best.merge(hit.iri(), hit, (a, b) -> b.score() > a.score() ? b : a);
    }

    private static void collect(Map<String, LabelHit> best, List<LabelHit> hits) {
        hits.forEach(h -> best.putIfAbsent(h.iri(), h));
    }

    private static List<LabelHit> sorted(Collection<LabelHit> hits, int limit) {
        return hits.stream()
                .sorted(Comparator.comparingDouble(LabelHit::score).reversed().thenComparing(LabelHit::label))
                .limit(limit).toList();
    }

    private static double languageWeight(String lang, List<String> languages) {
        if (lang == null || lang.isEmpty()) {
            return 1.0;
        }
        String l = lang.toLowerCase(Locale.ROOT);
        for (int i = 0; i < languages.size(); i++) {
            String want = languages.get(i);
            if (l.equals(want) || l.startsWith(want + "-")) {
                return 1.0 - 0.02 * i;
            }
        }
        return 0.9;
    }

    private static int rank(Entry e, List<String> languages) {
        int lang = (int) Math.round((1.0 - languageWeight(e.lang(), languages)) * 100);
        return lang * 10 + e.source().ordinal();
    }


    /** Levenshtein distance, giving up (returning max + 1) once it exceeds {@code max}. */
    static int distance(String a, String b, int max) {
        return NameText.distance(a, b, max);
    }
}
