package io.groundgate.kg.profile;

/** What the values of a property are, as learned from the data (not from declared ranges). */
public enum ValueKind {
    /** Other resources (IRIs or blank nodes). */
    RESOURCE,
    /** Numbers, typed or stored as strings that parse. */
    NUMBER,
    /** Dates and date-times ({@code xsd:date}, {@code xsd:gYear}, or ISO dates as strings). */
    DATE,
    /** {@code true}/{@code false}. */
    BOOLEAN,
    /** Mostly distinct values without spaces, often with digits: codes, identifiers. */
    IDENTIFIER,
    /** Mostly distinct, short, label-like text: names. */
    NAME,
    /** Few distinct values, each shared by many subjects: values a question can name. */
    CATEGORY,
    /** Free or language-tagged text. */
    TEXT,
    /** Objects that only carry a number and a unit: read through {@link ValueNode#valueProperty()}. */
    VALUE_NODE
}
