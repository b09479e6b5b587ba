package io.groundgate.kg.profile;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A class as its instances show it.
 *
 * @param iri the class
 * @param name its preferred name (label, or words of its local name)
 * @param instances how many resources have it as rdf:type, including entailed types (subclasses' instances)
 * @param superClasses its direct named superclasses
 * @param properties the properties its instances use, most common first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClassProfile(String iri, String name, long instances, List<String> superClasses,
        List<PropertyUse> properties) {

    public ClassProfile {
        superClasses = List.copyOf(superClasses);
        properties = List.copyOf(properties);
    }

    /** How its instances use a property, if they do. */
    public Optional<PropertyUse> use(String property) {
        return properties.stream().filter(u -> u.property().equals(property)).findFirst();
    }
}
