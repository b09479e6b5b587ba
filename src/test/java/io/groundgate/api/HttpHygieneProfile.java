package io.groundgate.api;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A short body idle timeout, and an upstream (the fake one again) whose API key file does not exist (yet). */
public class HttpHygieneProfile implements QuarkusTestProfile {

    /** A fixed path: the profile class is loaded by the test's and by the application's class loader alike. */
    static final Path MISSING_KEY = Path.of("target", "groundgate-hygiene", "late-key").toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        MISSING_KEY.toFile().delete();
        return Map.of("groundgate.api.body-idle-timeout", "1s",
                "groundgate.upstreams.late.base-url", "${groundgate.upstreams.fake.base-url}",
                "groundgate.upstreams.late.api-key-file", MISSING_KEY.toString(),
                "groundgate.upstreams.late.models", "late-model");
    }
}
