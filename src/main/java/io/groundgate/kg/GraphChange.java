package io.groundgate.kg;

/**
 * How one graph (file) changes from the served version to a new one.
 *
 * @param file the file
 * @param before its triples in the served version (0 when it is new)
 * @param after its triples in the new version (0 when its file was deleted)
 * @param removed triples of the served graph found nowhere in the new version (a triple moved to another file, as in a
 *        rename, is not removed)
 * @param status {@code added}, {@code changed}, {@code deleted} or {@code kept} (empty file, previous content kept)
 */
public record GraphChange(String file, long before, long after, long removed, String status) {

    /** The change in triples, negative when the graph shrinks. */
    public long delta() {
        return after - before;
    }

    /** The share of the served graph that would be lost, 0..1. */
    public double removedShare() {
        return before == 0 ? 0 : (double) removed / before;
    }
}
