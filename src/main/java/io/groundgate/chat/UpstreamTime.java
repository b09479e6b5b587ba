package io.groundgate.chat;

import java.util.concurrent.atomic.AtomicLong;

/** Time one request spent waiting on upstream models, so the gateway can report only the time it added itself. */
public final class UpstreamTime {

    private final AtomicLong nanos = new AtomicLong();

    public void add(long elapsedNanos) {
        nanos.addAndGet(elapsedNanos);
    }

    public long nanos() {
        return nanos.get();
    }
}
