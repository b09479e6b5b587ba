package io.groundgate.conformance;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs {@code src/test/node/conformance.mjs} (the official OpenAI Node SDK, pinned by its lock file). In CI the SDK must
 * be installed ({@code .ci/run} runs {@code npm ci}); elsewhere a missing install skips the test with a message.
 */
final class NodeSdk {

    private static final File DIR = new File("src/test/node");

    private NodeSdk() {
    }

    /** The JSON line each step printed. */
    static List<JsonNode> run(String baseUrl, String model, String steps) throws IOException, InterruptedException {
        return run(baseUrl, model, steps, java.util.Map.of());
    }

    static List<JsonNode> run(String baseUrl, String model, String steps, java.util.Map<String, String> env)
            throws IOException, InterruptedException {
        boolean installed = new File(DIR, "node_modules/openai/package.json").isFile();
        if (!installed) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("the OpenAI Node SDK is not installed: run 'npm ci' in src/test/node");
            }
            Assumptions.abort("OpenAI Node SDK not installed; run: (cd src/test/node && npm ci)");
        }
        ProcessBuilder builder = new ProcessBuilder("node", "conformance.mjs", baseUrl, model, steps)
                .directory(DIR).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the Node SDK run did not finish in 90 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("{")) {
                lines.add(json.readTree(line));
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("the Node SDK run printed no result: " + output);
        }
        return lines;
    }
}
