package io.groundgate.tools.schema;

/**
 * Why a JSON value does not match its schema.
 *
 * @param pointer where, as a JSON Pointer (RFC 6901) into the value: {@code /expression}, {@code /items/2}, or {@code ""}
 *        for the value itself
 * @param message a sentence saying what was expected and what was found
 */
public record SchemaViolation(String pointer, String message) {
}
