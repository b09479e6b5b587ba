package io.groundgate.responses;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The response store switched off: the gateway keeps no responses to continue. */
public class ResponseStoreOffProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("groundgate.responses.store-max-entries", "0");
    }
}
