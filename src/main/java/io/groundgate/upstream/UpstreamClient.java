package io.groundgate.upstream;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Sends requests to upstreams over pooled keep-alive connections and hands back the response once its status is known,
 * with its body not yet read. Error statuses and transport failures come back as {@link io.groundgate.chat.GatewayException}s.
 */
@ApplicationScoped
public class UpstreamClient {

    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final Vertx vertx;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    public UpstreamClient(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * POSTs {@code body} to {@code path} below the upstream's base URL.
     *
     * @return the exchange, its response paused, for a 2xx status; a failed future with a GatewayException otherwise
     */
    public Future<UpstreamExchange> post(Upstream upstream, String path, Buffer body, MultiMap headers) {
        RequestOptions options = endpoints.computeIfAbsent(upstream.baseUrl(), Endpoint::of).options(path)
                .setMethod(HttpMethod.POST)
                .setIdleTimeout(upstream.firstByteTimeout().toMillis())
                .setConnectTimeout(upstream.connectTimeout().toMillis());
        long started = System.nanoTime();
        return client(upstream).request(options).compose(request -> {
            request.headers().addAll(headers);
            request.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
            upstream.apiKey().ifPresent(key -> request.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key));
            long timer = vertx.setTimer(upstream.totalTimeout().toMillis(),
                    id -> request.reset(0, new UpstreamErrors.TotalTimeoutException()));
            return request.send(body)
                    .compose(response -> accept(upstream, request, response, started, timer),
                            failure -> {
                                vertx.cancelTimer(timer);
                                return Future.failedFuture(UpstreamErrors.transport(upstream, failure));
                            });
        }, failure -> Future.failedFuture(UpstreamErrors.transport(upstream, failure)));
    }

    private Future<UpstreamExchange> accept(Upstream upstream, HttpClientRequest request, HttpClientResponse response,
            long started, long timer) {
        // end() completes however the body ends, and unlike endHandler a reader cannot replace it
        response.end().onComplete(v -> vertx.cancelTimer(timer));
        if (response.statusCode() / 100 == 2) {
            response.pause();
            return Future.succeededFuture(new UpstreamExchange(upstream, request, response, started, System.nanoTime()));
        }
        // An error status: read a bounded part of the body to report what the upstream said.
        return readBounded(response).transform(result -> {
            vertx.cancelTimer(timer);
            Buffer errorBody = result.succeeded() ? result.result() : Buffer.buffer();
            return Future.failedFuture(UpstreamErrors.status(upstream, response.statusCode(), response.headers(), errorBody));
        });
    }

    private static Future<Buffer> readBounded(HttpClientResponse response) {
        Buffer collected = Buffer.buffer();
        io.vertx.core.Promise<Buffer> promise = io.vertx.core.Promise.promise();
        response.handler(chunk -> {
            if (collected.length() < MAX_ERROR_BODY) {
                collected.appendBuffer(chunk, 0, Math.min(chunk.length(), MAX_ERROR_BODY - collected.length()));
            }
        });
        response.exceptionHandler(promise::tryFail);
        response.endHandler(v -> promise.tryComplete(collected));
        return promise.future();
    }

    private HttpClient client(Upstream upstream) {
        return clients.computeIfAbsent(upstream.name(), name -> vertx.createHttpClient(
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setTcpNoDelay(true)
                        .setConnectTimeout((int) upstream.connectTimeout().toMillis())
                        .setDecompressionSupported(false)
                        .setName("groundgate-upstream-" + name),
                new PoolOptions().setHttp1MaxSize(upstream.maxConnections())));
    }

    /**
     * A base URL taken apart once: {@code RequestOptions.setAbsoluteURI} parses a {@code java.net.URL} on every call,
     * which showed in the passthrough profile.
     */
    private record Endpoint(String baseUrl, String host, int port, boolean ssl, String basePath) {

        static Endpoint of(String baseUrl) {
            try {
                URI uri = new URI(baseUrl);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                boolean plain = scheme.equals("http");
                if ((plain || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().startsWith("[")
                        && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
                    int port = uri.getPort() > 0 ? uri.getPort() : plain ? 80 : 443;
                    return new Endpoint(baseUrl, uri.getHost(), port, !plain, uri.getRawPath() == null ? "" : uri.getRawPath());
                }
            } catch (URISyntaxException e) {
                // left to Vert.x, which reports it as before
            }
            return new Endpoint(baseUrl, null, 0, false, null);
        }

        RequestOptions options(String path) {
            if (host == null) { // a form this record does not take apart (IPv6 literal, user info...): Vert.x parses it
                return new RequestOptions().setAbsoluteURI(baseUrl + path);
            }
            return new RequestOptions().setHost(host).setPort(port).setSsl(ssl).setURI(basePath + path);
        }
    }

    @PreDestroy
    void close() {
        clients.values().forEach(HttpClient::close);
    }
}
