package io.groundgate.kg;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;

/**
 * Compares a new version with the served one, graph by graph, and holds a version that would lose more than
 * {@code groundgate.kg.max-shrink} of any graph (a deleted file loses all of its graph) until the admin confirms with
 * {@code POST /admin/kg/reload?accept-removal=true}. A file deleted in error, or a folder half-way through a sync,
 * then never takes facts away from the answers.
 */
final class RemovalGuard {

    private RemovalGuard() {
    }

    /** The graphs that differ between the served files and the new ones; unchanged graphs are left out. */
    static List<GraphChange> changes(Map<String, GraphLoader.ParsedFile> served, List<GraphLoader.ParsedFile> next,
            Set<String> kept) {
        List<GraphChange> changes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Graph> nextGraphs = next.stream().map(GraphLoader.ParsedFile::graph).toList();
        for (GraphLoader.ParsedFile f : next) {
            String name = f.file().name();
            names.add(name);
            GraphLoader.ParsedFile old = served.get(name);
            if (old == null) {
                changes.add(new GraphChange(name, 0, f.graph().size(), 0, "added"));
            } else if (kept.contains(name)) {
                changes.add(new GraphChange(name, old.graph().size(), f.graph().size(), 0, "kept"));
            } else if (!old.hash().equals(f.hash())) {
                changes.add(new GraphChange(name, old.graph().size(), f.graph().size(),
                        lost(old.graph(), f.graph(), nextGraphs), "changed"));
            }
        }
        served.forEach((name, old) -> {
            if (!names.contains(name)) {
                changes.add(new GraphChange(name, old.graph().size(), 0, lost(old.graph(), null, nextGraphs), "deleted"));
            }
        });
        return changes;
    }

    /**
     * The changes that make a version wait for confirmation: all that shrink their graph when together they shrink the
     * dataset by more than {@code maxShrink} (net: a changed value is no shrink); otherwise the deleted files whose
     * triples are not found elsewhere (a deleted file loses all of its graph, more than any {@code maxShrink} below 1).
     */
    static List<GraphChange> beyond(List<GraphChange> changes, double maxShrink, long triplesBefore) {
        long shrink = -changes.stream().mapToLong(GraphChange::delta).sum();
        if (triplesBefore > 0 && (double) shrink / triplesBefore > maxShrink) {
            return changes.stream().filter(c -> c.removed() > 0 && c.delta() < 0).toList();
        }
        return changes.stream().filter(c -> c.status().equals("deleted") && c.removedShare() > maxShrink).toList();
    }

    /** Why a version is held, for {@code /admin/kg} and the log. */
    static LoadProblem held(GraphChange c, double maxShrink, long triplesBefore) {
        String what = c.status().equals("deleted")
                ? "The file was deleted: its " + c.removed() + " triples would be removed"
                : String.format(Locale.ROOT, "It would shrink from %d to %d triples (%d removed)", c.before(), c.after(),
                        c.removed());
        return LoadProblem.of(c.file(), what + String.format(Locale.ROOT, " (the dataset holds %d; "
                + "groundgate.kg.max-shrink is %.0f %%). Held: the last good version keeps serving; confirm with"
                + " POST /admin/kg/reload?accept-removal=true.", triplesBefore, 100 * maxShrink));
    }

    /**
     * Triples of the old graph found in no new graph. Blank nodes get fresh identities on every parse, so triples with
     * blank nodes are compared by count within the same file.
     */
    private static long lost(Graph old, Graph sameFile, List<Graph> next) {
        long lost = 0;
        long oldBlank = 0;
        for (var it = old.find(Node.ANY, Node.ANY, Node.ANY); it.hasNext();) {
            var t = it.next();
            if (t.getSubject().isBlank() || t.getObject().isBlank()) {
                oldBlank++;
                continue;
            }
            boolean found = false;
            for (Graph g : next) {
                if (g.contains(t)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                lost++;
            }
        }
        long newBlank = sameFile == null ? 0 : sameFile.stream().filter(t -> t.getSubject().isBlank()
                || t.getObject().isBlank()).count();
        return lost + Math.max(0, oldBlank - newBlank);
    }
}
