package io.groundgate.security;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Two keys with a daily token quota of 10 (below one fake answer's 15 tokens), in the local store. */
public class TokenQuotaProfile implements QuarkusTestProfile {

    static final String SPENDER = "sk-quota-spender";
    static final String BYSTANDER = "sk-quota-bystander";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "groundgate.security.api-keys.spender.sha256", ApiKeysProfile.hash(SPENDER),
                "groundgate.security.api-keys.spender.tokens-per-day", "10",
                "groundgate.security.api-keys.bystander.sha256", ApiKeysProfile.hash(BYSTANDER),
                "groundgate.security.api-keys.bystander.tokens-per-day", "10");
    }
}
