package io.groundgate.mcp;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.groundgate.api.ErrorResponses;
import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.groundgate.security.AccessPolicy;
import io.groundgate.security.ApiKeyFilter;
import io.groundgate.security.Caller;
import io.quarkiverse.mcp.server.runtime.ConnectionManager;
import io.quarkiverse.mcp.server.runtime.McpConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Guards {@code /mcp} after the API key check: refuses foreign browser origins (403), bounds the number of sessions (503)
 * and their lifetime (404, so the client starts afresh, as the specification describes), and binds each session to the
 * API key that opened it, so that no other key can use it.
 */
@ApplicationScoped
public class McpSessions {

    static final String SESSION_HEADER = "Mcp-Session-Id";

    /** A session the gateway knows: who opened it and when it must end. */
    record Session(Caller caller, Instant ends) {
    }

    private final McpConfig config;
    private final AccessPolicy access;
    private final ConnectionManager connections;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public McpSessions(McpConfig config, AccessPolicy access, ConnectionManager connections) {
        this.config = config;
        this.access = access;
        this.connections = connections;
    }

    void register(@Observes Router router) {
        router.routeWithRegex("/mcp(/.*)?").order(ApiKeyFilter.ORDER + 10).handler(this::guard);
    }

    /** The caller that opened a session; empty for an unknown one. */
    public Optional<Caller> caller(String sessionId) {
        Session session = sessionId == null ? null : sessions.get(sessionId);
        return Optional.ofNullable(session).map(Session::caller);
    }

    private void guard(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin != null && !config.allowedOrigins().map(list -> list.stream()
                .anyMatch(o -> o.equalsIgnoreCase(origin))).orElse(false)) {
            refuse(ctx, new GatewayException(ErrorKind.PERMISSION, 403, "The origin '" + origin + "' may not call /mcp "
                    + "(groundgate.mcp.allowed-origins).", null, "origin_not_allowed", Map.of()));
            return;
        }
        Caller caller = access.caller(ctx);
        String id = ctx.request().getHeader(SESSION_HEADER);
        if (id != null) {
            Session session = sessions.get(id);
            if (session != null && !clock.instant().isBefore(session.ends())) {
                end(id);
                session = null;
            }
            if (session == null || !session.caller().keyName().equals(caller.keyName())) {
                refuse(ctx, new GatewayException(ErrorKind.NOT_FOUND, "The MCP session '" + id + "' does not exist or "
                        + "has ended; start a new one with initialize.", null, "session_not_found"));
                return;
            }
            ctx.next();
            return;
        }
        if ("POST".equals(ctx.request().method().name())) {
            // sessions past their lifetime end here too, not only when next used: an abandoned one must not hold a slot
            sessions.forEach((known, session) -> {
                if (!connections.has(known) || !clock.instant().isBefore(session.ends())) {
                    end(known); // closed by the library (idle timeout, DELETE), or expired
                }
            });
            if (sessions.size() >= config.maxSessions()) {
                refuse(ctx, new GatewayException(ErrorKind.UNAVAILABLE, 503, "The gateway has reached its limit of "
                        + config.maxSessions() + " MCP sessions (groundgate.mcp.max-sessions); try again later.", null,
                        "too_many_sessions", Map.of("Retry-After", "30")));
                return;
            }
            ctx.addHeadersEndHandler(v -> {
                String opened = ctx.response().headers().get(SESSION_HEADER);
                if (opened != null) {
                    sessions.put(opened, new Session(caller, clock.instant().plus(config.sessionLifetime())));
                }
            });
        }
        ctx.next();
    }

    private void end(String id) {
        sessions.remove(id);
        McpConnectionBase connection = connections.get(id);
        if (connection != null) {
            connection.close();
            connections.remove(id);
        }
    }

    private static void refuse(RoutingContext ctx, GatewayException e) {
        ErrorResponses.write(ctx.response(), e);
    }
}
