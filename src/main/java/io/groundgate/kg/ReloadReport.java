package io.groundgate.kg;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * @param warnings what an expert should fix but does not reject the version (undeclared terms, range mismatches), and
 *        empty files left pending
 * @param changes the graphs that differ from the version served before (triple delta, removed triples)
 * @param held whether the version was held because it removes too much, waiting for
 *        {@code POST /admin/kg/reload?accept-removal=true}
 */
public record ReloadReport(Instant at, String trigger, boolean success, String version, boolean changed,
        List<LoadProblem> problems, Duration duration, List<LoadProblem> warnings, List<GraphChange> changes,
        boolean held) {

    public ReloadReport {
        problems = List.copyOf(problems);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public ReloadReport(Instant at, String trigger, boolean success, String version, boolean changed,
            List<LoadProblem> problems, Duration duration) {
        this(at, trigger, success, version, changed, problems, duration, List.of(), List.of(), false);
    }

    ReloadReport with(List<LoadProblem> moreWarnings, List<GraphChange> changes) {
        List<LoadProblem> all = new ArrayList<>(warnings);
        all.addAll(moreWarnings);
        return new ReloadReport(at, trigger, success, version, changed, problems, duration, all, changes, held);
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
