package io.groundgate.responses;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.groundgate.chat.ChatMessage;

/**
 * The conversations behind recent responses, for {@code previous_response_id}: bounded in number (oldest evicted first)
 * and in age, and visible only to the API key that created them.
 */
@ApplicationScoped
public class ResponseStore {

    /** A stored conversation: every message up to and including the response's own output. */
    public record Entry(String owner, List<ChatMessage> conversation, Instant expires) {
    }

    private final int maxEntries;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries;

    @Inject
    public ResponseStore(ResponsesConfig config) {
        this(config.storeMaxEntries(), config.storeTtl(), Clock.systemUTC());
    }

    ResponseStore(int maxEntries, Duration ttl, Clock clock) {
        this.maxEntries = maxEntries;
        this.ttl = ttl;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > ResponseStore.this.maxEntries;
            }
        };
    }

    public boolean enabled() {
        return maxEntries > 0;
    }

    public synchronized void put(String responseId, String owner, List<ChatMessage> conversation) {
        if (enabled()) {
            entries.put(responseId, new Entry(owner, List.copyOf(conversation), clock.instant().plus(ttl)));
        }
    }

    /** The conversation of a live response created by {@code owner}; empty when unknown, expired or someone else's. */
    public synchronized Optional<List<ChatMessage>> conversation(String responseId, String owner) {
        Entry entry = entries.get(responseId);
        if (entry == null || !entry.owner().equals(owner)) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(responseId);
            return Optional.empty();
        }
        return Optional.of(entry.conversation());
    }
}
