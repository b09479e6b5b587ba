package io.groundgate.kg.http;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.groundgate.kg.GraphInfo;
import io.groundgate.kg.LoadProblem;
import io.groundgate.kg.ReloadReport;

/** The JSON of {@code GET /admin/kg}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record KgStatus(String version, @JsonProperty("loaded_at") Instant loadedAt, boolean ready, long triples,
        String store, List<Graph> graphs, @JsonProperty("last_reload") Reload lastReload) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Graph(String file, String graph, long triples, @JsonProperty("version_hash") String versionHash,
            @JsonProperty("loaded_at") Instant loadedAt, @JsonProperty("last_error") String lastError,
            List<String> sources) {

        static Graph of(GraphInfo g) {
            return new Graph(g.file(), g.graph(), g.triples(), g.hash(), g.loadedAt(), g.lastError(), g.sources());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reload(Instant at, String trigger, boolean success, String version, boolean changed,
            @JsonProperty("duration_ms") Long durationMs, List<Problem> errors) {

        static Reload of(ReloadReport r) {
            if (r == null) {
                return null;
            }
            return new Reload(r.at(), r.trigger(), r.success(), r.version(), r.changed(),
                    r.duration() == null ? null : r.duration().toMillis(),
                    r.problems().stream().map(Problem::of).toList());
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
