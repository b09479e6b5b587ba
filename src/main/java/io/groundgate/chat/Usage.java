package io.groundgate.chat;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Token counts, summed over every upstream round of a request. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Usage(long promptTokens, long completionTokens, long totalTokens) {

    public static final Usage ZERO = new Usage(0, 0, 0);

    public Usage plus(Usage other) {
        return other == null ? this
                : new Usage(promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                        totalTokens + other.totalTokens);
    }
}
