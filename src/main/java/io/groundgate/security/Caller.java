package io.groundgate.security;

import java.util.List;

/**
 * Who is calling, as the API key check established it.
 *
 * @param keyName the API key's configured name, or {@code anonymous} when the gateway runs open
 * @param models the models the caller may use
 */
public record Caller(String keyName, ModelAllowList models) {

    /** The caller when no API keys are configured: anyone, any model. */
    public static final Caller ANONYMOUS = new Caller("anonymous", ModelAllowList.all());

    /** A caller that may use nothing: the answer when a guarded path was reached without the check (fail closed). */
    static final Caller NOBODY = new Caller("unauthenticated", ModelAllowList.of(List.of()));

    public boolean mayUse(String model) {
        return models.allows(model);
    }
}
