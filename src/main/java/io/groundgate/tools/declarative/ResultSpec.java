package io.groundgate.tools.declarative;

/**
 * What a declarative tool returns.
 *
 * @param shape rows, the first row (single), or text from a template
 * @param value for single: the variable that is the answer, or null
 * @param template for template: text with {@code {name}} placeholders, rendered once per row
 * @param empty a message (with placeholders for arguments) when the query finds nothing, or null
 * @param limit how many rows to fetch at most
 */
record ResultSpec(Shape shape, String value, String template, String empty, int limit) {

    enum Shape {
        ROWS, SINGLE, TEMPLATE
    }
}
