package io.groundgate.evals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs Node in {@code evals/}. In CI Node and the runner's dependencies must be there ({@code npm ci} in evals/, done by
 * the build's node-sdk profile); elsewhere a missing install skips the test with a message.
 */
final class EvalNode {

    static final File DIR = new File("evals");

    private EvalNode() {
    }

    /** The exit status and everything the process printed (stdout and stderr interleaved). */
    record Result(int exitCode, String output) {
    }

    static void requireNode(boolean needsDependencies) {
        boolean node;
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            node = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            node = false;
        }
        boolean installed = !needsDependencies || new File(DIR, "node_modules/openai/package.json").isFile();
        if (!node || !installed) {
            String what = !node ? "Node.js is not on the PATH" : "the eval runner's dependencies are not installed";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(what + ": run 'npm ci' in evals/");
            }
            Assumptions.abort(what + "; run: (cd evals && npm ci)");
        }
    }

    static Result run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("node");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(DIR).redirectErrorStream(true).start();
        // read while it runs so a full pipe cannot block the child
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append(e);
            }
        });
        reader.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            reader.join(5000);
            throw new IllegalStateException("node " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s:\n"
                    + output);
        }
        reader.join(10_000);
        return new Result(process.exitValue(), output.toString());
    }
}
