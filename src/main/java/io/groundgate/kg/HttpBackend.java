package io.groundgate.kg;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;

/** Queries a remote SPARQL 1.1 endpoint. */
final class HttpBackend implements SparqlBackend {

    private final String queryUrl;
    private final Optional<String> authorization;

    HttpBackend(String queryUrl, Optional<String> authorization) {
        this.queryUrl = queryUrl;
        this.authorization = authorization;
    }

    /** A basic {@code Authorization} header value, when both parts are given. */
    static Optional<String> basicAuth(Optional<String> user, Optional<String> password) {
        if (user.isEmpty() || user.get().isBlank()) {
            return Optional.empty();
        }
        String pair = user.get() + ":" + password.orElse("");
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public QueryExec build(Query query, Binding substitution, Duration timeout) {
        QueryExecHTTPBuilder builder = QueryExecHTTP.service(queryUrl).query(query)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        authorization.ifPresent(a -> builder.httpHeader("Authorization", a));
        if (substitution != null && !substitution.isEmpty()) {
            builder.substitution(substitution);
        }
        return builder.build();
    }

    @Override
    public <T> T read(Supplier<T> action) {
        return action.get();
    }
}
