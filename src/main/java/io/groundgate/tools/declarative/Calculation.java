package io.groundgate.tools.declarative;

/**
 * A calculator step after the query.
 *
 * @param name the name its result is shown (and can be used in a template) under
 * @param expression a calculator expression with {@code {name}} placeholders for result variables and arguments
 */
record Calculation(String name, String expression) {
}
