package io.groundgate.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.Test;

import io.groundgate.ops.RequestCorrelation;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A log line written while serving a request carries that request's id (MDC requestId, console format). */
@QuarkusTest
@TestProfile(ApiKeysProfile.class)
class RequestIdLoggingTest {

    @Test
    void logLinesOfARequestCarryItsRequestId() {
        List<String> lines = new CopyOnWriteArrayList<>();
        List<String> mdc = new CopyOnWriteArrayList<>();
        PatternFormatter console = new PatternFormatter(
                ConfigProvider.getConfig().getValue("quarkus.log.console.format", String.class));
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                ExtLogRecord ext = (ExtLogRecord) record;
                mdc.add(String.valueOf(ext.getMdc(RequestCorrelation.MDC_KEY)));
                lines.add(console.format(ext));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ApiKeyFilter.class.getName());
        logger.addHandler(capture);
        try {
            given().header("x-request-id", "req-mdc-check-1").header("Authorization", "Bearer sk-wrong")
                    .get("/v1/models").then().statusCode(401);
        } finally {
            logger.removeHandler(capture);
        }

        assertThat(mdc).contains("req-mdc-check-1");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("[req-mdc-check-1]").contains("unknown API key"));
    }
}
