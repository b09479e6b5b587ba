package io.groundgate.kg;

/** Why a SPARQL query was not answered, with a message fit to show a client or a model. */
public class SparqlException extends RuntimeException {

    /** The kinds of failure; the HTTP layer maps them to statuses. */
    public enum Kind {
        /** The text is not SPARQL; {@link #line()} and {@link #column()} say where. */
        SYNTAX,
        /** Valid SPARQL that is not allowed: an update, SERVICE, or an unsupported form. */
        REFUSED,
        /** The query ran out of time. */
        TIMEOUT,
        /** The query text is too long. */
        TOO_LARGE,
        /** The store failed. */
        FAILED
    }

    private final Kind kind;
    private final int line;
    private final int column;

    public SparqlException(Kind kind, String message) {
        this(kind, message, -1, -1, null);
    }

    public SparqlException(Kind kind, String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.line = line;
        this.column = column;
    }

    public static SparqlException syntax(String message, int line, int column) {
        return new SparqlException(Kind.SYNTAX, message, line, column, null);
    }

    public static SparqlException refused(String message) {
        return new SparqlException(Kind.REFUSED, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The 1-based line of a syntax error, or -1. */
    public int line() {
        return line;
    }

    /** The 1-based column of a syntax error, or -1. */
    public int column() {
        return column;
    }
}
