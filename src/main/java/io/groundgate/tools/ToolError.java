package io.groundgate.tools;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why a tool call failed, precise enough for a model to repair its call.
 *
 * @param code a stable machine-readable code, e.g. {@code invalid_arguments}, {@code parse_error}, {@code timeout},
 *        {@code not_found}, {@code refused}, {@code limit_exceeded}, {@code incompatible_units}
 * @param message a sentence saying what was wrong
 * @param where where it was wrong when known: an argument path ({@code /expression}) or a position ({@code line 1, column
 *        7})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolError(String code, String message, String where) {

    public static ToolError of(String code, String message) {
        return new ToolError(code, message, null);
    }

    public static ToolError at(String code, String message, String where) {
        return new ToolError(code, message, where);
    }
}
