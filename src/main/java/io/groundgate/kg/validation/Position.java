package io.groundgate.kg.validation;

/** A 1-based line and column in a file, as the parser reported it. */
public record Position(long line, long column) {
}
