package io.groundgate.ops;

import java.util.HexFormat;
import java.util.Map;

import io.groundgate.security.KeyHash;
import io.quarkus.test.junit.QuarkusTestProfile;

/** The access log switched on, with one ordinary key and one key whose rate limit admits a single request. */
public class AccessLogProfile implements QuarkusTestProfile {

    static final String OPS = "sk-access-log-ops";
    static final String LIMITED = "sk-access-log-limited";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "groundgate.access-log.enabled", "true",
                "groundgate.security.api-keys.ops.sha256", hash(OPS),
                "groundgate.security.api-keys.one-shot.sha256", hash(LIMITED),
                "groundgate.security.api-keys.one-shot.rate-limit.requests-per-minute", "1",
                "groundgate.security.api-keys.one-shot.rate-limit.burst", "1");
    }

    private static String hash(String key) {
        return HexFormat.of().formatHex(KeyHash.sha256(key));
    }
}
