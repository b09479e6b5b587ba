package io.groundgate.api;

import java.util.Comparator;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import io.groundgate.chat.GatewayException;

/** Reports Bean Validation violations the way OpenAI reports invalid parameters. */
public final class Validation {

    private Validation() {
    }

    public static GatewayException toGatewayException(Set<? extends ConstraintViolation<?>> violations) {
        return toGatewayException(violations, UnaryOperator.identity());
    }

    /** @param rename maps a parameter path of the validated object to the one the client wrote (another API's shape) */
    public static GatewayException toGatewayException(Set<? extends ConstraintViolation<?>> violations,
            UnaryOperator<String> rename) {
        ConstraintViolation<?> first = violations.stream()
                .min(Comparator.comparing(v -> param(v.getPropertyPath())))
                .orElseThrow();
        String param = rename.apply(param(first.getPropertyPath()));
        String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more problem"
                + (violations.size() > 2 ? "s" : "") + ")" : "";
        return GatewayException.invalid("Invalid value for '" + param + "': " + first.getMessage() + more, param);
    }

    /** {@code messages[0].tool_call_id}: the JSON path of the violating value, snake_case as the client wrote it. */
    static String param(Path path) {
        StringBuilder param = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.PARAMETER) {
                continue; // resource method and argument names mean nothing to the client
            }
            if (node.getIndex() != null && param.length() > 0) {
                param.append('[').append(node.getIndex()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (param.length() > 0) {
                    param.append('.');
                }
                param.append(snakeCase(name));
            }
        }
        return param.toString();
    }

    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
