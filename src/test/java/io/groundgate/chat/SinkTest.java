package io.groundgate.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A mapped or watched sink changes only the items: keep-alives and cancellation reach the sink underneath. */
class SinkTest {

    /** The bottom of a chain, as the HTTP response is: records what reaches it. */
    private static final class Recording implements Sink<String> {
        final List<String> sent = new ArrayList<>();
        int keepAlives;
        boolean gone;

        @Override
        public void send(String item) {
            sent.add(item);
        }

        @Override
        public void keepAlive() {
            keepAlives++;
        }

        @Override
        public boolean cancelled() {
            return gone;
        }
    }

    @Test
    void aMappedSinkTranslatesItemsAndPassesTheSignalsThrough() {
        Recording bottom = new Recording();
        Sink<Integer> numbers = bottom.mapping(n -> "data: " + n);

        numbers.send(7);
        numbers.keepAlive();
        assertThat(numbers.cancelled()).isFalse();
        bottom.gone = true;

        assertThat(bottom.sent).containsExactly("data: 7");
        assertThat(bottom.keepAlives).isEqualTo(1);
        assertThat(numbers.cancelled()).isTrue();
    }

    @Test
    void aWatchedSinkSeesEachItemBeforeItIsSent() {
        Recording bottom = new Recording();
        List<String> order = new ArrayList<>();
        Sink<String> watched = bottom.mapping((String s) -> {
            order.add("sent " + s);
            return s;
        }).peeking(s -> order.add("seen " + s));

        watched.send("a");
        watched.keepAlive();
        bottom.gone = true;

        assertThat(order).containsExactly("seen a", "sent a");
        assertThat(bottom.sent).containsExactly("a");
        assertThat(bottom.keepAlives).isEqualTo(1);
        assertThat(watched.cancelled()).isTrue();
    }
}
