package io.groundgate.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts one {@link FakeOpenAiServer} on a free loopback port and points the upstream {@code fake} at it, serving the
 * models {@code fake-model}, {@code fake-tools}, {@code both-model} and {@code ctx-model} (a model without function
 * calling, grounded in context mode). {@code dead} points at a closed port and comes
 * first in {@code both-model}'s fallback chain; {@code flaky} is the fake again with a breaker that opens after two
 * failures; {@code faults} ({@code fault-model}) is the fake again without retries, with a 1 s first-byte and 3 s total
 * timeout and a breaker that does not open; {@code refused} ({@code refused-model}) is a closed port like {@code dead};
 * {@code touchy} ({@code touchy-model}) is the fake with a breaker that opens after two faults, for client-mistake tests;
 * {@code resp} ({@code resp-model}) is the fake called through the Responses API on the grounded route.
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
        Map<String, String> config = new java.util.HashMap<>();
        config.put("groundgate.upstreams.fake.base-url", fake.baseUrl());
        config.put("groundgate.upstreams.fake.api-key", "sk-upstream-secret");
        config.put("groundgate.upstreams.fake.models", "fake-model,fake-tools,both-model,ctx-model");
        config.put("groundgate.upstreams.fake.context-mode-models", "ctx-model");
        config.put("groundgate.upstreams.fake.first-byte-timeout", "2s");
        config.put("groundgate.upstreams.fake.retries", "1");
        config.put("groundgate.upstreams.fake.retry-backoff", "20ms");
        // first in the fallback chain of both-model, and always down
        config.put("groundgate.upstreams.dead.base-url", "http://127.0.0.1:" + ClosedPort.find() + "/v1");
        config.put("groundgate.upstreams.dead.models", "dead-model,both-model");
        config.put("groundgate.upstreams.dead.priority", "1");
        config.put("groundgate.upstreams.dead.connect-timeout", "1s");
        config.put("groundgate.upstreams.dead.retry-backoff", "20ms");
        // the same fake server, with a hair-trigger breaker, for the breaker test only
        config.put("groundgate.upstreams.flaky.base-url", fake.baseUrl());
        config.put("groundgate.upstreams.flaky.models", "flaky-model");
        config.put("groundgate.upstreams.flaky.retries", "0");
        config.put("groundgate.upstreams.flaky.breaker-failure-threshold", "2");
        config.put("groundgate.upstreams.flaky.breaker-open-duration", "10m");
        // the fault-mode tests: no retries, short timeouts, a breaker that never opens, so each fault counts exactly once
        config.put("groundgate.upstreams.faults.base-url", fake.baseUrl());
        config.put("groundgate.upstreams.faults.models", "fault-model");
        config.put("groundgate.upstreams.faults.retries", "0");
        config.put("groundgate.upstreams.faults.first-byte-timeout", "1s");
        config.put("groundgate.upstreams.faults.total-timeout", "3s");
        config.put("groundgate.upstreams.faults.breaker-failure-threshold", "1000");
        config.put("groundgate.upstreams.refused.base-url", "http://127.0.0.1:" + ClosedPort.find() + "/v1");
        config.put("groundgate.upstreams.refused.models", "refused-model");
        config.put("groundgate.upstreams.refused.retries", "0");
        config.put("groundgate.upstreams.refused.breaker-failure-threshold", "1000");
        // the fake again with a hair-trigger breaker, for the test that client mistakes never trip it
        config.put("groundgate.upstreams.touchy.base-url", fake.baseUrl());
        config.put("groundgate.upstreams.touchy.models", "touchy-model");
        config.put("groundgate.upstreams.touchy.retries", "0");
        config.put("groundgate.upstreams.touchy.breaker-failure-threshold", "2");
        config.put("groundgate.upstreams.touchy.breaker-open-duration", "10m");
        // the grounded route's tool loop against an upstream that speaks only the Responses API
        config.put("groundgate.upstreams.resp.base-url", fake.baseUrl());
        config.put("groundgate.upstreams.resp.models", "resp-model");
        config.put("groundgate.upstreams.resp.api", "responses");
        config.put("groundgate.upstreams.resp.retries", "0");
        config.put("groundgate.upstreams.resp.breaker-failure-threshold", "1000");
        return config;
    }

    @Override
    public void stop() {
        // the server is shared by every test class of the run; the JVM exit closes it
    }
}
