package io.groundgate.kg.validation;

/**
 * Something an expert should fix in a file, located as precisely as the syntax allows.
 *
 * @param file the file, relative to its folder, or null
 * @param line the 1-based line, or -1 when only the file is known (RDF/XML, JSON-LD)
 * @param column the 1-based column, or -1
 * @param message what is wrong and how to fix it, in the expert's terms
 */
public record Finding(String file, long line, long column, String message) {

    static Finding at(String file, Position position, String message) {
        return position == null ? new Finding(file, -1, -1, message)
                : new Finding(file, position.line(), position.column(), message);
    }
}
