package io.groundgate.mcp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * MCP sessions are bounded in number ({@code groundgate.mcp.max-sessions}: 503 beyond it) and in lifetime
 * ({@code groundgate.mcp.session-lifetime}: 404 afterwards, so the client starts afresh), and a session past its lifetime
 * frees its slot even when its client never comes back.
 */
@QuarkusTest
@TestProfile(McpSessionBoundsTest.Bounded.class)
class McpSessionBoundsTest {

    /** Two sessions at most, each living six seconds. */
    public static class Bounded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("groundgate.mcp.max-sessions", "2", "groundgate.mcp.session-lifetime", "6s");
        }
    }

    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    private static final String LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    @Test
    void sessionsAreBoundedInNumberAndLifetime() throws Exception {
        String first = initialized(open().statusCode(200).extract().header(McpSessions.SESSION_HEADER));
        open().statusCode(200);
        open().statusCode(503).header("Retry-After", "30").body("error.code", equalTo("too_many_sessions"))
                .body("error.type", equalTo("service_unavailable_error"));

        Thread.sleep(6_500); // both sessions are past their lifetime; neither client comes back before new ones open
        String third = initialized(open().statusCode(200).extract().header(McpSessions.SESSION_HEADER));
        open().statusCode(200);
        use(first).statusCode(404).body("error.code", equalTo("session_not_found"));
        use(third).statusCode(200);
    }

    private static ValidatableResponse open() {
        return given().contentType(ContentType.JSON).accept("application/json, text/event-stream").body(INIT).post("/mcp")
                .then();
    }

    private static String initialized(String session) {
        given().header(McpSessions.SESSION_HEADER, session).contentType(ContentType.JSON)
                .accept("application/json, text/event-stream")
                .body("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").post("/mcp").then()
                .statusCode(202);
        return session;
    }

    private static ValidatableResponse use(String session) {
        return given().header(McpSessions.SESSION_HEADER, session).contentType(ContentType.JSON)
                .accept("application/json, text/event-stream").body(LIST).post("/mcp").then();
    }
}
