package io.groundgate.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * Daily token counts are one Redis key per API key and UTC day, added to with {@code INCRBY} and expired at the day's end
 * in one script ({@code token-count.lua}), so every replica adds to and reads the same count.
 */
public final class RedisRateLimitStore implements RateLimitStore {

    static final String SCRIPT = script("token-bucket.lua");
    static final String SHA1 = sha1(SCRIPT);
    static final String COUNT_SCRIPT = script("token-count.lua");
    static final String COUNT_SHA1 = sha1(COUNT_SCRIPT);

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
        return eval(SCRIPT, SHA1, keyPrefix + keyName, intervalMicros, toleranceMicros)
                .map(reply -> number(reply) * 1_000);
    }

    @Override
    public Future<Long> tokensUsed(String keyName, LocalDate day) {
        return redis.send(Request.cmd(Command.GET).arg(tokensKey(keyName, day)))
                .map(reply -> reply == null ? 0L : reply.toLong());
    }

    @Override
    public Future<Long> addTokens(String keyName, LocalDate day, long tokens) {
        long dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        return eval(COUNT_SCRIPT, COUNT_SHA1, tokensKey(keyName, day), tokens, dayEnd)
                .map(RedisRateLimitStore::number);
    }

    private String tokensKey(String keyName, LocalDate day) {
        return keyPrefix + "tokens:" + keyName + ":" + day;
    }

    private Future<Response> eval(String text, String sha1, String key, long arg1, long arg2) {
        return redis.send(script(Command.EVALSHA, sha1, key, arg1, arg2))
                .recover(failure -> failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT")
                        ? redis.send(script(Command.EVAL, text, key, arg1, arg2))
                        : Future.failedFuture(failure));
    }

    /** Opens a connection and loads the script (a Redis that is not up yet is no start-up error). */
    Future<Void> warmUp() {
        return redis.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(SCRIPT))
                .compose(loaded -> redis.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(COUNT_SCRIPT))).mapEmpty();
    }

    private static Request script(Command command, String scriptOrSha, String key, long arg1, long arg2) {
        return Request.cmd(command).arg(scriptOrSha).arg(1).arg(key).arg(arg1).arg(arg2);
    }

    private static long number(Response reply) {
        if (reply == null) {
            throw new IllegalStateException("Redis returned no reply to the rate-limit script");
        }
        return reply.toLong();
    }

    private static String script(String name) {
        try (InputStream in = RedisRateLimitStore.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
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
