package io.groundgate.security;

import java.util.Optional;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.groundgate.api.ErrorResponses;
import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.vertx.ext.web.RoutingContext;

/**
 * Fail-closed check on the route that will actually run: a REST resource under {@code /admin}, {@code /v1} or
 * {@code /sparql} answers only when the matching access check ({@link AdminGuard}, {@link ApiKeyFilter}) has passed for
 * this request. Those checks match the request path by prefix; should the REST layer ever map a path to a protected
 * resource that the prefix did not match, the request is refused here instead of served unchecked.
 */
public class GuardedResources {

    private static final Logger LOG = Logger.getLogger(GuardedResources.class);

    @ServerRequestFilter
    public Optional<Response> check(ResourceInfo resource, RoutingContext ctx) {
        Class<?> type = resource.getResourceClass();
        Path path = type == null ? null : type.getAnnotation(Path.class);
        if (path == null) {
            return Optional.empty();
        }
        String area = path.value().startsWith("/") ? path.value() : "/" + path.value();
        boolean checked = area.startsWith("/admin") ? AdminGuard.passed(ctx)
                : area.startsWith("/v1") || area.startsWith("/sparql") ? AccessPolicy.identified(ctx)
                : true;
        if (checked) {
            return Optional.empty();
        }
        LOG.warnf("refused %s %s: it maps to %s but its access check did not run", ctx.request().method(),
                ctx.request().path(), type.getSimpleName());
        return Optional.of(ErrorResponses.toResponse(new GatewayException(ErrorKind.NOT_FOUND,
                "Unknown path: " + ctx.request().path() + ".", null, "unknown_path")));
    }
}
