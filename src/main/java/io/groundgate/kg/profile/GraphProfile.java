package io.groundgate.kg.profile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What one version of the graph is, learned from its data: classes with their instances and the properties those
 * instances really use (how often, single- or multi-valued, kinds of values, units, examples), properties, value-node
 * paths, short paths between classes, and a {@link NameIndex} over every name. Built once per graph version in the
 * background; immutable and thread-safe (the text renderings are computed once and kept).
 *
 * @param version the graph version it describes
 * @param prefixes prefix to namespace: the graph's own and the well-known ones
 * @param classes classes with instances or declared, most instances first
 * @param properties properties used or declared, most used first
 * @param paths short paths between classes, shortest and most used first
 * @param stats how it was built
 */
public record GraphProfile(String version, Map<String, String> prefixes, List<ClassProfile> classes,
        List<PropertyProfile> properties, List<ClassPath> paths, BuildStats stats, @JsonIgnore NameIndex names,
        @JsonIgnore Cache cache) {

    /** The largest text {@link #text()} renders, in characters. */
    public static final int TEXT_BUDGET = 8_000;

    /**
     * How a profile was built.
     *
     * @param millis how long it took
     * @param samplePerClass at most this many instances per class were read for the property statistics
     * @param sampledClasses how many classes had more instances than that
     * @param names how many names the name index holds
     */
    public record BuildStats(long millis, int samplePerClass, int sampledClasses, int names) {
    }

    public GraphProfile {
        prefixes = Map.copyOf(prefixes);
        classes = List.copyOf(classes);
        properties = List.copyOf(properties);
        paths = List.copyOf(paths);
        names = names == null ? NameIndex.empty() : names;
        cache = new Cache(classes, properties);
    }

    /** A profile of a graph with nothing in it. */
    public static GraphProfile empty(String version, Map<String, String> prefixes) {
        return new GraphProfile(version, prefixes, List.of(), List.of(), List.of(), new BuildStats(0, 0, 0, 0),
                NameIndex.empty(), null);
    }

    public Optional<ClassProfile> classProfile(String iri) {
        return Optional.ofNullable(classIndex().get(iri));
    }

    public Optional<PropertyProfile> property(String iri) {
        return Optional.ofNullable(propertyIndex().get(iri));
    }

    /** Short paths from the instances of one class to another, shortest first. */
    public List<ClassPath> pathsBetween(String from, String to) {
        return paths.stream().filter(p -> p.from().equals(from) && p.to().equals(to)).toList();
    }

    /** The compact text for a model: PREFIX lines, classes with their properties, paths; at most {@link #TEXT_BUDGET}. */
    @JsonIgnore
    public String text() {
        return cache.texts.computeIfAbsent("", k -> ProfileText.render(this, null, TEXT_BUDGET));
    }

    /** The compact text of one class: everything its instances use, and its paths to other classes. */
    public String text(String classIri) {
        return cache.texts.computeIfAbsent(classIri, k -> ProfileText.render(this, classIri, TEXT_BUDGET));
    }

    /** A prefixed name where a prefix fits, else {@code <iri>}. */
    public String compact(String iri) {
        return WellKnownPrefixes.compact(iri, prefixes);
    }

    /** The preferred name of a class or property, or of any named resource. */
    public String nameOf(String iri) {
        return names.nameOf(iri).orElseGet(() -> NameText.display(NameText.localName(iri)));
    }

    private Map<String, ClassProfile> classIndex() {
        return cache.classes;
    }

    private Map<String, PropertyProfile> propertyIndex() {
        return cache.properties;
    }

    /** Lookups and renderings derived from the lists, built with the profile. */
    public static final class Cache {
        private final Map<String, ClassProfile> classes = new HashMap<>();
        private final Map<String, PropertyProfile> properties = new HashMap<>();
        private final Map<String, String> texts = new ConcurrentHashMap<>();

        private Cache(List<ClassProfile> classes, List<PropertyProfile> properties) {
            classes.forEach(c -> this.classes.put(c.iri(), c));
            properties.forEach(p -> this.properties.put(p.iri(), p));
        }
    }
}
