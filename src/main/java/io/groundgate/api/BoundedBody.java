package io.groundgate.api;

import java.time.Duration;
import java.util.Map;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Reads a request body up to a limit, refusing a larger one with 413 before reading it all. Memory follows the bytes
 * that arrive, never the declared {@code Content-Length}; a body that stops arriving for longer than the idle timeout
 * is refused with 408 and its connection closed, so an idle client pins neither memory nor a connection for long.
 */
final class BoundedBody {

    /** The most a declared length reserves before any byte arrives. */
    static final int MAX_INITIAL_CAPACITY = 8 * 1024;

    private BoundedBody() {
    }

    static Future<Buffer> read(Vertx vertx, HttpServerRequest request, int maxBytes, Duration idleTimeout) {
        String declared = request.getHeader("Content-Length");
        long length = 1024;
        if (declared != null) {
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                return Future.failedFuture(GatewayException.invalid("Content-Length is not a number.", null));
            }
            if (length < 0) {
                return Future.failedFuture(GatewayException.invalid("Content-Length cannot be negative.", null));
            }
            if (length > maxBytes) {
                return Future.failedFuture(tooLarge(maxBytes));
            }
        }
        Promise<Buffer> promise = Promise.promise();
        Buffer body = Buffer.buffer(initialCapacity(length));
        IdleTimer idle = new IdleTimer(vertx, idleTimeout.toMillis(), () -> {
            if (promise.tryFail(idle(idleTimeout))) {
                request.pause();
            }
        });
        request.handler(chunk -> {
            idle.touch();
            if (body.length() + chunk.length() > maxBytes) {
                if (promise.tryFail(tooLarge(maxBytes))) {
                    request.pause();
                }
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(promise::tryFail);
        request.endHandler(v -> promise.tryComplete(body));
        idle.touch();
        request.resume();
        return promise.future().onComplete(done -> idle.stop());
    }

    /** What to reserve for a body that declares {@code declared} bytes: the buffer grows as bytes arrive. */
    static int initialCapacity(long declared) {
        return (int) Math.max(16, Math.min(declared, MAX_INITIAL_CAPACITY));
    }

    /** Whether the failure means the connection must not be reused: the rest of the body is not going to be read. */
    static boolean abandonsBody(Throwable failure) {
        return failure instanceof GatewayException e
                && (e.kind() == ErrorKind.PAYLOAD_TOO_LARGE || e.status() == 408);
    }

    /** Whether the body stopped arriving (408). */
    static boolean stalled(Throwable failure) {
        return failure instanceof GatewayException e && e.status() == 408;
    }

    private static GatewayException tooLarge(int maxBytes) {
        return new GatewayException(ErrorKind.PAYLOAD_TOO_LARGE,
                "The request body is larger than this gateway accepts (" + maxBytes + " bytes; groundgate.api.max-body-bytes).",
                null, "request_too_large");
    }

    private static GatewayException idle(Duration timeout) {
        return new GatewayException(ErrorKind.INVALID_REQUEST, 408, "The request body stopped arriving for "
                + timeout.toMillis() + " ms (groundgate.api.body-idle-timeout); send the whole body without pausing.",
                null, "request_timeout", Map.of("Connection", "close"));
    }

    /** One Vert.x timer, re-armed on every chunk and cancelled when reading ends, however it ends. */
    private static final class IdleTimer {
        private final Vertx vertx;
        private final long millis;
        private final Runnable onIdle;
        private long timer = -1;
        private boolean stopped;

        IdleTimer(Vertx vertx, long millis, Runnable onIdle) {
            this.vertx = vertx;
            this.millis = Math.max(1, millis);
            this.onIdle = onIdle;
        }

        void touch() {
            if (stopped) {
                return;
            }
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            timer = vertx.setTimer(millis, id -> onIdle.run());
        }

        void stop() {
            stopped = true;
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
        }
    }
}
