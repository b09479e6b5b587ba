package io.groundgate.kg.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Prefixes a query may use without declaring them: the well-known vocabularies. */
public final class WellKnownPrefixes {

    /** prefix to namespace */
    public static final Map<String, String> ALL;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        m.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        m.put("owl", "http://www.w3.org/2002/07/owl#");
        m.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        m.put("skos", "http://www.w3.org/2004/02/skos/core#");
        m.put("schema", "https://schema.org/");
        m.put("foaf", "http://xmlns.com/foaf/0.1/");
        m.put("dcterms", "http://purl.org/dc/terms/");
        m.put("dc", "http://purl.org/dc/elements/1.1/");
        ALL = Collections.unmodifiableMap(m);
    }

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]*");

    private WellKnownPrefixes() {
    }

    /** The IRI as {@code prefix:local} when a prefix fits, else {@code <iri>}. */
    public static String compact(String iri, Map<String, String> prefixes) {
        String bestPrefix = null;
        String bestNs = "";
        for (Map.Entry<String, String> e : prefixes.entrySet()) {
            String ns = e.getValue();
            if (iri.startsWith(ns) && ns.length() > bestNs.length()
                    && LOCAL.matcher(iri.substring(ns.length())).matches()) {
                bestPrefix = e.getKey();
                bestNs = ns;
            }
        }
        return bestPrefix == null ? "<" + iri + ">" : bestPrefix + ":" + iri.substring(bestNs.length());
    }
}
