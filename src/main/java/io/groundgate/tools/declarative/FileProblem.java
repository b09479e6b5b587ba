package io.groundgate.tools.declarative;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why a tool file was refused.
 *
 * @param file the file, as found in its folder
 * @param line the 1-based line in the file, or 0 when the problem is not tied to one place
 * @param column the 1-based column, or 0
 * @param message what is wrong, for the person who edits the file
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record FileProblem(String file, int line, int column, String message) {

    /** {@code tools/x.yaml: line 3, column 7: message}. */
    public String describe() {
        return file + (line > 0 ? ": line " + line + (column > 0 ? ", column " + column : "") : "") + ": " + message;
    }
}
