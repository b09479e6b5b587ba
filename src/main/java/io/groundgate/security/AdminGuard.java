package io.groundgate.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.groundgate.api.ErrorResponses;
import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Guards {@code /admin/**}. With an admin key configured every admin call must present it. Without one, the gateway runs
 * open for local use: admin reads are allowed, admin writes are refused until a key exists.
 */
@ApplicationScoped
public class AdminGuard {

    private static final Logger LOG = Logger.getLogger(AdminGuard.class);
    private static final String PASSED = "groundgate.adminGuardPassed";

    private final Optional<byte[]> adminKeyHash;

    public AdminGuard(SecurityConfig config) {
        this.adminKeyHash = config.adminKeySha256().filter(h -> !h.isBlank()).map(KeyHash::fromHex)
                .or(() -> config.adminKey().filter(k -> !k.isBlank()).map(KeyHash::sha256));
        if (adminKeyHash.isEmpty()) {
            LOG.warn("No admin key (groundgate.security.admin-key): /admin reads are open and admin writes are disabled.");
        }
    }

    void register(@Observes Router router) {
        router.route("/admin/*").order(-900).handler(this::check);
    }

    /** Whether this guard let the request through (for {@link GuardedResources}). */
    static boolean passed(RoutingContext ctx) {
        return Boolean.TRUE.equals(ctx.get(PASSED));
    }

    private static void pass(RoutingContext ctx) {
        ctx.put(PASSED, Boolean.TRUE);
        ctx.next();
    }

    public boolean adminKeyConfigured() {
        return adminKeyHash.isPresent();
    }

    private void check(RoutingContext ctx) {
        boolean read = ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD;
        if (adminKeyHash.isEmpty()) {
            if (read) {
                pass(ctx);
            } else {
                ErrorResponses.write(ctx.response(), new GatewayException(ErrorKind.PERMISSION,
                        "Admin writes are disabled: configure an admin key (groundgate.security.admin-key).", null,
                        "admin_disabled"));
            }
            return;
        }
        if (KeyHash.matches(BearerToken.from(ctx.request()), adminKeyHash.get())) {
            pass(ctx);
        } else {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            ErrorResponses.write(ctx.response(), new GatewayException(ErrorKind.AUTHENTICATION,
                    "Admin endpoints need the admin key as 'Authorization: Bearer <key>'.", null, "invalid_admin_key"));
        }
    }
}
