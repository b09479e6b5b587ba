package io.groundgate.upstream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;

/** The configured upstreams, their secrets read once at start-up. */
@ApplicationScoped
public class UpstreamRegistry {

    private final Map<String, Upstream> upstreams;

    public UpstreamRegistry(UpstreamsConfig config) {
        Map<String, Upstream> resolved = new TreeMap<>();
        config.all().forEach((name, c) -> resolved.put(name, new Upstream(name, stripSlash(c.baseUrl()),
                apiKey(name, c), c.connectTimeout(), c.firstByteTimeout(), c.totalTimeout(), c.maxConnections(), c.priority(),
                c.retries(), c.retryBackoff(), c.breakerFailureThreshold(), c.breakerOpenDuration())));
        this.upstreams = Map.copyOf(resolved);
    }

    public Upstream get(String name) {
        Upstream upstream = upstreams.get(name);
        if (upstream == null) {
            throw new GatewayException(ErrorKind.INTERNAL, "no upstream named '" + name + "' is configured");
        }
        return upstream;
    }

    /** The upstreams named, in chain order. */
    public java.util.List<Upstream> chain(java.util.List<String> names) {
        return names.stream().map(this::get).toList();
    }

    public Map<String, Upstream> all() {
        return upstreams;
    }

    private static Optional<String> apiKey(String name, UpstreamsConfig.Upstream config) {
        if (config.apiKey().filter(k -> !k.isBlank()).isPresent()) {
            return config.apiKey().map(String::strip);
        }
        return config.apiKeyFile().map(file -> {
            try {
                return Files.readString(Path.of(file)).strip();
            } catch (IOException e) {
                throw new IllegalStateException(
                        "groundgate.upstreams." + name + ".api-key-file: cannot read " + file + ": " + e.getMessage(), e);
            }
        });
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
