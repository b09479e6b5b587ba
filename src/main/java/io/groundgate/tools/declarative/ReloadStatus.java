package io.groundgate.tools.declarative;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The outcome of the latest reload of the declarative tools, for {@code GET /admin/tools}.
 *
 * @param at when it ran
 * @param trigger what started it: startup, watch, admin
 * @param paths the configured folders
 * @param tools the tools now served, by name
 * @param files each file with its tools and its problem, if any
 * @param errors every problem of this reload, one line each
 * @param loadedOnce whether a first load has completed
 */
public record ReloadStatus(Instant at, String trigger, List<String> paths, List<String> tools, List<FileStatus> files,
        List<String> errors, @JsonProperty("loaded_once") boolean loadedOnce) {

    public ReloadStatus {
        paths = List.copyOf(paths);
        tools = List.copyOf(tools);
        files = List.copyOf(files);
        errors = List.copyOf(errors);
    }

    /**
     * One file.
     *
     * @param file the file
     * @param status {@code loaded}, {@code refused} (nothing served from it), or {@code kept} (refused, the last good
     *        version still serves)
     * @param tool the tool it defines (or last defined), if any
     * @param problem why it was refused, if it was
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileStatus(String file, String status, String tool, FileProblem problem) {
    }
}
