package io.groundgate.tools.declarative;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The tool files under the configured folders: visible {@code .yaml}, {@code .yml} and {@code .json} files, read
 * through symbolic links (Kubernetes mounts a ConfigMap as links into a hidden {@code ..data} folder it swaps).
 */
final class ToolFiles {

    /** One file: how it is shown, where it is. */
    record Entry(String name, Path path) {
    }

    static final long MAX_BYTES = 256 * 1024;

    private ToolFiles() {
    }

    static List<Entry> list(List<Path> roots) {
        List<Entry> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                files.add(new Entry(root.toString(), root));
            } else if (Files.isDirectory(root)) {
                try (Stream<Path> entries = Files.list(root)) {
                    entries.filter(p -> DefinitionParser.isToolFile(p.getFileName().toString()))
                            .filter(Files::isRegularFile).sorted()
                            .forEach(p -> files.add(new Entry(p.toString(), p)));
                } catch (IOException e) {
                    // a folder that vanished while listed is simply empty this time
                }
            }
        }
        return files;
    }

    /** What changes when any tool file changes: names, link targets, sizes and times. */
    static String fingerprint(List<Path> roots) {
        StringBuilder sb = new StringBuilder();
        for (Entry e : list(roots)) {
            sb.append(e.name()).append('|');
            try {
                Path real = e.path().toRealPath();
                sb.append(real).append('|').append(Files.size(real)).append('|')
                        .append(Files.getLastModifiedTime(real, LinkOption.NOFOLLOW_LINKS).toMillis());
            } catch (IOException ex) {
                sb.append("unreadable");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
