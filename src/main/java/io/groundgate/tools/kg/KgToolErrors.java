package io.groundgate.tools.kg;

import io.groundgate.kg.SparqlException;
import io.groundgate.tools.ToolError;

/** Maps knowledge-graph failures to tool errors a model can act on. */
public final class KgToolErrors {

    private KgToolErrors() {
    }

    public static ToolError of(SparqlException e) {
        return switch (e.kind()) {
            case SYNTAX -> new ToolError("parse_error", e.getMessage(),
                    e.line() > 0 ? "line " + e.line() + ", column " + e.column() : null);
            case REFUSED -> ToolError.of("refused", e.getMessage());
            case TIMEOUT -> ToolError.of("timeout", e.getMessage() + " Narrow the query (more specific patterns, a LIMIT).");
            case TOO_LARGE -> ToolError.of("limit_exceeded", e.getMessage());
            case FAILED -> ToolError.of("query_failed", e.getMessage());
        };
    }

    static ToolError invalid(Args.Invalid e) {
        return new ToolError("invalid_arguments", e.getMessage(), e.where);
    }
}
