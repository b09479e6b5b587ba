package io.groundgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.groundgate.testing.OpenAiErrors;
import io.groundgate.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;

/** A REST resource in a protected area answers only when that area's access check has passed for the request. */
@QuarkusTest
class GuardedResourcesTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void aProtectedResourceReachedWithoutItsCheckIsRefused() {
        RawHttp.Response response = RawHttp.send(port, "GET", "/admin-unguarded", Map.of(), null);
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        OpenAiErrors.assertOpenAiError(response);
        assertThat(response.body()).doesNotContain("served without a check");
    }
}
