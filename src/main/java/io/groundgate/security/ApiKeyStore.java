package io.groundgate.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

/**
 * The API keys in force: those configured as properties plus those in the key file, which a background check re-reads
 * whenever its content changes (a Kubernetes Secret swaps its {@code ..data} symlink; an editor rewrites the file — both
 * are seen). A file that cannot be read or parsed leaves the previous keys in force. Each key's token bucket survives a
 * reload as long as its limit is unchanged, so rotating a key does not refill its budget.
 */
@Startup
@ApplicationScoped
public class ApiKeyStore {

    private static final Logger LOG = Logger.getLogger(ApiKeyStore.class);

    /** A key with its bucket (null when the key has no rate limit). */
    public record Entry(ApiKey key, TokenBucket bucket) {
    }

    private final List<ApiKey> configured;
    private final Optional<Path> file;
    private final boolean open;
    private final ScheduledExecutorService watcher;
    private volatile Map<String, Entry> byHash = Map.of();
    private byte[] fileDigest;
    private boolean fileProblemLogged;

    public ApiKeyStore(ApiKeysConfig config) {
        this.configured = fromConfig(config);
        this.file = config.apiKeysFile().filter(f -> !f.isBlank()).map(Path::of);
        this.open = configured.isEmpty() && file.isEmpty();
        if (open) {
            LOG.warn("No API keys configured (groundgate.security.api-keys.<name>.sha256 or "
                    + "groundgate.security.api-keys-file): /v1 and /sparql are open to anyone who can reach this port.");
            this.watcher = null;
            return;
        }
        publish(configured);
        if (file.isPresent()) {
            checkFile();
            long interval = Math.max(100, config.apiKeysFileCheckInterval().toMillis());
            this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "groundgate-api-keys-watch");
                t.setDaemon(true);
                return t;
            });
            watcher.scheduleWithFixedDelay(this::checkFile, interval, interval, TimeUnit.MILLISECONDS);
        } else {
            this.watcher = null;
        }
    }

    /** True when no keys are configured at all: every caller is {@link Caller#ANONYMOUS}. */
    public boolean open() {
        return open;
    }

    /** The entry for a presented key, if it is one of ours. */
    public Optional<Entry> find(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(HexFormat.of().formatHex(KeyHash.sha256(presentedKey))));
    }

    /** Names of the keys in force, for diagnostics. */
    public List<String> keyNames() {
        return byHash.values().stream().map(e -> e.key().name()).sorted().toList();
    }

    /** Re-reads the key file if its content changed; called on a schedule, and safe to call at any time. */
    synchronized void checkFile() {
        if (file.isEmpty()) {
            return;
        }
        Path path = file.get();
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            problem("the API key file " + path + " does not exist; keeping the keys in force", null);
            return;
        } catch (IOException e) {
            problem("cannot read the API key file " + path + "; keeping the keys in force", e);
            return;
        }
        if (new String(content, StandardCharsets.UTF_8).isBlank()) {
            // An empty file is a write in progress (truncate, then write), not "no keys": keep the keys in force and
            // look again on the next check. To revoke every key, leave a comment line in the file.
            return;
        }
        byte[] digest = digest(content);
        if (Arrays.equals(digest, fileDigest)) {
            return;
        }
        List<ApiKey> fromFile;
        try {
            fromFile = ApiKeyFile.parse(new String(content, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            fileDigest = digest; // do not re-log the same broken content every few seconds
            LOG.errorf("The API key file %s is invalid (%s); keeping the keys in force.", path, e.getMessage());
            return;
        }
        fileDigest = digest;
        fileProblemLogged = false;
        Map<String, ApiKey> merged = new LinkedHashMap<>();
        configured.forEach(k -> merged.put(k.name(), k));
        fromFile.forEach(k -> {
            if (merged.put(k.name(), k) != null) {
                LOG.warnf("API key '%s' is both configured and in %s; the file's entry wins.", k.name(), path);
            }
        });
        publish(new ArrayList<>(merged.values()));
        LOG.infof("Loaded %d API key(s) from %s (%d in force).", fromFile.size(), path, byHash.size());
    }

    private void publish(List<ApiKey> keys) {
        Map<String, Entry> previousByName = new LinkedHashMap<>();
        byHash.values().forEach(e -> previousByName.put(e.key().name(), e));
        Map<String, Entry> next = new LinkedHashMap<>();
        for (ApiKey key : keys) {
            Entry previous = previousByName.get(key.name());
            TokenBucket bucket = key.rateLimit().map(limit -> previous != null && previous.bucket() != null
                    && previous.bucket().limit().equals(limit) ? previous.bucket() : new TokenBucket(limit)).orElse(null);
            if (next.putIfAbsent(key.sha256Hex(), new Entry(key, bucket)) != null) {
                LOG.warnf("API key '%s' has the same hash as another key; ignoring it.", key.name());
            }
        }
        byHash = Map.copyOf(next);
    }

    private void problem(String message, Exception cause) {
        if (!fileProblemLogged) {
            fileProblemLogged = true;
            if (cause == null) {
                LOG.warn(message);
            } else {
                LOG.warn(message + ": " + cause);
            }
        }
    }

    private static List<ApiKey> fromConfig(ApiKeysConfig config) {
        List<ApiKey> keys = new ArrayList<>();
        config.apiKeys().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ApiKeysConfig.ApiKeyEntry entry = e.getValue();
            String where = "groundgate.security.api-keys." + e.getKey();
            try {
                Optional<RateLimit> limit = Optional.empty();
                if (entry.rateLimit().requestsPerMinute().isPresent()) {
                    int rpm = entry.rateLimit().requestsPerMinute().getAsInt();
                    limit = Optional.of(new RateLimit(rpm, entry.rateLimit().burst().orElse(rpm)));
                } else if (entry.rateLimit().burst().isPresent()) {
                    throw new IllegalArgumentException("rate-limit.burst needs rate-limit.requests-per-minute");
                }
                keys.add(new ApiKey(e.getKey(), entry.sha256(), ModelAllowList.of(entry.models()), limit,
                        entry.tokensPerDay()));
            } catch (IllegalArgumentException invalid) {
                throw new IllegalStateException(where + ": " + invalid.getMessage(), invalid);
            }
        });
        return List.copyOf(keys);
    }

    private static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
