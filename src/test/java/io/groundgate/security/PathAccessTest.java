package io.groundgate.security;

import static io.groundgate.testing.OpenAiErrors.assertOpenAiError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.groundgate.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Access is decided on the route that will actually run: every protected route, written every way a router might still
 * map to it (path parameters, encodings, empty and dot segments, trailing slash, other case), is either refused before
 * routing or checked exactly like its canonical path — and never writes a graph without the admin key.
 */
@QuarkusTest
@TestProfile(PathAccessProfile.class)
class PathAccessTest {

    private static final String TURTLE = "<urn:a> <urn:b> \"pwned\" .";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    /** A protected route: method, canonical path (no query), query string, content type and body. */
    record Route(String method, String path, String query, String contentType, String body) {
        boolean admin() {
            return path.startsWith("/admin");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route("GET", "/v1/models", "", null, null),
            new Route("GET", "/v1/models/groundgate-local", "", null, null),
            new Route("POST", "/v1/chat/completions", "", "application/json",
                    "{\"model\":\"groundgate-local\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
            new Route("GET", "/v1/tools", "", null, null),
            new Route("GET", "/v1/tools/calculator", "", null, null),
            new Route("POST", "/v1/tools/calculator/invoke", "", "application/json", "{\"expression\":\"1+1\"}"),
            new Route("GET", "/sparql", "?query=ASK%7B%7D", null, null),
            new Route("POST", "/sparql", "", "application/x-www-form-urlencoded", "query=ASK%7B%7D"),
            new Route("POST", "/sparql", "", "application/sparql-query", "ASK {}"),
            new Route("GET", "/admin/kg", "", null, null),
            new Route("POST", "/admin/kg/reload", "", null, ""),
            new Route("GET", "/admin/graphs", "?graph=widgets.ttl", null, null),
            new Route("PUT", "/admin/graphs", "?graph=pwned.ttl", "text/turtle", TURTLE),
            new Route("POST", "/admin/graphs", "?graph=pwned.ttl", "text/turtle", TURTLE),
            new Route("DELETE", "/admin/graphs", "?graph=widgets.ttl", null, null),
            new Route("GET", "/admin/tools", "", null, null),
            new Route("POST", "/admin/tools/reload", "", null, ""));

    /** Every spelling of {@code path} that some router might still map to it. */
    static List<String> variants(String path) {
        String[] segments = path.substring(1).split("/");
        String first = segments[0];
        String rest = path.substring(1 + first.length());
        String last = segments[segments.length - 1];
        String head = path.substring(0, path.length() - last.length());
        List<String> out = new ArrayList<>(List.of(
                "/" + first + ";x" + rest,
                "/" + first + ";=" + rest,
                "/" + first + ";" + rest,
                "/" + first + "%3Bx" + rest,
                "/" + first + "%3bx" + rest,
                head + last + ";x",
                head + last + ";jsessionid=1",
                "/" + first + "%2F" + rest.replaceFirst("^/", ""),
                "//" + first + rest,
                "/" + first + "/" + rest,
                "/./" + first + rest,
                "/" + first + "/." + rest,
                "/x/../" + first + rest,
                "/" + first + "/x/.." + rest,
                "/%2E/" + first + rest,
                "/x/%2E%2E/" + first + rest,
                "/" + first + "/%2e%2e/" + first + rest,
                "/%" + Integer.toHexString(first.charAt(0)) + first.substring(1) + rest,
                "/" + first + "%5C" + rest.replaceFirst("^/", ""),
                "/" + first + "%00" + rest,
                path + "/",
                path.toUpperCase(Locale.ROOT),
                "/" + first.toUpperCase(Locale.ROOT) + rest,
                "/" + Character.toUpperCase(first.charAt(0)) + first.substring(1) + rest));
        return out.stream().distinct().toList();
    }

    static Stream<Arguments> probes() {
        return ROUTES.stream().flatMap(route -> variants(route.path()).stream().map(v -> Arguments.of(route, v)));
    }

    @AfterEach
    void noGraphWasWritten() {
        assertThat(PathAccessProfile.KG_FOLDER.resolve("pwned.ttl")).doesNotExist();
        assertThat(PathAccessProfile.KG_FOLDER.resolve("widgets.ttl")).exists();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("probes")
    void withoutAKeyEveryVariantIsRefusedInOpenAiFormat(Route route, String variant) throws IOException {
        RawHttp.Response canonical = send(route, route.path(), null);
        RawHttp.Response probe = send(route, variant, null);
        assertThat(canonical.status()).as("canonical %s without a key", route).isIn(401, 403);
        assertThat(probe.status()).as("%s %s without a key: %s", route.method(), variant, probe.body())
                .isIn(400, 401, 403, 404, 405);
        assertOpenAiError(probe);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("probes")
    void withTheKeyEveryVariantIsRefusedOrServedLikeTheCanonicalPath(Route route, String variant) throws IOException {
        String key = route.admin() ? PathAccessProfile.ADMIN_KEY : ApiKeysProfile.ALPHA;
        Route harmless = route.body() != null && route.body().equals(TURTLE)
                ? new Route(route.method(), route.path(), "?graph=probe.ttl", route.contentType(), route.body())
                : route.method().equals("DELETE") ? new Route("DELETE", route.path(), "?graph=probe.ttl", null, null)
                : route;
        RawHttp.Response canonical = send(harmless, harmless.path(), key);
        RawHttp.Response probe = send(harmless, variant, key);
        assertThat(canonical.status()).as("canonical %s with the key: %s", route, canonical.body()).isLessThan(500);
        if (probe.status() >= 400) {
            assertThat(probe.status()).as("%s %s with the key: %s", route.method(), variant, probe.body())
                    .isIn(400, 404, 405, canonical.status());
            assertOpenAiError(probe);
        } else {
            assertThat(probe.status()).as("%s %s with the key", route.method(), variant).isEqualTo(canonical.status());
        }
    }

    @org.junit.jupiter.api.Test
    void aFiveThousandCharacterUrlGets414InOpenAiFormat() throws IOException {
        RawHttp.Response response = RawHttp.send(port, "GET", "/v1/models?q=" + "x".repeat(5_000),
                Map.of("Authorization", "Bearer " + ApiKeysProfile.ALPHA), null);
        assertThat(response.status()).isEqualTo(414);
        assertOpenAiError(response);
        assertThat(response.body()).contains("url_too_long");
    }

    private RawHttp.Response send(Route route, String path, String key) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (key != null) {
            headers.put("Authorization", "Bearer " + key);
        }
        if (route.contentType() != null) {
            headers.put("Content-Type", route.contentType());
        }
        byte[] body = route.body() == null ? null : route.body().getBytes(StandardCharsets.UTF_8);
        return RawHttp.send(port, route.method(), path + route.query(), headers, body);
    }
}
