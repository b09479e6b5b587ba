package io.groundgate.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts one {@link FakeOpenAiServer} on a free loopback port and points the upstream {@code fake} at it, serving the
 * models {@code fake-model} and {@code fake-tools}. A second upstream, {@code dead}, points at a closed port.
 */
public class FakeUpstreamResource implements QuarkusTestResourceLifecycleManager {

    private static FakeOpenAiServer server;

    public static synchronized FakeOpenAiServer server() {
        if (server == null) {
            server = new FakeOpenAiServer().start();
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        FakeOpenAiServer fake = server();
        return Map.of(
                "groundgate.upstreams.fake.base-url", fake.baseUrl(),
                "groundgate.upstreams.fake.api-key", "sk-upstream-secret",
                "groundgate.upstreams.fake.models", "fake-model,fake-tools",
                "groundgate.upstreams.fake.first-byte-timeout", "2s",
                "groundgate.upstreams.dead.base-url", "http://127.0.0.1:" + ClosedPort.find() + "/v1",
                "groundgate.upstreams.dead.models", "dead-model",
                "groundgate.upstreams.dead.connect-timeout", "1s");
    }

    @Override
    public void stop() {
        // the server is shared by every test class of the run; the JVM exit closes it
    }
}
