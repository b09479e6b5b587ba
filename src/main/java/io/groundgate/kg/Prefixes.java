package io.groundgate.kg;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.groundgate.kg.profile.NameText;
import io.groundgate.kg.profile.WellKnownPrefixes;

/** Prefix handling for compact renderings. */
final class Prefixes {

    /** Prefixes every summary may use. */
    static final Map<String, String> STANDARD;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : List.of("rdf", "rdfs", "owl", "xsd", "skos", "dcterms")) {
            m.put(p, WellKnownPrefixes.ALL.get(p));
        }
        STANDARD = Map.copyOf(m);
    }

    private Prefixes() {
    }

    /** The IRI as {@code prefix:local} when a prefix fits, else {@code <iri>}. */
    static String compact(String iri, Map<String, String> prefixes) {
        return WellKnownPrefixes.compact(iri, prefixes);
    }

    /** The part of an IRI after its last {@code #}, {@code /} or {@code :}. */
    static String localName(String iri) {
        return NameText.localName(iri);
    }

    /** "atomicNumber" or "atomic_number" becomes "atomic number". */
    static String humanize(String localName) {
        return localName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ').toLowerCase()
                .strip();
    }
}
