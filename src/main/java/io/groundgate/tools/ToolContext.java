package io.groundgate.tools;

import java.time.Duration;

/**
 * What a tool may know about the call it serves.
 *
 * @param requestId the gateway request id, for logs
 * @param timeBudget how long the tool may take at most; tools apply the smaller of this and their own limit
 */
public record ToolContext(String requestId, Duration timeBudget) {

    public static ToolContext of(String requestId) {
        return new ToolContext(requestId, Duration.ofSeconds(10));
    }
}
