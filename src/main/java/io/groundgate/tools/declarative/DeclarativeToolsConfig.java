package io.groundgate.tools.declarative;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Declarative tools: YAML or JSON files that become tools without code (see {@code tools/README.md}). */
@ConfigMapping(prefix = "groundgate.tools.declarative")
public interface DeclarativeToolsConfig {

    /**
     * Folders (or single files) holding tool definitions ({@code .yaml}, {@code .yml}, {@code .json}), relative to the
     * working directory. Hidden entries (names starting with {@code .}, such as a Kubernetes ConfigMap's {@code ..data})
     * are skipped; the files they link to are read through their visible names.
     */
    @WithDefault("tools")
    List<String> paths();

    /** Whether to watch the folders and reload on change (WatchService plus a periodic poll). */
    @WithDefault("true")
    boolean watch();

    /** How often the folders are polled for changes, as a fallback for file systems the WatchService misses. */
    @WithDefault("2s")
    Duration pollInterval();

    /** How long the folders must be quiet after a change before the tools reload. */
    @WithDefault("300ms")
    Duration debounce();
}
