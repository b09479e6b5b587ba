package io.groundgate.responses;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.groundgate.chat.ChatMessage;

class ResponseStoreTest {

    private static final List<ChatMessage> CONVERSATION = List.of(ChatMessage.system("hello"));

    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void entriesExpireAfterTheirTtl() {
        Hand clock = new Hand();
        ResponseStore store = new ResponseStore(10, Duration.ofMinutes(5), clock);
        store.put("resp_1", "key-a", CONVERSATION);
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(store.conversation("resp_1", "key-a")).contains(CONVERSATION);
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(store.conversation("resp_1", "key-a")).isEmpty();
    }

    @Test
    void theOldestEntriesGoFirstPastTheBound() {
        ResponseStore store = new ResponseStore(2, Duration.ofHours(1), Clock.systemUTC());
        store.put("resp_1", "k", CONVERSATION);
        store.put("resp_2", "k", CONVERSATION);
        store.put("resp_3", "k", CONVERSATION);
        assertThat(store.conversation("resp_1", "k")).isEmpty();
        assertThat(store.conversation("resp_2", "k")).isPresent();
        assertThat(store.conversation("resp_3", "k")).isPresent();
    }

    @Test
    void anotherKeyCannotContinueAResponse() {
        ResponseStore store = new ResponseStore(2, Duration.ofHours(1), Clock.systemUTC());
        store.put("resp_1", "key-a", CONVERSATION);
        assertThat(store.conversation("resp_1", "key-b")).isEmpty();
    }

    @Test
    void aDisabledStoreIsRefusedClearly() {
        ResponsesService service = new ResponsesService(new ResponseStore(0, Duration.ofHours(1), Clock.systemUTC()));
        ResponsesRequest request = new ResponsesRequest("grounded/m", null, null, null, null, null, "resp_1", null, null,
                null, null, null, null, null, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.prepare(request, "k"))
                .isInstanceOfSatisfying(io.groundgate.chat.GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.param()).isEqualTo("previous_response_id");
                    assertThat(e.code()).isEqualTo("previous_response_not_supported");
                });
    }
}
