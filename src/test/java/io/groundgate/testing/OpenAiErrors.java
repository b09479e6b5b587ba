package io.groundgate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Asserts that an error response is OpenAI's error object, with a message in the client's terms. */
public final class OpenAiErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Text that only the gateway's insides produce: class and package names, stack trace lines. */
    public static final java.util.List<String> INTERNALS = java.util.List.of("java.lang", "java.util", "com.fasterxml",
            "dev.langchain4j", "io.groundgate", "io.vertx", "org.jboss", "org.apache", "Exception:", "\tat ", "\n\tat");

    private OpenAiErrors() {
    }

    public static void assertOpenAiError(RawHttp.Response response) {
        assertOpenAiError(response.status(), response.body());
    }

    public static void assertOpenAiError(int status, String body) {
        assertThat(body).as("error body of a %s", status).isNotBlank();
        JsonNode error;
        try {
            error = JSON.readTree(body).path("error");
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
        assertThat(error.path("message").asText()).as("error.message of %s", body).isNotBlank();
        assertThat(error.path("type").asText()).as("error.type of %s", body).isNotBlank();
        assertThat(error.has("param")).as("error.param of %s", body).isTrue();
        assertThat(error.has("code")).as("error.code of %s", body).isTrue();
        for (String internal : INTERNALS) {
            assertThat(error.path("message").asText()).as("message of %s", body).doesNotContain(internal);
        }
    }
}
