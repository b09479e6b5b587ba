package io.groundgate.kg.http;

import java.util.Map;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.groundgate.kg.GraphEditor;
import io.groundgate.kg.SparqlException;

/** Knowledge-graph failures as OpenAI-format errors. */
final class KgErrors {

    private KgErrors() {
    }

    static GatewayException of(SparqlException e) {
        return switch (e.kind()) {
            case SYNTAX -> new GatewayException(ErrorKind.INVALID_REQUEST, e.getMessage(), "query", "sparql_syntax_error");
            case REFUSED -> new GatewayException(ErrorKind.INVALID_REQUEST, e.getMessage(), "query", "sparql_refused");
            case TOO_LARGE -> new GatewayException(ErrorKind.PAYLOAD_TOO_LARGE, e.getMessage(), "query",
                    "sparql_query_too_large");
            case TIMEOUT -> new GatewayException(ErrorKind.TIMEOUT, e.getMessage(), "query", "sparql_timeout");
            case FAILED -> new GatewayException(ErrorKind.UNAVAILABLE, e.getMessage(), null, "sparql_failed");
        };
    }

    static GatewayException of(GraphEditor.EditException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> new GatewayException(ErrorKind.NOT_FOUND, e.getMessage(), "graph", "graph_not_found");
            case BAD_NAME -> new GatewayException(ErrorKind.INVALID_REQUEST, e.getMessage(), "graph", "invalid_graph_name");
            case INVALID -> new GatewayException(ErrorKind.INVALID_REQUEST, e.getMessage(), null, "invalid_graph");
            case READ_ONLY -> new GatewayException(ErrorKind.PERMISSION, e.getMessage(), null, "graph_read_only");
        };
    }

    static GatewayException invalid(String message, String param, String code) {
        return new GatewayException(ErrorKind.INVALID_REQUEST, message, param, code);
    }

    static GatewayException notAcceptable(String message) {
        return new GatewayException(ErrorKind.INVALID_REQUEST, 406, message, null, "not_acceptable", Map.of());
    }
}
