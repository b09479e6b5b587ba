package io.groundgate.api;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;

import java.util.Map;

/** One family of mappers: whatever fails in a JAX-RS resource reaches the client as an OpenAI error body. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response gateway(GatewayException e) {
        return ErrorResponses.toResponse(e);
    }

    @ServerExceptionMapper
    public Response violation(ConstraintViolationException e) {
        return ErrorResponses.toResponse(Validation.toGatewayException(e.getConstraintViolations()));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return ErrorResponses.toResponse(JsonErrors.toGatewayException(e));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        ErrorKind kind = switch (status) {
            case 404 -> ErrorKind.NOT_FOUND;
            case 413 -> ErrorKind.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorKind.UNSUPPORTED_MEDIA_TYPE;
            case 401 -> ErrorKind.AUTHENTICATION;
            case 403 -> ErrorKind.PERMISSION;
            default -> status >= 500 ? ErrorKind.INTERNAL : ErrorKind.INVALID_REQUEST;
        };
        String message = e instanceof NotFoundException ? "Unknown path or resource."
                : e instanceof NotAllowedException ? "This method is not allowed here."
                : e instanceof NotSupportedException ? "Unsupported Content-Type."
                : e instanceof NotAcceptableException ? "None of the accepted media types can be produced."
                : e.getMessage();
        return ErrorResponses.toResponse(new GatewayException(kind, status, message, null, null, Map.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (ClientAbort.is(e)) {
            LOG.debugf("client went away: %s", e.toString());
            return Response.status(499).build(); // nobody is left to read it
        }
        LOG.error("unexpected failure", e);
        return ErrorResponses.toResponse(new GatewayException(ErrorKind.INTERNAL,
                "The gateway failed unexpectedly; the failure is logged."));
    }
}
