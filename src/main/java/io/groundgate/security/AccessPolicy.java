package io.groundgate.security;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.ext.web.RoutingContext;

/**
 * What the caller of a request may do, once {@link ApiKeyFilter} has identified it. The chat route calls
 * {@link #requireModel} as soon as it knows the model; {@code GET /v1/models} lists only what {@link #mayUse} allows.
 */
@ApplicationScoped
public class AccessPolicy {

    static final String CALLER = "groundgate.caller";
    static final String KEY_NAME = "groundgate.key-name";

    private final ApiKeyStore keys;
    private final Counter modelRefusals;

    public AccessPolicy(ApiKeyStore keys, MeterRegistry registry) {
        this.keys = keys;
        this.modelRefusals = Counter.builder("groundgate.auth.rejections").tag("reason", "model_not_allowed")
                .description("Requests refused by the API key check").register(registry);
    }

    /**
     * The caller of this request: its key's name and allow-list; {@link Caller#ANONYMOUS} when the gateway runs open. A
     * request that reached here without passing the key check gets a caller that may use nothing.
     */
    public Caller caller(RoutingContext ctx) {
        Caller caller = ctx.get(CALLER);
        if (caller != null) {
            return caller;
        }
        return keys.open() ? Caller.ANONYMOUS : Caller.NOBODY;
    }

    /**
     * The name of the API key this request presented, for the access log: set as soon as the key is recognised, before
     * its rate limit and quota decide, so a request they refuse still names its key. Otherwise the caller's name
     * ({@code unauthenticated} for a missing or unknown key, {@code anonymous} when the gateway runs open).
     */
    public String keyName(RoutingContext ctx) {
        String recognised = ctx.get(KEY_NAME);
        return recognised != null ? recognised : caller(ctx).keyName();
    }

    /** Whether this request's caller may use the model. */
    public boolean mayUse(RoutingContext ctx, String model) {
        return caller(ctx).mayUse(model);
    }

    /**
     * Refuses a model the caller's key does not allow: 403 {@code permission_error} / {@code model_not_allowed}, with
     * {@code param: "model"}.
     */
    public void requireModel(RoutingContext ctx, String model) {
        Caller caller = caller(ctx);
        if (!caller.mayUse(model)) {
            modelRefusals.increment();
            throw new GatewayException(ErrorKind.PERMISSION,
                    "The API key '" + caller.keyName() + "' may not use the model '" + model + "'.", "model",
                    "model_not_allowed");
        }
    }

    /** The items whose model id the caller may use, in their order: the filter for {@code GET /v1/models}. */
    public <T> List<T> visible(RoutingContext ctx, Collection<T> items, Function<T, String> modelId) {
        Caller caller = caller(ctx);
        if (caller.models().allowsAll()) {
            return List.copyOf(items);
        }
        return items.stream().filter(item -> caller.mayUse(modelId.apply(item))).toList();
    }

    /** Whether {@link ApiKeyFilter} identified this request's caller (for {@link GuardedResources}). */
    static boolean identified(RoutingContext ctx) {
        return ctx.get(CALLER) != null;
    }

    static void recognise(RoutingContext ctx, String keyName) {
        ctx.put(KEY_NAME, keyName);
    }

    static void setCaller(RoutingContext ctx, Caller caller) {
        ctx.put(CALLER, caller);
    }
}
