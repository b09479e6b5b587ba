package io.groundgate.kg.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every name the profile knows, for finding entities and nameable values: labels, alternative labels, name-like
 * literals, local names of unlabelled IRIs and categorical values. Matching folds case, accents and punctuation
 * ("St. Moritz" = "st moritz"), and is exact, by prefix, by a word inside the name ("Brant" finds "Karen Brant"), or
 * fuzzy (a few edits). Several equally good hits are reported as ambiguous. Immutable and thread-safe.
 */
public final class NameIndex {

    /** Where a name comes from; earlier sources are preferred as display names. */
    public enum Source {
        PREF_LABEL, LABEL, NAME_PROPERTY, ALT_LABEL, LOCAL_NAME, VALUE
    }

    /** How a name matched. */
    public enum Match {
        EXACT, PREFIX, WORD, FUZZY
    }

    /**
     * One name.
     *
     * @param iri the named resource, or null for a categorical value
     * @param text the name as written in the data
     * @param lang its language tag, empty when none
     * @param source where it comes from
     * @param property the property it is a value of (null for local names)
     * @param classes the classes of the named resource, or for a value the classes whose instances have it
     */
    public record Entry(String iri, String text, String lang, Source source, String property, List<String> classes) {
        public Entry {
            lang = lang == null ? "" : lang;
            classes = classes == null ? List.of() : List.copyOf(classes);
        }
    }

    /**
     * One hit: an entity, or a categorical value of a property.
     *
     * @param iri the entity, or null for a value
     * @param value the value (for a categorical value), else null
     * @param name the entity's preferred name, or the value
     * @param matched the name that matched, as written in the data
     * @param source where the matched name comes from
     * @param property the property the matched name is a value of, or null
     * @param match how it matched
     * @param score 0..1, 1 for an exact match of a label or name
     * @param classes the entity's classes, or the classes whose instances have the value
     */
    public record Hit(String iri, String value, String name, String matched, Source source, String property,
            Match match, double score, List<String> classes) {
        public Hit {
            classes = List.copyOf(classes);
        }

        /** The entity IRI, or {@code property=value} for a value: what tells hits apart. */
        public String identity() {
            return iri != null ? iri : property + "=" + value;
        }
    }

    /**
     * The answer to one lookup.
     *
     * @param hits best first
     * @param ambiguous whether several different entities or values matched equally well
     */
    public record Lookup(List<Hit> hits, boolean ambiguous) {
        public Lookup {
            hits = List.copyOf(hits);
        }
    }

    private static final NameIndex EMPTY = build(List.of());

    private final List<Entry> entries;
    /** Keys, words and preferred names: built on the first lookup, not on the reload path (see {@link #lookups()}). */
    private volatile Lookups lookups;
    /** Trigram postings of the keys: built on the first fuzzy lookup, the only one that reads them. */
    private volatile Map<String, int[]> trigrams;

    private NameIndex(List<Entry> entries) {
        this.entries = entries;
    }

    /** What exact, prefix and word lookups read, with each resource's preferred name. */
    private record Lookups(Sorted byKey, Sorted byWord, Map<String, Integer> preferred) {
    }

    /**
     * Keys in their natural order with the entries of each: a binary search finds a key or where the keys starting
     * with a prefix begin. Two arrays instead of a tree: a fraction of the build time and of the heap.
     */
    private record Sorted(String[] keys, int[][] ids) {

        static Sorted of(Map<String, NameText.IntList> lists) {
            String[] keys = lists.keySet().toArray(String[]::new);
            Arrays.sort(keys);
            int[][] ids = new int[keys.length][];
            for (int i = 0; i < keys.length; i++) {
                ids[i] = lists.get(keys[i]).toArray();
            }
            return new Sorted(keys, ids);
        }

        int[] get(String key) {
            int at = Arrays.binarySearch(keys, key);
            return at >= 0 ? ids[at] : null;
        }

        /** Where the keys that are equal to or greater than {@code key} begin. */
        int from(String key) {
            int at = Arrays.binarySearch(keys, key);
            return at >= 0 ? at : -at - 1;
        }
    }

    public static NameIndex empty() {
        return EMPTY;
    }

    /**
     * An index over the names; duplicates are dropped. Only the list is made here: the sorted keys are built on the
     * first lookup and the trigram postings on the first fuzzy lookup, once each (call {@link #prepare()} to build
     * them ahead), so a graph reload does not pay for lookups nobody has asked for yet.
     */
    public static NameIndex build(Collection<Entry> names) {
        return new NameIndex(List.copyOf(new LinkedHashSet<>(names)));
    }

    /** Builds the lookup structures now (on a background thread after a reload, say), if not built yet. */
    public void prepare() {
        lookups();
        trigrams();
    }

    boolean lookupsBuilt() {
        return lookups != null;
    }

    boolean trigramsBuilt() {
        return trigrams != null;
    }

    private Lookups lookups() {
        Lookups l = lookups;
        if (l == null) {
            synchronized (this) {
                l = lookups;
                if (l == null) {
                    lookups = l = buildLookups(entries);
                }
            }
        }
        return l;
    }

    private Map<String, int[]> trigrams() {
        Map<String, int[]> t = trigrams;
        if (t == null) {
            Sorted byKey = lookups().byKey();
            synchronized (this) {
                t = trigrams;
                if (t == null) {
                    trigrams = t = TrigramPostings.of(byKey.keys());
                }
            }
        }
        return t;
    }

    private static Lookups buildLookups(List<Entry> list) {
        Map<String, NameText.IntList> keyed = new HashMap<>();
        Map<String, NameText.IntList> worded = new HashMap<>();
        Map<String, Integer> preferred = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Entry e = list.get(i);
            String key = NameText.key(e.text());
            if (key.isEmpty()) {
                continue;
            }
            keyed.computeIfAbsent(key, k -> new NameText.IntList()).add(i);
            // every word start after the first, so "brant" finds "karen brant"
            for (int at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) {
                worded.computeIfAbsent(key.substring(at + 1), k -> new NameText.IntList()).add(i);
            }
            if (e.iri() != null) {
                preferred.merge(e.iri(), i, (a, b) -> rank(list.get(b)) < rank(list.get(a)) ? b : a);
            }
        }
        return new Lookups(Sorted.of(keyed), Sorted.of(worded), preferred);
    }

    /**
     * The best hits for a name, one per entity or value: exact matches; then names starting with it and names with a
     * word starting with it; fuzzy matches only when none of those matched.
     */
    public Lookup find(String text, int limit) {
        String key = NameText.key(text == null ? "" : text);
        if (key.isEmpty() || limit <= 0) {
            return new Lookup(List.of(), false);
        }
        Lookups l = lookups();
        Map<String, Hit> best = new LinkedHashMap<>();
        int[] exact = l.byKey().get(key);
        if (exact != null) {
            for (int id : exact) {
                keep(best, hit(id, Match.EXACT, 1.0));
            }
        }
        int scanLimit = Math.max(50, limit * 10);
        if (best.size() < limit) {
            scan(l.byKey(), key, scanLimit, Match.PREFIX, 0.6, best);
            scan(l.byWord(), key, scanLimit, Match.WORD, 0.55, best);
        }
        if (best.isEmpty()) {
            fuzzy(key, l.byKey(), best);
        }
        List<Hit> sorted = best.values().stream()
                .sorted(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::name)).toList();
        boolean ambiguous = sorted.size() > 1 && sorted.get(1).match() == sorted.get(0).match()
                && sorted.get(0).score() - sorted.get(1).score() < 0.05;
        return new Lookup(sorted.stream().limit(limit).toList(), ambiguous);
    }

    /** The preferred name of a resource: a label before a name property before an alternative label or local name. */
    public Optional<String> nameOf(String iri) {
        Integer id = lookups().preferred().get(iri);
        return id == null ? Optional.empty() : Optional.of(entries.get(id).text());
    }

    /** Every name of a resource. */
    public List<Entry> namesOf(String iri) {
        return entries.stream().filter(e -> iri.equals(e.iri())).toList();
    }

    /** All names, in the order they were given. */
    public List<Entry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    private void scan(Sorted map, String key, int scanLimit, Match match, double base, Map<String, Hit> best) {
        int scanned = 0;
        for (int at = map.from(key); at < map.keys().length; at++) {
            String k = map.keys()[at];
            if (!k.startsWith(key) || scanned++ > scanLimit) {
                break;
            }
            if (match == Match.PREFIX && k.equals(key)) {
                continue;
            }
            double score = base + 0.3 * key.length() / k.length();
            for (int id : map.ids()[at]) {
                keep(best, hit(id, match, score));
            }
        }
    }

    /** Keys within about one edit per four characters; candidates from the rarest trigrams only. */
    private void fuzzy(String key, Sorted byKey, Map<String, Hit> best) {
        if (key.length() < 3) {
            return;
        }
        int maxDistance = Math.max(1, Math.min(3, key.length() / 4));
        // one edit changes at most three trigrams, so a match is in the postings of one of the 3d + 1 rarest
        List<int[]> postings = new ArrayList<>();
        Map<String, int[]> trigrams = trigrams();
        for (String g : NameText.trigrams(key)) {
            postings.add(trigrams.getOrDefault(g, new int[0]));
        }
        postings.sort(Comparator.comparingInt(p -> p.length));
        Set<Integer> candidates = new HashSet<>();
        for (int i = 0; i < Math.min(postings.size(), 3 * maxDistance + 1); i++) {
            for (int k : postings.get(i)) {
                candidates.add(k);
            }
        }
        for (int c : candidates) {
            String candidate = byKey.keys()[c];
            int distance = NameText.distance(key, candidate, maxDistance);
            if (distance <= maxDistance && distance > 0) {
                double score = 0.85 * (1.0 - (double) distance / Math.max(key.length(), candidate.length()));
                for (int id : byKey.ids()[c]) {
                    keep(best, hit(id, Match.FUZZY, score));
                }
            }
        }
    }

    private Hit hit(int id, Match match, double score) {
        Entry e = entries.get(id);
        double weight = switch (e.source()) {
            case ALT_LABEL -> 0.98;
            case LOCAL_NAME -> 0.95;
            case VALUE -> 0.97;
            default -> 1.0;
        };
        String name = e.iri() == null ? e.text() : nameOf(e.iri()).orElse(e.text());
        return new Hit(e.iri(), e.iri() == null ? e.text() : null, name, e.text(), e.source(), e.property(), match,
                Math.round(score * weight * 1000) / 1000.0, e.classes());
    }

    private static void keep(Map<String, Hit> best, Hit hit) {
        best.merge(hit.identity(), hit, (a, b) -> b.score() > a.score() ? b : a);
    }

    private static int rank(Entry e) {
        boolean english = e.lang().isEmpty() || e.lang().toLowerCase().startsWith("en");
        return (english ? 0 : 10) + e.source().ordinal();
    }


}
