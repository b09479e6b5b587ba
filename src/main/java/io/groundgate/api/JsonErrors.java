package io.groundgate.api;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.groundgate.chat.GatewayException;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns Jackson's complaints into OpenAI's "could not parse" / "invalid type" errors. */
public final class JsonErrors {

    /** Jackson names its own method in limit messages: "(1000, from `StreamReadConstraints.getMaxNestingDepth()`)". */
    private static final Pattern LIMIT_SOURCE = Pattern.compile(",? from `[^`]*`");

    private JsonErrors() {
    }

    public static GatewayException toGatewayException(JsonProcessingException e) {
        StreamConstraintsException limit = find(e, StreamConstraintsException.class);
        if (limit != null) {
            return GatewayException.invalid("The JSON body exceeds what this gateway parses: "
                    + LIMIT_SOURCE.matcher(firstLine(limit.getOriginalMessage())).replaceAll("") + ".", null);
        }
        JsonProcessingException syntax = syntaxError(e);
        if (syntax != null) {
            e = syntax;
        } else if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String param = path(mapping);
            return GatewayException.invalid("Invalid type for '" + param + "': " + expected(mapping) + ".", param);
        } else if (e instanceof JsonMappingException mapping) {
            return GatewayException.invalid("The request body must be " + expected(mapping)
                    + "; see https://platform.openai.com/docs/api-reference.", null);
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return GatewayException.invalid("We could not parse the JSON body of your request" + where + ": "
                + firstLine(e.getOriginalMessage())
                + ". The body must be a JSON object; see https://platform.openai.com/docs/api-reference.", null);
    }

    /** What the client should have sent, in JSON terms: "expected an integer", never a Java type. */
    private static String expected(JsonMappingException e) {
        Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        String got = e instanceof InvalidFormatException format && format.getValue() != null
                ? ", got '" + shorten(String.valueOf(format.getValue())) + "'" : "";
        return "expected " + jsonType(type) + got;
    }

    static String jsonType(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> "'" + c + "'")
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (JsonNode.class.isAssignableFrom(type)) {
            return "a JSON value";
        }
        return "an object";
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** The low-level parse error behind {@code e}, if the JSON itself is malformed rather than of the wrong shape. */
    private static JsonProcessingException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException read) {
                return read;
            }
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        StringBuilder param = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (param.length() > 0) {
                    param.append('.');
                }
                param.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                param.append('[').append(ref.getIndex()).append(']');
            }
        }
        return param.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed JSON";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        int marker = line.indexOf(" (start marker at");
        line = marker < 0 ? line : line.substring(0, marker);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
