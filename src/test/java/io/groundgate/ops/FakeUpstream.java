package io.groundgate.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** An OpenAI-compatible upstream on a dynamic port that answers every chat completion with one fixed message. */
public class FakeUpstream implements QuarkusTestResourceLifecycleManager {

    static final String MODEL = "fake-model";
    private static final String ANSWER = """
            {"id":"chatcmpl-fake","object":"chat.completion","created":1767225600,"model":"fake-model",
             "choices":[{"index":0,"message":{"role":"assistant","content":"pong"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return Map.of("groundgate.upstreams.fake.base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "groundgate.upstreams.fake.api-key", "sk-upstream-test",
                "groundgate.upstreams.fake.models", MODEL);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
