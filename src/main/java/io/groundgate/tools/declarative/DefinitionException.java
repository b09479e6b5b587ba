package io.groundgate.tools.declarative;

/** A tool file that cannot become a tool, with where in the file (1-based; 0 when unknown). */
final class DefinitionException extends RuntimeException {

    final int line;
    final int column;

    DefinitionException(String message, int line, int column) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
    }

    DefinitionException(String message, Location at) {
        this(message, at == null ? 0 : at.line(), at == null ? 0 : at.column());
    }

    /** A place in a file. */
    record Location(int line, int column) {
    }
}
