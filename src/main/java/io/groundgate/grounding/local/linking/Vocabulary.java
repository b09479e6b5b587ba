package io.groundgate.grounding.local.linking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.LabelIndex;
import io.groundgate.kg.SchemaSummary;

/**
 * What one graph version offers to talk about: its classes and properties by every label (folded, singular), and each
 * property's labels, alternative labels and comment as embeddings. Built once per version and shared by all requests.
 */
public final class Vocabulary {

    /** One text that names or describes a property, with its embedding (null when embeddings are off). */
    public record PropertyText(String iri, String text, float[] vector) {
    }

    private final String version;
    private final Map<String, Set<String>> propertiesByKey = new HashMap<>();
    private final Map<String, Set<String>> classesByKey = new HashMap<>();
    private final Map<String, SchemaSummary.PropertyInfo> properties = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    private final Set<String> classes = new HashSet<>();
    private final List<PropertyText> texts = new ArrayList<>();
    private final int longestKey;

    Vocabulary(GraphSnapshot snapshot, EmbeddingModel model) {
        this.version = snapshot.version();
        SchemaSummary schema = snapshot.schema();
        LabelIndex index = snapshot.labels();
        int longest = 1;
        List<String> toEmbed = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (SchemaSummary.PropertyInfo p : schema.properties()) {
            properties.put(p.iri(), p);
            Set<String> names = new LinkedHashSet<>();
            if (p.label() != null) {
                names.add(p.label());
                labels.put(p.iri(), p.label());
            }
            names.addAll(p.altLabels());
            for (String name : names) {
                String key = key(name);
                if (!key.isEmpty()) {
                    propertiesByKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(p.iri());
                    longest = Math.max(longest, key.split(" ").length);
                    toEmbed.add(name);
                    owners.add(p.iri());
                }
            }
            if (p.comment() != null && p.label() != null) {
                toEmbed.add(p.label() + ": " + p.comment());
                owners.add(p.iri());
            }
        }
        for (SchemaSummary.ClassInfo c : schema.classes()) {
            classes.add(c.iri());
            Set<String> names = new LinkedHashSet<>();
            if (c.label() != null) {
                names.add(c.label());
                labels.put(c.iri(), c.label());
            }
            names.addAll(index.labelsOf(c.iri(), LabelIndex.Source.ALT_LABEL));
            for (String name : names) {
                String key = key(name);
                if (!key.isEmpty()) {
                    classesByKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(c.iri());
                    longest = Math.max(longest, key.split(" ").length);
                }
            }
        }
        this.longestKey = longest;
        if (model != null && !toEmbed.isEmpty()) {
            List<Embedding> vectors = model.embedAll(toEmbed.stream().map(TextSegment::from).toList()).content();
            for (int i = 0; i < toEmbed.size(); i++) {
                texts.add(new PropertyText(owners.get(i), toEmbed.get(i), vectors.get(i).vector()));
            }
        }
    }

    /** The folded, singular form labels are compared in. */
    public static String key(String text) {
        return Words.singularPhrase(LabelIndex.normalize(text));
    }

    public String version() {
        return version;
    }

    public Set<String> propertiesNamed(String key) {
        return propertiesByKey.getOrDefault(key, Set.of());
    }

    public Set<String> classesNamed(String key) {
        return classesByKey.getOrDefault(key, Set.of());
    }

    public SchemaSummary.PropertyInfo property(String iri) {
        return properties.get(iri);
    }

    /**
     * The datatype properties of a class whose label ends in the given word ("element number 30": the element property
     * labelled "… number"); only when no label does, those with such an alternative label.
     */
    public Set<String> propertiesOfClassEndingWith(String classIri, String lastWord) {
        Set<String> byLabel = new LinkedHashSet<>();
        Set<String> byAltLabel = new LinkedHashSet<>();
        for (SchemaSummary.PropertyInfo p : properties.values()) {
            if (p.kind() != SchemaSummary.PropertyKind.DATATYPE || !p.domains().contains(classIri)) {
                continue;
            }
            if (p.label() != null && endsWithWord(key(p.label()), lastWord)) {
                byLabel.add(p.iri());
            }
            if (p.altLabels().stream().anyMatch(name -> endsWithWord(key(name), lastWord))) {
                byAltLabel.add(p.iri());
            }
        }
        return byLabel.isEmpty() ? byAltLabel : byLabel;
    }

    private static boolean endsWithWord(String key, String word) {
        return key.equals(word) || key.endsWith(" " + word);
    }

    public boolean isClass(String iri) {
        return classes.contains(iri);
    }

    public boolean isProperty(String iri) {
        return properties.containsKey(iri);
    }

    public String label(String iri) {
        return labels.get(iri);
    }

    /** Every property's texts with their embeddings. */
    public List<PropertyText> propertyTexts() {
        return texts;
    }

    /** The property labels that are one word, for typo-tolerant matching. */
    public List<String> singleWordPropertyKeys() {
        return propertiesByKey.keySet().stream().filter(k -> !k.contains(" ")).sorted().toList();
    }

    /** The most words any class or property label has. */
    public int longestKey() {
        return longestKey;
    }
}
