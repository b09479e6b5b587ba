package io.groundgate.api;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import io.groundgate.chat.GatewayException;

/** Turns Jackson's complaints into OpenAI's "could not parse" / "invalid type" errors. */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static GatewayException toGatewayException(JsonProcessingException e) {
        JsonProcessingException syntax = syntaxError(e);
        if (syntax != null) {
            e = syntax;
        } else if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String param = path(mapping);
            return GatewayException.invalid("Invalid type for '" + param + "': " + firstLine(e.getOriginalMessage()), param);
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return GatewayException.invalid("We could not parse the JSON body of your request" + where + ": "
                + firstLine(e.getOriginalMessage())
                + ". The body must be a JSON object; see https://platform.openai.com/docs/api-reference.", null);
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
