package io.groundgate.grounding.local.conversation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.groundgate.grounding.local.reading.Lexicon;
import io.groundgate.kg.profile.ClassProfile;
import io.groundgate.kg.profile.GraphProfile;
import io.groundgate.kg.profile.NameIndex;
import io.groundgate.kg.profile.NameText;

/**
 * Finds the entities a text names, through the profile's name index: the longest run of words (at most
 * {@value #MAX_WORDS}) whose folded form is exactly a name of an entity, never a run of function words alone. Short
 * names (up to three letters, often codes or symbols) must agree in case, so "he" is not a chemical symbol. Classes and
 * properties are not entities. Exact names only: earlier turns were written or answered with the graph's own names.
 */
public final class EntityMentions {

    static final int MAX_WORDS = 6;
    private static final String W3C = "http://www.w3.org/";
    private static final Pattern CITATION = Pattern.compile("\\[[^\\]]*]");
    /** The finder of the latest profile asked for: one graph version serves many requests. */
    private static volatile EntityMentions latest;

    private final GraphProfile profile;
    private final Map<String, List<NameIndex.Entry>> byKey = new HashMap<>();
    private final Map<String, Set<String>> classesOf = new HashMap<>();

    private EntityMentions(GraphProfile profile) {
        this.profile = profile;
        for (NameIndex.Entry e : profile.names().entries()) {
            if (e.iri() == null || profile.classProfile(e.iri()).isPresent() || profile.property(e.iri()).isPresent()) {
                continue;
            }
            classesOf.computeIfAbsent(e.iri(), k -> new LinkedHashSet<>()).addAll(e.classes());
            String key = NameText.key(e.text());
            if (!key.isEmpty()) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>(1)).add(e);
            }
        }
    }

    /** The mention finder of a profile, built once per profile. */
    public static EntityMentions of(GraphProfile profile) {
        EntityMentions last = latest;
        if (last != null && last.profile == profile) {
            return last;
        }
        EntityMentions built = new EntityMentions(profile);
        latest = built;
        return built;
    }

    /** The entities the text names, in the order they appear; bracketed citations are skipped. */
    public List<Referent> in(String text) {
        List<Token> tokens = Token.of(CITATION.matcher(text == null ? "" : text).replaceAll(" "));
        List<Referent> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int taken = 0;
            for (int n = Math.min(MAX_WORDS, tokens.size() - i); n >= 1 && taken == 0; n--) {
                List<Token> run = tokens.subList(i, i + n);
                if (run.stream().allMatch(t -> Lexicon.english().is(Lexicon.Op.STOP, t.lower()))) {
                    continue;
                }
                List<Referent> hits = lookup(run);
                if (!hits.isEmpty()) {
                    found.addAll(hits);
                    taken = n;
                }
            }
            i += Math.max(1, taken);
        }
        return found;
    }

    /** An entity named exactly by these words; several entities of one name are all returned. */
    private List<Referent> lookup(List<Token> run) {
        StringBuilder surface = new StringBuilder();
        run.forEach(t -> surface.append(surface.isEmpty() ? "" : " ").append(t.text()));
        String written = surface.toString();
        List<NameIndex.Entry> entries = byKey.get(NameText.key(written));
        if (entries == null) {
            return List.of();
        }
        Map<String, Referent> byIri = new LinkedHashMap<>();
        for (NameIndex.Entry e : entries) {
            if (e.text().strip().length() <= 3 && !e.text().strip().equals(written)) {
                continue;
            }
            byIri.computeIfAbsent(e.iri(), iri -> new Referent(iri, profile.names().nameOf(iri).orElse(e.text()),
                    mostSpecific(classesOf(iri)), withSuperClasses(ownTypes(classesOf(iri))), written));
        }
        return List.copyOf(byIri.values());
    }

    /** Classes of the data, without the RDF, RDFS and OWL vocabulary's own (owl:NamedIndividual says nothing). */
    static List<String> ownTypes(List<String> classes) {
        return classes.stream().filter(c -> !c.startsWith(W3C)).toList();
    }

    /** The classes of an entity, from all its names. */
    List<String> classesOf(String iri) {
        Set<String> classes = classesOf.get(iri);
        return classes == null ? List.of() : List.copyOf(classes);
    }

    /** Its own classes without those that are superclasses of others: the class that tells it apart. */
    List<String> mostSpecific(List<String> classes) {
        List<String> own = ownTypes(classes);
        return own.stream().filter(c -> own.stream()
                .noneMatch(d -> !d.equals(c) && withSuperClasses(List.of(d)).contains(c))).toList();
    }

    List<String> withSuperClasses(List<String> classes) {
        Set<String> all = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(classes);
        while (!todo.isEmpty() && all.size() < 64) {
            String c = todo.poll();
            if (all.add(c)) {
                profile.classProfile(c).map(ClassProfile::superClasses).map(EntityMentions::ownTypes)
                        .ifPresent(todo::addAll);
            }
        }
        return List.copyOf(all);
    }
}
