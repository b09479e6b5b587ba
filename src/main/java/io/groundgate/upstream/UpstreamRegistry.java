package io.groundgate.upstream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.quarkus.runtime.Startup;

/**
 * The configured upstreams, their secrets read at start-up. An upstream whose {@code api-key-file} cannot be read
 * (say, a Kubernetes secret not mounted yet) stays listed but misconfigured: requests routed only to it get 503
 * {@code upstream_misconfigured}, readiness reports it DOWN by name, and the file is read again (at most once a second)
 * until it can be, which heals the upstream without a restart.
 */
@ApplicationScoped
@Startup
public class UpstreamRegistry {

    private static final Logger LOG = Logger.getLogger(UpstreamRegistry.class);
    private static final long RETRY_NANOS = 1_000_000_000L;

    private final Map<String, Upstream> upstreams;
    private final Map<String, KeyProblem> misconfigured = new ConcurrentHashMap<>();

    /** Why an upstream's key is missing, and when the file was last tried. */
    private record KeyProblem(String file, String problem, long checkedAtNanos) {
    }

    public UpstreamRegistry(UpstreamsConfig config) {
        Map<String, Upstream> resolved = new TreeMap<>();
        config.all().forEach((name, c) -> {
            Optional<String> key = Optional.empty();
            try {
                key = apiKey(name, c);
            } catch (KeyFileException e) {
                LOG.errorf("Upstream '%s' is misconfigured and will answer 503 until this is fixed: %s", name,
                        e.getMessage());
                misconfigured.put(name, new KeyProblem(e.file, e.getMessage(), System.nanoTime()));
            }
            resolved.put(name, new Upstream(name, stripSlash(c.baseUrl()), key, c.connectTimeout(), c.firstByteTimeout(),
                    c.totalTimeout(), c.maxConnections(), c.priority(), c.retries(), c.retryBackoff(),
                    c.breakerFailureThreshold(), c.breakerOpenDuration()));
        });
        this.upstreams = new ConcurrentHashMap<>(resolved);
    }

    /** The upstream, ready to call; 503 {@code upstream_misconfigured} while its key file cannot be read. */
    public Upstream get(String name) {
        Upstream upstream = upstreams.get(name);
        if (upstream == null) {
            throw new GatewayException(ErrorKind.INTERNAL, "no upstream named '" + name + "' is configured");
        }
        KeyProblem problem = misconfigured.get(name);
        if (problem != null && !retry(upstream, problem)) {
            throw new GatewayException(ErrorKind.UNAVAILABLE, "The upstream '" + name + "' is misconfigured: its API key"
                    + " file cannot be read. The gateway's operator has to provide it; see the readiness check.", null,
                    "upstream_misconfigured");
        }
        return upstreams.get(name);
    }

    /** The upstreams named, in chain order, leaving out misconfigured ones unless all of them are. */
    public List<Upstream> chain(List<String> names) {
        List<Upstream> usable = new ArrayList<>(names.size());
        GatewayException first = null;
        for (String name : names) {
            try {
                usable.add(get(name));
            } catch (GatewayException e) {
                if (!"upstream_misconfigured".equals(e.code())) {
                    throw e;
                }
                first = first == null ? e : first;
            }
        }
        if (usable.isEmpty() && first != null) {
            throw first;
        }
        return usable;
    }

    public Map<String, Upstream> all() {
        return Collections.unmodifiableMap(upstreams);
    }

    /** Misconfigured upstreams by name, with what is wrong (for the readiness check; may name files). */
    public Map<String, String> problems() {
        Map<String, String> out = new TreeMap<>();
        misconfigured.forEach((name, problem) -> out.put(name, problem.problem()));
        return out;
    }

    private synchronized boolean retry(Upstream upstream, KeyProblem problem) {
        if (!misconfigured.containsKey(upstream.name())) {
            return true; // healed by a concurrent call
        }
        if (System.nanoTime() - problem.checkedAtNanos() < RETRY_NANOS) {
            return false;
        }
        try {
            String key = readKey(upstream.name(), problem.file());
            upstreams.put(upstream.name(), new Upstream(upstream.name(), upstream.baseUrl(), Optional.of(key),
                    upstream.connectTimeout(), upstream.firstByteTimeout(), upstream.totalTimeout(),
                    upstream.maxConnections(), upstream.priority(), upstream.retries(), upstream.retryBackoff(),
                    upstream.breakerFailureThreshold(), upstream.breakerOpenDuration()));
            misconfigured.remove(upstream.name());
            LOG.infof("Upstream '%s': its API key file is readable now; the upstream is in service.", upstream.name());
            return true;
        } catch (KeyFileException e) {
            misconfigured.put(upstream.name(), new KeyProblem(problem.file(), e.getMessage(), System.nanoTime()));
            return false;
        }
    }

    private static Optional<String> apiKey(String name, UpstreamsConfig.Upstream config) {
        if (config.apiKey().filter(k -> !k.isBlank()).isPresent()) {
            return config.apiKey().map(String::strip);
        }
        return config.apiKeyFile().map(file -> readKey(name, file));
    }

    private static String readKey(String name, String file) {
        String key;
        try {
            key = Files.readString(Path.of(file)).strip();
        } catch (IOException | RuntimeException e) {
            throw new KeyFileException(file, "groundgate.upstreams." + name + ".api-key-file: cannot read " + file
                    + " (" + e.getClass().getSimpleName() + ")");
        }
        if (key.isEmpty()) {
            throw new KeyFileException(file, "groundgate.upstreams." + name + ".api-key-file: " + file + " is empty");
        }
        return key;
    }

    private static final class KeyFileException extends RuntimeException {
        private final String file;

        KeyFileException(String file, String message) {
            super(message);
            this.file = file;
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
