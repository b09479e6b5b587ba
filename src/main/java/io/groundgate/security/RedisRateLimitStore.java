package io.groundgate.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * The buckets in Redis, shared by every replica: one Lua script ({@code token-bucket.lua}) takes a token atomically, so
 * parallel requests on any number of replicas never take more than the bucket holds. The script is sent by its SHA-1
 * ({@code EVALSHA}); only when Redis does not know it yet ({@code NOSCRIPT}, e.g. after a restart) is its text sent.
 */
public final class RedisRateLimitStore implements RateLimitStore {

    static final String SCRIPT = script();
    static final String SHA1 = sha1(SCRIPT);

    private final Redis redis;
    private final String keyPrefix;

    public RedisRateLimitStore(Redis redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public Future<Long> tryAcquire(String keyName, TokenBucket bucket) {
        long intervalMicros = Math.max(1, bucket.limit().intervalNanos() / 1_000);
        long toleranceMicros = intervalMicros * (bucket.limit().burst() - 1L);
        String key = keyPrefix + keyName;
        return redis.send(script(Command.EVALSHA, SHA1, key, intervalMicros, toleranceMicros))
                .recover(failure -> failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT")
                        ? redis.send(script(Command.EVAL, SCRIPT, key, intervalMicros, toleranceMicros))
                        : Future.failedFuture(failure))
                .map(RedisRateLimitStore::waitNanos);
    }

    /** Opens a connection and loads the script (a Redis that is not up yet is no start-up error). */
    Future<Void> warmUp() {
        return redis.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(SCRIPT)).mapEmpty();
    }

    private static Request script(Command command, String scriptOrSha, String key, long interval, long tolerance) {
        return Request.cmd(command).arg(scriptOrSha).arg(1).arg(key).arg(interval).arg(tolerance);
    }

    private static long waitNanos(Response reply) {
        if (reply == null) {
            throw new IllegalStateException("Redis returned no reply to the rate-limit script");
        }
        return reply.toLong() * 1_000;
    }

    private static String script() {
        try (InputStream in = RedisRateLimitStore.class.getResourceAsStream("token-bucket.lua")) {
            if (in == null) {
                throw new IllegalStateException("token-bucket.lua is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
