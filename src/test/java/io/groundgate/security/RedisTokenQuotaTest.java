package io.groundgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.groundgate.testing.RedisServer;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;

/** Two stores on one real redis-server, as two replicas would have: they add to and read one daily count. */
class RedisTokenQuotaTest {

    @Test
    void twoStoresOnOneRedisShareTheDailyTokenCount() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (RedisServer server = RedisServer.start()) {
            Redis one = Redis.createClient(vertx, server.url());
            Redis two = Redis.createClient(vertx, server.url());
            RedisRateLimitStore replicaOne = new RedisRateLimitStore(one, "gg:test:");
            RedisRateLimitStore replicaTwo = new RedisRateLimitStore(two, "gg:test:");
            LocalDate today = LocalDate.now(ZoneOffset.UTC);

            assertThat(get(replicaTwo.tokensUsed("alice", today))).isZero();
            assertThat(get(replicaOne.addTokens("alice", today, 15))).isEqualTo(15);
            assertThat(get(replicaTwo.addTokens("alice", today, 7))).isEqualTo(22);
            assertThat(get(replicaOne.tokensUsed("alice", today))).isEqualTo(22);
            assertThat(get(replicaTwo.tokensUsed("alice", today))).isEqualTo(22);
            assertThat(get(replicaOne.tokensUsed("bob", today))).as("another key").isZero();
            assertThat(get(replicaOne.tokensUsed("alice", today.minusDays(1)))).as("another day").isZero();

            // the count expires at the end of its UTC day
            long ttl = Long.parseLong(server.command("TTL gg:test:tokens:alice:" + today).substring(1));
            long untilMidnight = java.time.Duration.between(java.time.Instant.now(),
                    today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).toSeconds();
            assertThat(ttl).isBetween(untilMidnight - 5, untilMidnight + 5);
            one.close();
            two.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static long get(io.vertx.core.Future<Long> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
