package io.groundgate.tools.declarative;

import io.groundgate.tools.ToolError;

/** Ends a declarative tool call with an error the model can act on. */
final class ToolFailure extends RuntimeException {

    final ToolError error;

    ToolFailure(String code, String message, String where) {
        super(message, null, false, false);
        this.error = new ToolError(code, message, where);
    }
}
