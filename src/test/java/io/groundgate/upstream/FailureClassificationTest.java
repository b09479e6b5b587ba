package io.groundgate.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;

/** Only what the upstream did wrong is its fault; a failure inside the gateway never is, whatever it looks like. */
class FailureClassificationTest {

    private final Upstream upstream = new Upstream("openai", "http://10.1.2.3:8443/v1", Optional.empty(),
            Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(10), 8, 100, 2, Duration.ofMillis(200), 5,
            Duration.ofSeconds(30));

    @Test
    void aLocalConversionFailureIsNeitherAnUpstreamFaultNorReportedWithItsClassName() {
        RuntimeException local = new RuntimeException(MismatchedInputException.from(null, Object.class,
                "Cannot deserialize value of type `java.util.LinkedHashMap` from Integer"));
        GatewayException mapped = LangChainFailures.map(upstream, local);
        assertThat(mapped.kind()).isEqualTo(ErrorKind.INTERNAL);
        assertThat(UpstreamResilience.upstreamFault(mapped)).isFalse();
        assertThat(UpstreamResilience.retryable(mapped)).isFalse();
        assertThat(mapped.getMessage()).doesNotContain("java.", "com.fasterxml", "Mismatched");
    }

    @Test
    void aGatewayErrorWrappedByLangChain4jIsFoundAndKept() {
        GatewayException timeout = UpstreamErrors.transport(upstream, new UpstreamErrors.TotalTimeoutException());
        GatewayException mapped = LangChainFailures.map(upstream,
                new dev.langchain4j.exception.LangChain4jException(new RuntimeException(timeout)));
        assertThat(mapped).isSameAs(timeout);
        assertThat(UpstreamResilience.upstreamFault(mapped)).isTrue();
        assertThat(mapped.getMessage()).isEqualTo("The upstream 'openai' did not finish its answer within 10m (total-timeout).");
    }

    @Test
    void transportMessagesNameTheUpstreamAndItsLimitNotItsAddress() {
        GatewayException refused = UpstreamErrors.transport(upstream,
                new ConnectException("Connection refused: /10.1.2.3:8443"));
        assertThat(refused.getMessage()).isEqualTo("The upstream 'openai' could not be reached.");
        GatewayException idle = UpstreamErrors.transport(upstream, new java.util.concurrent.TimeoutException(
                "The timeout period of 60000ms has been exceeded while executing POST /v1/chat/completions for server 10.1.2.3:8443"));
        assertThat(idle.getMessage()).isEqualTo("The upstream 'openai' did not answer within 60s (first-byte-timeout).");
        assertThat(idle.status()).isEqualTo(504);
    }

    @Test
    void anUpstreamHtmlErrorPageIsNotPassedOn() {
        GatewayException e = UpstreamErrors.status(upstream, 503, io.vertx.core.MultiMap.caseInsensitiveMultiMap(),
                io.vertx.core.buffer.Buffer.buffer("<html><body>nginx at 10.1.2.3</body></html>"));
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.getMessage()).isEqualTo("The upstream 'openai' answered HTTP 503.");
        assertThat(UpstreamResilience.upstreamFault(e)).isTrue();
    }

    @Test
    void clientErrorsAndOwnFailuresAreNeverUpstreamFaults() {
        assertThat(UpstreamResilience.upstreamFault(GatewayException.invalid("bad tool", "tools[0]"))).isFalse();
        assertThat(UpstreamResilience.upstreamFault(new GatewayException(ErrorKind.INTERNAL, "bug"))).isFalse();
        assertThat(UpstreamResilience.upstreamFault(new GatewayException(ErrorKind.NOT_IMPLEMENTED, "no"))).isFalse();
    }
}
