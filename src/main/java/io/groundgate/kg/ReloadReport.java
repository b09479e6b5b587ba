package io.groundgate.kg;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one reload attempt (or edit).
 *
 * @param at when it started
 * @param trigger what caused it: {@code startup}, {@code watch}, {@code poll}, {@code admin}, {@code edit}
 * @param success whether a new version is served
 * @param version the version served afterwards
 * @param changed whether the served version changed
 * @param problems why it was rejected, if it was
 * @param duration how long it took
 */
public record ReloadReport(Instant at, String trigger, boolean success, String version, boolean changed,
        List<LoadProblem> problems, Duration duration) {

    public ReloadReport {
        problems = List.copyOf(problems);
    }

    /** A one-paragraph summary of the problems, for error messages. */
    public String problemSummary() {
        StringBuilder s = new StringBuilder();
        int shown = 0;
        for (LoadProblem p : problems) {
            if (shown++ == 10) {
                s.append(" … and ").append(problems.size() - 10).append(" more.");
                break;
            }
            if (s.length() > 0) {
                s.append("; ");
            }
            s.append(p.describe());
        }
        return s.toString();
    }
}
