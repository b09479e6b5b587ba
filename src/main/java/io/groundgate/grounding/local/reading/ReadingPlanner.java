package io.groundgate.grounding.local.reading;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.langchain4j.model.embedding.EmbeddingModel;

import io.groundgate.grounding.GroundingStep;
import io.groundgate.grounding.ProvenanceRecorder;
import io.groundgate.grounding.local.plan.Arithmetic;
import io.groundgate.grounding.local.plan.GraphFacts;
import io.groundgate.grounding.local.plan.Part;
import io.groundgate.grounding.local.reading.Linked.Candidate;
import io.groundgate.grounding.local.reading.Linked.EntityAnchor;
import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.profile.GraphProfile;
import io.groundgate.tools.calculator.Calculator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The planner on the graph profile: question → linked mentions → candidate readings → executors → composer. It runs
 * the best complete readings (those that explain every content word); it answers when the best is clearly ahead of
 * the runner-up or both say the same, asks which is meant when a name or the question is ambiguous, and otherwise
 * declines, so the caller can try elsewhere or abstain.
 */
public final class ReadingPlanner {

    /** A reading this far ahead of the next one is taken without comparing answers. */
    static final double CLEAR_LEAD = 0.3;
    /** How many readings are run at most. */
    static final int MAX_RUNS = 3;

    private final QuestionLinker linker;
    private final Units units;
    private final Supplier<EmbeddingModel> model;
    private final AtomicReference<SchemaMatcher> matcher = new AtomicReference<>();
    private final AtomicReference<GraphWords> words = new AtomicReference<>();

    /**
     * @param calculator for units and arithmetic
     * @param model the embedding model (may supply null: then classes and properties are matched by their words only)
     */
    public ReadingPlanner(Calculator calculator, Supplier<EmbeddingModel> model) {
        this.units = new Units(calculator, Lexicon.english());
        this.linker = new QuestionLinker(Lexicon.english(), units);
        this.model = model;
    }

    /** What the planner decided for one question. */
    public sealed interface Outcome permits Answered, Declined {
    }

    /** An answer, an abstention naming what was not found, or a question back (ambiguous). */
    public record Answered(Part part, Option option) implements Outcome {
    }

    /** No complete reading: the question is not understood here. */
    public record Declined(String why, List<Option> options) implements Outcome {
        public Declined {
            options = List.copyOf(options);
        }
    }

    /** The matcher of the snapshot's graph version, built once per version. */
    public SchemaMatcher matcher(GraphSnapshot snapshot) {
        SchemaMatcher m = matcher.get();
        if (m != null && m.version().equals(snapshot.profile().version())) {
            return m;
        }
        synchronized (this) {
            m = matcher.get();
            if (m == null || !m.version().equals(snapshot.profile().version())) {
                m = SchemaMatcher.of(snapshot.profile(), snapshot.schema(), model.get());
                matcher.set(m);
            }
            return m;
        }
    }

    /** The words of the graph's names (lower case), built once per graph version: the composer's plurals come from them. */
    private Set<String> words(GraphProfile profile) {
        GraphWords w = words.get();
        if (w == null || !w.version().equals(profile.version())) {
            Set<String> all = new HashSet<>();
            for (var e : profile.names().entries()) {
                for (String word : e.text().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                    all.add(word);
                }
            }
            w = new GraphWords(profile.version(), Set.copyOf(all));
            words.set(w);
        }
        return w.words();
    }

    private record GraphWords(String version, Set<String> words) {
    }

    /** The candidate readings of a question, best first (for tests and diagnostics). */
    public List<Option> readings(String question, GraphSnapshot snapshot) {
        GraphProfile profile = snapshot.profile();
        SchemaMatcher m = matcher(snapshot);
        return new ReadingBuilder(profile, m, linker.link(question, profile, m::isName), units).build();
    }

    public Linked link(String question, GraphProfile profile) {
        return linker.link(question, profile);
    }

    public Outcome answer(String question, GraphSnapshot snapshot, ProvenanceRecorder recorder, GraphFacts facts,
            Arithmetic arithmetic) {
        GraphProfile profile = snapshot.profile();
        SchemaMatcher schema = matcher(snapshot);
        Linked linked = linker.link(question, profile, schema::isName);
        List<Option> all = new ReadingBuilder(profile, schema, linked, units).build();
        recordLinks(linked, snapshot, recorder);
        List<Option> complete = all.stream().filter(Option::complete).toList();
        if (complete.isEmpty()) {
            return new Declined(all.isEmpty() ? "no reading" : "words left unexplained: " + all.get(0).unexplained(), all);
        }
        Option best = complete.get(0);
        ReadingExecutor executor = new ReadingExecutor(snapshot, recorder, facts, arithmetic);
        Composer composer = new Composer(snapshot.profile()::nameOf, words(profile)::contains);
        List<Ran> ran = new ArrayList<>();
        for (Option o : complete.subList(0, Math.min(MAX_RUNS, complete.size()))) {
            if (best.score() - o.score() >= CLEAR_LEAD) {
                break;
            }
            Finding f = executor.run(o.reading());
            if (!f.empty() && usable(f)) {
                ran.add(new Ran(o, f, composer.compose(f)));
            }
        }
        if (ran.isEmpty()) {
            if (constraints(best.reading()) > 1) {
                // several conditions that nothing meets: more likely a misreading than an empty answer
                return new Declined("nothing meets all conditions of the best reading", all);
            }
            return new Answered(composer.nothing(best.reading()), best);
        }
        Ran first = ran.get(0);
        for (Ran other : ran.subList(1, ran.size())) {
            if (first.option().score() - other.option().score() < CLEAR_LEAD
                    && !signature(first.finding()).equals(signature(other.finding()))) {
                EntityAnchor shared = sharedAmbiguous(first.option(), other.option());
                if (shared != null) {
                    return new Answered(whichOne(shared, snapshot), first.option());
                }
                return new Answered(Part.unclear("The question can be read in more than one way: " + first.part().text()
                        + " Or: " + other.part().text() + " Which one is meant?",
                        "\"" + question + "\" (ambiguous: " + describe(first.option()) + " or "
                                + describe(other.option()) + ")"), first.option());
            }
        }
        return new Answered(first.part(), first.option());
    }

    private record Ran(Option option, Finding finding, Part part) {
    }

    /** The names linked in the question, as a {@code kg_search} step: how each name was read. */
    private static void recordLinks(Linked linked, GraphSnapshot snapshot, ProvenanceRecorder recorder) {
        if (linked.anchors().isEmpty()) {
            return;
        }
        var json = JsonNodeFactory.instance;
        var args = json.objectNode().put("text", linked.text());
        var mentions = json.arrayNode();
        for (Linked.Anchor a : linked.anchors()) {
            var m = mentions.addObject().put("mention", a.text()).put("score", a.score());
            if (a instanceof EntityAnchor e) {
                var entities = m.putArray("entities");
                e.candidates().forEach(c -> entities.addObject().put("iri", c.iri()).put("label", c.name()));
                if (e.fuzzy()) {
                    m.put("fuzzy", true);
                }
            } else if (a instanceof Linked.ValueAnchor v) {
                m.put("property", v.property()).put("value", v.value());
            }
        }
        var result = json.objectNode();
        result.set("mentions", mentions);
        recorder.record(new GroundingStep(0, null, "kg_search", args, true, result, null, null,
                snapshot.version(), List.of(), List.of(), 0));
    }

    private static int constraints(Reading r) {
        if (r instanceof Reading.Members m) {
            return m.constraints().size();
        }
        if (r instanceof Reading.Superlative s) {
            return s.constraints().size();
        }
        if (r instanceof Reading.OfMembers o) {
            return o.members().constraints().size();
        }
        return r instanceof Reading.Aggregate a ? a.constraints().size() : 0;
    }

    /** An ambiguous name both readings rest on (read as different entities): then ask which one is meant. */
    private static EntityAnchor sharedAmbiguous(Option a, Option b) {
        for (Linked.Anchor x : a.anchors()) {
            if (x instanceof EntityAnchor e && e.ambiguous() && b.anchors().contains(x)) {
                return e;
            }
        }
        return null;
    }

    /** Computed readings need their number; comparisons need both numbers; several fields need each of them. */
    private static boolean usable(Finding f) {
        Reading r = f.reading();
        if (r instanceof Reading.InYear y) {
            return !f.empty() && usable(inner(f, y));
        }
        if (r instanceof Reading.Lookup l) {
            if (l.inUnit() != null) {
                return f.number() != null;
            }
            // several fields: a partial answer says which ones the graph lacks
            return f.rows().get(0).values().stream().anyMatch(v -> v.field() >= 0);
        }
        if (r instanceof Reading.Convert || r instanceof Reading.Calculate || r instanceof Reading.Amount
                || r instanceof Reading.Total
                || r instanceof Reading.Aggregate
                || r instanceof Reading.Combine || r instanceof Reading.Expression) {
            return f.number() != null;
        }
        if (r instanceof Reading.Compare c) {
            // one side missing is a partial answer that says so; a ratio or a difference needs both
            return c.operator() != null ? f.number() != null : f.rows().stream().anyMatch(row -> !row.values().isEmpty());
        }
        if (r instanceof Reading.AtTime) {
            return f.rows().get(0).values().stream().anyMatch(v -> v.field() >= 0);
        }
        if (r instanceof Reading.OfMembers) {
            return f.rows().stream().anyMatch(row -> !row.values().isEmpty());
        }
        if (r instanceof Reading.Several) {
            return f.rows().stream().anyMatch(row -> !row.values().isEmpty());
        }
        if (r instanceof Reading.Ask) {
            return f.truth() != null;
        }
        return !(r instanceof Reading.Members m) || m.count() || f.total() > 0;
    }

    /** What a finding says, regardless of how it is worded: two readings agree when these are equal. */
    static Set<String> signature(Finding f) {
        if (f.reading() instanceof Reading.InYear y) {
            return signature(inner(f, y));
        }
        Set<String> out = new TreeSet<>();
        if (f.truth() != null) {
            out.add(String.valueOf(f.truth()));
        }
        if (f.number() != null) {
            out.add(f.number().stripTrailingZeros().toPlainString());
        }
        boolean valuesAnswer = f.reading() instanceof Reading.Lookup || f.reading() instanceof Reading.Calculate
                || f.reading() instanceof Reading.Amount
                || f.reading() instanceof Reading.Several || f.reading() instanceof Reading.OfMembers
                || f.reading() instanceof Reading.AtTime;
        for (Finding.Row r : f.rows()) {
            if (!valuesAnswer && f.number() == null && f.truth() == null) {
                out.add(r.iri() != null ? r.iri() : r.name() + ":" + r.count());
            }
            if (valuesAnswer && f.number() == null) {
                r.values().forEach(v -> out.add(v.iri() != null ? v.iri()
                        : v.number() != null ? v.number().stripTrailingZeros().toPlainString() : v.text()));
            }
        }
        return out;
    }

    /** What a reading asked for a year found, as its own reading's finding. */
    static Finding inner(Finding f, Reading.InYear y) {
        return new Finding(y.reading(), f.rows(), f.total(), f.truth(), f.number(), f.computation(), f.sources());
    }

    private static String describe(Option o) {
        return o.reading().getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static Part whichOne(EntityAnchor e, GraphSnapshot snapshot) {
        List<String> named = new ArrayList<>();
        for (Candidate c : e.candidates()) {
            List<String> classes = c.classes().stream().map(k -> snapshot.profile().nameOf(k)).distinct().toList();
            named.add(c.name() + (classes.isEmpty() ? "" : " (" + String.join(", ", classes) + ")"));
        }
        return Part.unclear("\"" + e.text() + "\" could mean " + Composer.join(named) + ". Which one do you mean?",
                "\"" + e.text() + "\" (ambiguous: " + String.join(", ", named) + ")");
    }

    /** The best candidate of an option, for tests. */
    public static Optional<Reading> top(List<Option> options) {
        return options.stream().filter(Option::complete).map(Option::reading).findFirst();
    }
}
