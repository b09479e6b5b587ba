package io.groundgate.api;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/** Reads a request body up to a limit, refusing a larger one with 413 before reading it all. */
final class BoundedBody {

    private BoundedBody() {
    }

    static Future<Buffer> read(HttpServerRequest request, int maxBytes) {
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
        Buffer body = Buffer.buffer((int) Math.max(length, 16));
        request.handler(chunk -> {
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
        request.resume();
        return promise.future();
    }

    private static GatewayException tooLarge(int maxBytes) {
        return new GatewayException(ErrorKind.PAYLOAD_TOO_LARGE,
                "The request body is larger than this gateway accepts (" + maxBytes + " bytes; groundgate.api.max-body-bytes).",
                null, "request_too_large");
    }
}
