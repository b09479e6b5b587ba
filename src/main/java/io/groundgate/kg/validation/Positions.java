package io.groundgate.kg.validation;

import java.util.HashMap;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * Where each triple of one file was written (the first time, if it was written twice), as the parser saw it. Empty for
 * syntaxes whose Jena parsers report no positions (RDF/XML, JSON-LD): findings there name the file only.
 */
public final class Positions {

    private static final Positions NONE = new Positions();

    private final Map<Triple, Long> triples = new HashMap<>();
    private final Map<Node, Long> subjects = new HashMap<>();

    /** No positions known. */
    public static Positions none() {
        return NONE;
    }

    static Positions recording() {
        return new Positions();
    }

    void record(Triple triple, long line, long column) {
        if (line <= 0 || this == NONE) {
            return;
        }
        long packed = (line << 20) | Math.min(Math.max(column, 0), 0xFFFFF);
        triples.putIfAbsent(triple, packed);
        subjects.merge(triple.getSubject(), packed, Math::min);
    }

    /** Where the triple was written, or null. */
    public Position of(Triple triple) {
        return unpack(triples.get(triple));
    }

    /** The first place where the node is a subject, or null. */
    public Position ofSubject(Node subject) {
        return unpack(subjects.get(subject));
    }

    /** Where the subject has the predicate (the first such triple), else where the subject starts, or null. */
    public Position of(Node subject, Node predicate) {
        Position best = null;
        if (predicate != null) {
            for (Map.Entry<Triple, Long> e : triples.entrySet()) {
                Triple t = e.getKey();
                if (t.getSubject().equals(subject) && t.getPredicate().equals(predicate)) {
                    Position p = unpack(e.getValue());
                    if (best == null || p.line() < best.line()) {
                        best = p;
                    }
                }
            }
        }
        return best != null ? best : ofSubject(subject);
    }

    public boolean isEmpty() {
        return triples.isEmpty();
    }

    private static Position unpack(Long packed) {
        return packed == null ? null : new Position(packed >>> 20, packed & 0xFFFFF);
    }
}
