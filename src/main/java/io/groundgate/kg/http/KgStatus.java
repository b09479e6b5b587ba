package io.groundgate.kg.http;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.groundgate.kg.GraphChange;
import io.groundgate.kg.GraphInfo;
import io.groundgate.kg.LoadProblem;
import io.groundgate.kg.ReloadReport;

/** The JSON of {@code GET /admin/kg}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
/**
 * @param triples asserted triples, summed over the named graphs (one per file): the figure of the start-up log and of
 *        {@code groundgate_kg_triples{kind="asserted"}}
 * @param entailedTriples triples added by RDFS-lite entailment, counted apart ({@code kind="entailed"})
 * @param warnings what an expert should fix in the served version, and files left pending because they are empty
 */
record KgStatus(String version, @JsonProperty("loaded_at") Instant loadedAt, boolean ready, long triples,
        @JsonProperty("entailed_triples") long entailedTriples, String store, List<Graph> graphs,
        @JsonProperty("last_reload") Reload lastReload, List<Problem> warnings) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Graph(String file, String graph, long triples, @JsonProperty("version_hash") String versionHash,
            @JsonProperty("loaded_at") Instant loadedAt, @JsonProperty("last_error") String lastError,
            List<String> sources) {

        static Graph of(GraphInfo g) {
            return new Graph(g.file(), g.graph(), g.triples(), g.hash(), g.loadedAt(), g.lastError(), g.sources());
        }
    }

    /**
     * @param outcome {@code served}, {@code unchanged}, {@code rejected} (the last good version keeps serving) or
     *        {@code held} (it would remove too much: confirm with {@code POST /admin/kg/reload?accept-removal=true});
     *        for a dry run of an edit, {@code valid} (it would be served) or {@code rejected}
     * @param changes the graphs that differ from the version served before
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reload(Instant at, String trigger, boolean success, String outcome, String version, boolean changed,
            @JsonProperty("duration_ms") Long durationMs, List<Problem> errors, List<Problem> warnings,
            List<Change> changes) {

        static Reload of(ReloadReport r) {
            if (r == null) {
                return null;
            }
            return of(r, r.held() ? "held" : !r.success() ? "rejected" : r.changed() ? "served" : "unchanged");
        }

        /** A dry run's result: {@code valid} (the edit would be served) or {@code rejected}. */
        static Reload ofDryRun(ReloadReport r) {
            return of(r, r.success() ? "valid" : "rejected");
        }

        private static Reload of(ReloadReport r, String outcome) {
            return new Reload(r.at(), r.trigger(), r.success(), outcome, r.version(), r.changed(),
                    r.duration() == null ? null : r.duration().toMillis(),
                    r.problems().stream().map(Problem::of).toList(), r.warnings().stream().map(Problem::of).toList(),
                    r.changes().stream().map(Change::of).toList());
        }
    }

    /** One graph's change: {@code added}, {@code changed}, {@code deleted} or {@code kept} (empty file pending). */
    record Change(String file, String status, long before, long after, long delta, long removed) {

        static Change of(GraphChange c) {
            return new Change(c.file(), c.status(), c.before(), c.after(), c.delta(), c.removed());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Problem(String file, Long line, Long column, String message, @JsonProperty("focus_node") String focusNode,
            String path) {

        static Problem of(LoadProblem p) {
            return new Problem(p.file(), p.line() > 0 ? p.line() : null, p.column() > 0 ? p.column() : null,
                    p.message(), p.focusNode(), p.path());
        }
    }
}
