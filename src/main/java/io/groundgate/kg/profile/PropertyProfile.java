package io.groundgate.kg.profile;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A property over the whole graph.
 *
 * @param iri the property
 * @param name its preferred name (label, or words of its local name)
 * @param names every name it goes by (labels, alternative labels, local-name words)
 * @param triples how many triples use it
 * @param kind what its values mostly are
 * @param domains the classes whose instances use it (observed), most specific first; the declared ones when none
 *        were observed
 * @param ranges the object classes or datatypes seen; the declared ones when none were observed
 * @param declaredDomains its rdfs:domain
 * @param declaredRanges its rdfs:range
 * @param unit its unit: declared ({@code gg:unit}, QUDT), else parsed from its name, else from its value nodes
 * @param unitSource where the unit came from: declared, name, value-node
 * @param nameLike whether its values name their subjects (a label-like property)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PropertyProfile(String iri, String name, List<String> names, long triples, ValueKind kind,
        List<String> domains, List<String> ranges, List<String> declaredDomains, List<String> declaredRanges, String unit,
        String unitSource, boolean nameLike) {

    public PropertyProfile {
        names = List.copyOf(names);
        domains = List.copyOf(domains);
        ranges = List.copyOf(ranges);
        declaredDomains = List.copyOf(declaredDomains);
        declaredRanges = List.copyOf(declaredRanges);
    }
}
