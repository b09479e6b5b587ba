package io.groundgate.kg;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Prefix handling for compact renderings. */
final class Prefixes {

    /** Prefixes every summary may use. */
    static final Map<String, String> STANDARD;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        m.put("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        m.put("owl", "http://www.w3.org/2002/07/owl#");
        m.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        m.put("skos", "http://www.w3.org/2004/02/skos/core#");
        m.put("dcterms", "http://purl.org/dc/terms/");
        STANDARD = Map.copyOf(m);
    }

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]*");

    private Prefixes() {
    }

    /** The IRI as {@code prefix:local} when a prefix fits, else {@code <iri>}. */
    static String compact(String iri, Map<String, String> prefixes) {
        String bestPrefix = null;
        String bestNs = "";
        for (Map.Entry<String, String> e : prefixes.entrySet()) {
            String ns = e.getValue();
            if (iri.startsWith(ns) && ns.length() > bestNs.length() && LOCAL.matcher(iri.substring(ns.length())).matches()) {
                bestPrefix = e.getKey();
                bestNs = ns;
            }
        }
        return bestPrefix == null ? "<" + iri + ">" : bestPrefix + ":" + iri.substring(bestNs.length());
    }

    /** The part of an IRI after its last {@code #}, {@code /} or {@code :}. */
    static String localName(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), Math.max(iri.lastIndexOf('/'), iri.lastIndexOf(':')));
        return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
    }

    /** "atomicNumber" or "atomic_number" becomes "atomic number". */
    static String humanize(String localName) {
        return localName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ').toLowerCase()
                .strip();
    }
}
