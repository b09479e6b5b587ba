package io.groundgate.kg.profile;

/**
 * A value (a class, a datatype or a literal) and how often it was seen.
 *
 * @param value the IRI or the literal's text
 * @param count how often
 */
public record Count(String value, long count) {
}
