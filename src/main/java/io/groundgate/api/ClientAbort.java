package io.groundgate.api;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;

/**
 * Recognises a client that went away mid-request (closed the connection, reset the stream): not a failure of the
 * gateway, so it is logged once at DEBUG, never as an ERROR with a stack trace.
 */
public final class ClientAbort {

    private ClientAbort() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpClosedException || t instanceof ClosedChannelException
                    || t instanceof StreamResetException) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null) {
                String message = t.getMessage().toLowerCase(Locale.ROOT);
                if (message.contains("connection reset") || message.contains("broken pipe")
                        || message.contains("connection was closed")) {
                    return true;
                }
            }
            if (t instanceof io.vertx.core.VertxException && "Connection was closed".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
