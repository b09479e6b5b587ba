package io.groundgate.tools.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.api.JsonErrors;
import io.groundgate.api.RequestTiming;
import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.groundgate.tools.Provenance;
import io.groundgate.tools.Tool;
import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolError;
import io.groundgate.tools.ToolRegistry;
import io.groundgate.tools.ToolResult;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;

/**
 * The tools over HTTP.
 * <ul>
 * <li>{@code GET /v1/tools}: {@code {"object":"list","data":[{"name","description","parameters"}]}}</li>
 * <li>{@code GET /v1/tools/{name}}: one of those, or 404 {@code tool_not_found}</li>
 * <li>{@code POST /v1/tools/{name}/invoke} with the arguments as a JSON object (an empty body counts as {@code {}}):
 * 200 {@code {"tool","ok","result"|"error","provenance"}}. A failure inside the tool (a parse error, a division by zero, a
 * refused query) is still 200, with {@code ok:false} and the structured error, exactly what a model would be shown.
 * Malformed JSON, a body that is not an object, or arguments that break the tool's schema are 400 in OpenAI's error
 * format with {@code param} = the JSON Pointer of the bad argument and {@code code} = {@code invalid_arguments}; an
 * unknown tool is 404 {@code tool_not_found}.</li>
 * </ul>
 */
@Path("/v1/tools")
@Produces(MediaType.APPLICATION_JSON)
public class ToolsResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ToolRegistry registry;

    public ToolsResource(ToolRegistry registry) {
        this.registry = registry;
    }

    @GET
    public ToolList list() {
        return new ToolList("list", registry.all().stream().map(ToolsResource::describe).toList());
    }

    @GET
    @Path("/{name}")
    public ToolInfo get(@PathParam("name") String name) {
        return describe(registry.find(name).orElseThrow(() -> notFound(name)));
    }

    @POST
    @Path("/{name}/invoke")
    @Consumes(MediaType.WILDCARD)
    @Blocking
    public Invocation invoke(@PathParam("name") String name, byte[] body, RoutingContext routing) {
        if (registry.find(name).isEmpty()) {
            throw notFound(name);
        }
        ObjectNode arguments = arguments(body);
        String requestId = routing == null ? null : RequestTiming.requestId(routing);
        ToolResult result = registry.execute(name, arguments, ToolContext.of(requestId == null ? "http" : requestId));
        ToolError error = result.error();
        if (error != null && ToolRegistry.INVALID_ARGUMENTS.equals(error.code())) {
            String pointer = error.where() == null || error.where().isEmpty() ? null : error.where();
            throw new GatewayException(ErrorKind.INVALID_REQUEST, error.message(), pointer,
                    ToolRegistry.INVALID_ARGUMENTS);
        }
        if (error != null && ToolRegistry.TOOL_NOT_FOUND.equals(error.code())) {
            throw notFound(name); // removed by its provider between the two lookups
        }
        return new Invocation(name, result.ok(), result.result(), error, result.provenance());
    }

    private static ObjectNode arguments(byte[] body) {
        if (body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw JsonErrors.toGatewayException(e);
        } catch (IOException e) {
            throw GatewayException.invalid("The request body could not be read.", null);
        }
        if (node == null || node.isMissingNode()) {
            return JSON.createObjectNode();
        }
        if (!node.isObject()) {
            throw new GatewayException(ErrorKind.INVALID_REQUEST, "The arguments must be a JSON object, not "
                    + kind(node) + ".", null, ToolRegistry.INVALID_ARGUMENTS);
        }
        return (ObjectNode) node;
    }

    private static String kind(JsonNode node) {
        return node.isArray() ? "an array" : node.isTextual() ? "a string" : node.isNumber() ? "a number"
                : node.isBoolean() ? "a boolean" : "null";
    }

    private static GatewayException notFound(String name) {
        String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
        return new GatewayException(ErrorKind.NOT_FOUND, "There is no tool named '" + shown + "'. GET /v1/tools lists them.",
                null, ToolRegistry.TOOL_NOT_FOUND);
    }

    private static ToolInfo describe(Tool tool) {
        return new ToolInfo(tool.spec().name(), tool.spec().description(), tool.spec().parameters());
    }

    public record ToolList(String object, List<ToolInfo> data) {
    }

    public record ToolInfo(String name, String description, JsonNode parameters) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Invocation(String tool, boolean ok, JsonNode result, ToolError error, Provenance provenance) {
    }
}
