package io.groundgate.kg;

/**
 * Why a version of the graph was rejected: a syntax error (file, line, column) or a SHACL violation (focus node, path,
 * and the file the focus node is described in).
 *
 * @param file the file, relative to its folder, or null
 * @param line the 1-based line, or -1
 * @param column the 1-based column, or -1
 * @param message what is wrong
 * @param focusNode the SHACL focus node, or null
 * @param path the SHACL result path, or null
 */
public record LoadProblem(String file, long line, long column, String message, String focusNode, String path) {

    public static LoadProblem syntax(String file, long line, long column, String message) {
        return new LoadProblem(file, line, column, message, null, null);
    }

    public static LoadProblem of(String file, String message) {
        return new LoadProblem(file, -1, -1, message, null, null);
    }

    /** One line for logs and error messages, e.g. {@code elements.ttl:12:7: Undefined prefix}. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (file != null) {
            s.append(file);
            if (line > 0) {
                s.append(':').append(line);
                if (column > 0) {
                    s.append(':').append(column);
                }
            }
            s.append(": ");
        }
        if (focusNode != null) {
            s.append("SHACL violation at ").append(focusNode);
            if (path != null) {
                s.append(" (path ").append(path).append(')');
            }
            s.append(": ");
        }
        return s.append(message).toString();
    }
}
