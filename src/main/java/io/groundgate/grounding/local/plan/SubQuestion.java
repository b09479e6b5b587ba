package io.groundgate.grounding.local.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.groundgate.grounding.local.PlannerConfig;
import io.groundgate.grounding.local.compose.Numbers;
import io.groundgate.grounding.local.linking.LinkedQuestion;
import io.groundgate.grounding.local.linking.Mention;
import io.groundgate.grounding.local.linking.PropertyMatcher;
import io.groundgate.grounding.local.linking.Quantity;
import io.groundgate.grounding.local.linking.Vocabulary;
import io.groundgate.grounding.local.linking.Words;
import io.groundgate.kg.SchemaSummary;
import io.groundgate.tools.Provenance;
import io.groundgate.tools.calculator.CalcValue;

/**
 * Answers one linked sub-question from the graph. Tries, in order: pure arithmetic, an amount of a substance (by
 * dimensional analysis), a count, a superlative, a comparison, a list, a derived ratio, a lookup; each reading applies
 * only when the linked words fit it. When nothing fits, or linking was weak, it says what it could not find.
 */
final class SubQuestion {

    private final LinkedQuestion q;
    private final Cues cues;
    private final GraphFacts graph;
    private final Arithmetic arithmetic;
    private final Vocabulary vocabulary;
    private final PropertyMatcher matcher;
    private final PlannerConfig config;
    private final List<Mention.EntityRef> entities = new ArrayList<>();
    private final List<String> classes = new ArrayList<>();
    private final List<String> properties = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    /** Values the question pins a property to ("atomic number 93", "symbol Nh", "period 6"). */
    private final List<GraphFacts.Filter> constraints = new ArrayList<>();

    SubQuestion(LinkedQuestion q, GraphFacts graph, Arithmetic arithmetic, Vocabulary vocabulary,
            PropertyMatcher matcher, PlannerConfig config) {
        this.q = q;
        this.cues = new Cues(q);
        this.graph = graph;
        this.arithmetic = arithmetic;
        this.vocabulary = vocabulary;
        this.matcher = matcher;
        this.config = config;
        problems.addAll(q.problems());
        for (Mention m : q.mentions()) {
            m.classes().forEach(c -> add(classes, c));
            m.properties().forEach(p -> add(properties, p));
        }
        findConstraints();
        for (Mention m : q.entityMentions()) {
            pickEntity(m).ifPresent(entities::add);
        }
    }

    /** A one-property mention with a number or a short unlinked word right after it (or a number right before it). */
    private void findConstraints() {
        Set<Integer> linked = new HashSet<>();
        q.mentions().forEach(m -> {
            for (int i = m.firstToken(); i <= m.lastToken(); i++) {
                linked.add(i);
            }
        });
        q.quantities().forEach(x -> linked.add(x.tokenIndex()));
        findNumberedMembers(linked);
        for (Mention m : q.mentions()) {
            if (m.properties().size() != 1 || m.namesEntity() || kind(m.properties().get(0)) != SchemaSummary.PropertyKind.DATATYPE) {
                continue;
            }
            String p = m.properties().get(0);
            Optional<Words.Token> value = Optional.empty();
            int after = m.lastToken() + 1;
            int before = m.firstToken() - 1;
            if (after < q.tokens().size() && !linked.contains(after)) {
                Words.Token t = q.tokens().get(after);
                if (t.number() && !t.key().endsWith("%") || !t.stop() && t.text().length() <= 3
                        && Character.isUpperCase(t.text().charAt(0))) {
                    value = Optional.of(t);
                }
            }
            if (value.isEmpty() && before >= 1 && !linked.contains(before) && q.tokens().get(before).number()
                    && Set.of("with", "has", "have", "had").contains(q.tokens().get(before - 1).key())) {
                value = Optional.of(q.tokens().get(before));
            }
            value.ifPresent(v -> {
                constraints.add(GraphFacts.Filter.value(p, v.key().matches("-?\\d+(\\.\\d+)?") ? v.key() : v.text()));
                properties.remove(p);
                constraintTokens.add(v.text());
            });
        }
    }

    /**
     * "element number 30": a class, then "number" and a number, pins the class's one datatype property named
     * "… number" to that value.
     */
    private void findNumberedMembers(Set<Integer> linked) {
        List<Words.Token> t = q.tokens();
        for (Mention m : q.mentions()) {
            int word = m.lastToken() + 1;
            if (m.classes().size() != 1 || !m.entities().isEmpty() || word + 1 >= t.size() || linked.contains(word)
                    || linked.contains(word + 1) || !t.get(word).key().equals("number") || !t.get(word + 1).number()
                    || !t.get(word + 1).key().matches("\\d+")) {
                continue;
            }
            Set<String> named = vocabulary.propertiesOfClassEndingWith(m.classes().get(0), "number");
            if (named.size() == 1) {
                String p = named.iterator().next();
                constraints.add(GraphFacts.Filter.value(p, t.get(word + 1).key()));
                constraintTokens.add(t.get(word).text());
                constraintTokens.add(t.get(word + 1).text());
            }
        }
    }

    private final Set<String> constraintTokens = new HashSet<>();

    /** The one entity the constraints pin down, if exactly one matches. */
    private Optional<Part> resolveByValue() {
        String cls = classes.isEmpty() ? null : classes.get(0);
        GraphFacts.Filter f = constraints.get(0);
        List<GraphFacts.Ranked> found = graph.withValue(cls, f, 3);
        String described = (cls == null ? "entry" : vocabulary.label(cls)) + " with " + vocabulary.label(f.property())
                + " " + f.literal();
        if (found.size() != 1) {
            return Optional.of(found.isEmpty() ? Part.notFound("a " + described)
                    : Part.unclear("Several entries have " + vocabulary.label(f.property()) + " " + f.literal()
                            + "; I cannot tell which one is meant.", "which " + described + " is meant"));
        }
        GraphFacts.Ranked r = found.get(0);
        Mention.EntityRef e = new Mention.EntityRef(r.iri(), r.label(), List.of(), 1);
        entities.add(e);
        if (properties.isEmpty() && cues.qualityPhrases(Optional.empty()).stream()
                .allMatch(phrase -> constraintTokens.stream().anyMatch(phrase::contains) || phrase.isBlank())) {
            return Optional.of(Part.answered("The " + described + " is " + r.label() + ".",
                    graph.sourcesOf(List.of(r.iri()))));
        }
        return Optional.empty();
    }

    private static void add(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /** One entity per mention: the best, or one whose type was named; none (and a problem) when it stays ambiguous. */
    private Optional<Mention.EntityRef> pickEntity(Mention m) {
        List<Mention.EntityRef> refs = m.entities();
        if (refs.size() > 1) {
            List<Mention.EntityRef> typed = refs.stream()
                    .filter(r -> r.types().stream().anyMatch(classes::contains)).toList();
            if (typed.size() == 1) {
                return Optional.of(typed.get(0));
            }
            List<Mention.EntityRef> inDomain = refs.stream().filter(r -> properties.stream()
                    .map(vocabulary::property).filter(p -> p != null)
                    .anyMatch(p -> p.domains().stream().anyMatch(r.types()::contains))).toList();
            if (inDomain.size() == 1) {
                return Optional.of(inDomain.get(0));
            }
            if (refs.get(1).score() >= refs.get(0).score()) {
                problems.add("\"" + m.text() + "\" names several things (" + refs.get(0).label() + ", "
                        + refs.get(1).label() + ")");
                return Optional.empty();
            }
        }
        return Optional.of(refs.get(0));
    }

    Part answer() {
        Optional<Part> pure = pureArithmetic();
        if (pure.isPresent()) {
            return pure.get();
        }
        if (!constraints.isEmpty() && cues.count() && entities.isEmpty()) {
            String cls = classes.isEmpty() ? null : classes.get(0);
            GraphFacts.Filter f = constraints.get(0);
            long n = graph.count(cls, f);
            List<GraphFacts.Ranked> members = graph.members(cls, f, config.maxListed());
            return Part.answered(Numbers.format(BigDecimal.valueOf(n)) + " " + (cls == null ? "entries" : plural(cls))
                    + " have " + vocabulary.label(f.property()) + " " + f.literal()
                    + (n > 0 && n <= config.maxListed() ? ": " + names(members) : "") + ".",
                    graph.sourcesOf(members.stream().map(GraphFacts.Ranked::iri).toList()));
        }
        if (!constraints.isEmpty() && entities.isEmpty()) {
            Optional<Part> resolved = resolveByValue();
            if (resolved.isPresent()) {
                return resolved.get();
            }
        }
        if (!problems.isEmpty() && entities.isEmpty()) {
            return Part.unclear("I could not link the question to the knowledge graph safely: "
                    + String.join("; ", problems) + ".", String.join("; ", problems));
        }
        Optional<Words.Token> comparative = cues.comparative();
        Optional<Words.Token> superlative = cues.superlative();
        if (!q.quantities().isEmpty() && !entities.isEmpty()) {
            Optional<Part> amount = amount(comparative);
            if (amount.isPresent()) {
                return amount.get();
            }
        }
        if (entities.size() >= 2) {
            Optional<Cues.Aggregate> aggregate = cues.aggregate();
            if (aggregate.isPresent()) {
                return aggregate(aggregate.get());
            }
            Optional<Words.Token> cue = comparative.or(() -> cues.comparative(false)).or(() -> superlative);
            if (cue.isPresent() || q.has("than")) {
                return comparison(cue);
            }
        }
        if (cues.count() && !isDatatypeLookup()) {
            return count();
        }
        if (superlative.isPresent() && entities.size() <= 1 && (!classes.isEmpty() || entities.size() == 1)) {
            Optional<Part> best = superlative(superlative.get());
            if (best.isPresent()) {
                return best.get();
            }
        }
        if (cues.list() && !classes.isEmpty() || cues.list() && entities.size() == 1 && properties.isEmpty()
                && !entities.get(0).types().isEmpty() && isGroupingEntity(entities.get(0))) {
            Optional<Part> list = list();
            if (list.isPresent()) {
                return list.get();
            }
        }
        if (entities.isEmpty()) {
            String missing = cues.unlinkedWords();
            return Part.notFound(missing.isEmpty() ? "what \"" + q.text() + "\" refers to" : "\"" + missing + "\"");
        }
        return lookup();
    }

    // ---- arithmetic -------------------------------------------------------------------------------------------

    private Optional<Part> pureArithmetic() {
        if (!entities.isEmpty() || q.tokens().stream().noneMatch(Words.Token::number)) {
            return Optional.empty();
        }
        for (String expression : ArithmeticPhrases.candidates(q.text())) {
            if (!expression.isBlank() && arithmetic.probe(expression).isPresent()) {
                String unit = ArithmeticPhrases.resultUnit(expression);
                return arithmetic.evaluate(expression, List.of(), List.of())
                        .map(v -> Part.answered(expression + " = " + (unit != null && v.unit() == null
                                ? Numbers.withUnit(v.exact() ? Numbers.format(v.value()) : Numbers.rounded(v.value()), unit)
                                : say(v)) + ".", List.of()));
            }
        }
        return Optional.empty();
    }

    private static String say(CalcValue v) {
        String n = v.exact() ? Numbers.format(v.value()) : Numbers.rounded(v.value());
        return Numbers.withUnit(n, v.unit());
    }

    /** An amount ("2 litres") of an entity, asking for another quantity ("mass"): factor from the entity's units. */
    private Optional<Part> amount(Optional<Words.Token> comparative) {
        Optional<String> target = Dimensions.target(q, arithmetic);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        List<Quantity> amounts = q.quantities();
        List<Derived> results = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            Quantity amount = amounts.get(Math.min(i, amounts.size() - 1));
            Optional<Derived> d = amountOf(entities.get(i), amount, target.get());
            if (d.isEmpty()) {
                return Optional.of(Part.notFound("a property of " + entities.get(i).label() + " that turns "
                        + amount.expression() + " into " + target.get()));
            }
            results.add(d.get());
        }
        List<String> sources = graph.sourcesOf(entities.stream().map(Mention.EntityRef::iri).toList());
        if (results.size() == 2 && comparative.isPresent()) {
            Derived a = results.get(0);
            Derived b = results.get(1);
            Optional<CalcValue> diff = arithmetic.evaluate("(" + a.expression + ") - (" + b.expression + ") in "
                    + target.get(), List.of(a.fact, b.fact), sources);
            if (diff.isEmpty()) {
                return Optional.empty();
            }
            boolean more = diff.get().value().signum() >= 0;
            String word = comparative.get().text();
            String text = more != Cues.lower(comparative.get())
                    ? capitalise(a.amountText) + " of " + a.entity + " is " + say(abs(diff.get())) + " " + word + " than "
                            + b.amountText + " of " + b.entity
                    : capitalise(a.amountText) + " of " + a.entity + " is not " + word + " than " + b.amountText + " of "
                            + b.entity + "; the difference is " + say(abs(diff.get()));
            return Optional.of(Part.answered(text + " (" + say(a.value) + " vs " + say(b.value) + "; " + a.explanation
                    + "; " + b.explanation + ").", sources));
        }
        List<String> sentences = new ArrayList<>();
        for (Derived d : results) {
            sentences.add(capitalise(d.amountText) + " of " + d.entity + " has a " + quantityName(target.get()) + " of "
                    + say(d.value) + " (" + d.explanation + ").");
        }
        return Optional.of(Part.answered(String.join(" ", sentences), sources));
    }

    private static CalcValue abs(CalcValue v) {
        return new CalcValue(v.value().abs(), v.unit(), v.text(), v.exact(), v.expression());
    }

    private String quantityName(String unit) {
        for (Words.Token t : q.tokens()) {
            if (t.key().equals("mass") || t.key().equals("weight") || t.key().equals("volume")) {
                return t.key();
            }
        }
        return "value in " + unit;
    }

    private record Derived(String entity, String amountText, String expression, CalcValue value, String explanation,
            Provenance.Fact fact) {
    }

    private Optional<Derived> amountOf(Mention.EntityRef entity, Quantity amount, String target) {
        Map<String, List<FactValue>> numeric = graph.numericValues(entity.iri());
        List<String> candidates = numeric.keySet().stream()
                .filter(p -> unitOf(p) != null && numeric.get(p).size() == 1)
                .sorted(Comparator.comparing((String p) -> !properties.contains(p)).thenComparing(p -> -uses(p)))
                .toList();
        for (String p : candidates) {
            String unit = unitOf(p);
            FactValue v = numeric.get(p).get(0);
            String factor = v.number().toPlainString() + " " + unit;
            for (boolean multiply : new boolean[] { true, false }) {
                String expression = multiply ? factor + " * " + amount.expression()
                        : amount.expression() + " / (" + factor + ")";
                if (arithmetic.probe(expression + " in " + target).isPresent()) {
                    Provenance.Fact fact = new Provenance.Fact(entity.iri(), p, v.node().toString());
                    List<FactValue> read = graph.values(entity.iri(), p);
                    if (read.isEmpty()) {
                        return Optional.empty();
                    }
                    Optional<CalcValue> result = arithmetic.evaluate(expression + " in " + target, List.of(fact),
                            graph.sourcesOf(List.of(entity.iri())));
                    String amountText = Numbers.format(amount.number()) + " " + amount.unit();
                    String label = vocabulary.label(p);
                    String shown = Numbers.withUnit(Numbers.format(v.number()), unit);
                    String explanation = multiply ? label + " " + shown + " × " + amountText
                            : amountText + " ÷ " + label + " " + shown;
                    return result.map(r -> new Derived(entity.label(), amountText, expression, r, explanation, fact));
                }
            }
        }
        return Optional.empty();
    }

    // ---- counts and lists ---------------------------------------------------------------------------------------

    /** "how many protons does gold have": the property has a number for the entity, so it is a lookup. */
    private boolean isDatatypeLookup() {
        if (entities.isEmpty()) {
            return false;
        }
        return properties.stream().anyMatch(p -> kind(p) == SchemaSummary.PropertyKind.DATATYPE);
    }

    private Part count() {
        String cls = classes.isEmpty() ? null : classes.get(0);
        if (entities.isEmpty()) {
            String unlinked = cues.unlinkedWords();
            if (cls == null || !unlinked.isEmpty() || !properties.isEmpty()) {
                // never answer "how many X …" with all X when part of the question went unlinked
                return Part.notFound(unlinked.isEmpty() ? "what the " + (cls == null ? "entries" : plural(cls))
                        + " must be linked to" : "\"" + unlinked + "\"");
            }
            long n = graph.count(cls, null);
            return Part.answered("There are " + Numbers.format(BigDecimal.valueOf(n)) + " " + plural(cls)
                    + " in the knowledge graph.", graph.sourcesOf(sampleMembers(cls, null)));
        }
        Mention.EntityRef e = entities.get(0);
        if (entities.size() > 1) {
            return Part.notFound("one entity to count for in \"" + q.text() + "\"");
        }
        Optional<GraphFacts.Filter> filter = filterFor(cls, e);
        if (filter.isEmpty()) {
            return Part.notFound("how " + (cls == null ? "anything" : plural(cls)) + " relate to " + e.label());
        }
        long n = graph.count(cls, filter.get());
        List<GraphFacts.Ranked> members = graph.members(cls, filter.get(), config.maxListed());
        List<String> subjects = new ArrayList<>(members.stream().map(GraphFacts.Ranked::iri).toList());
        subjects.add(e.iri());
        String what = cls != null ? plural(cls) : "entries";
        return Part.answered(Numbers.format(BigDecimal.valueOf(n)) + " " + what
                + (filter.get().objectIsSubject() ? " are " : " have ") + relation(filter.get())
                + (n > 0 && n <= config.maxListed() ? ": " + names(members) : "") + ".", graph.sourcesOf(subjects));
    }

    private Optional<Part> list() {
        String cls = classes.isEmpty() ? null : classes.get(0);
        if (entities.isEmpty()) {
            return Optional.empty();
        }
        Mention.EntityRef e = entities.get(0);
        Optional<GraphFacts.Filter> filter = filterFor(cls, e);
        if (filter.isEmpty() || filter.get().objectIsSubject()) {
            return Optional.empty(); // "which continent is Egypt in": a fact about the entity, a lookup
        }
        long n = graph.count(cls, filter.get());
        List<GraphFacts.Ranked> members = graph.members(cls, filter.get(), config.maxListed());
        List<String> subjects = new ArrayList<>(members.stream().map(GraphFacts.Ranked::iri).toList());
        subjects.add(e.iri());
        String what = cls != null ? plural(cls) : "entries";
        if (n == 0) {
            return Optional.of(Part.notFound(what + " with " + relation(filter.get())));
        }
        String more = n > members.size() ? " and " + Numbers.format(BigDecimal.valueOf(n - members.size())) + " more"
                : "";
        return Optional.of(Part.answered(capitalise(what) + " with " + relation(filter.get()) + " ("
                + Numbers.format(BigDecimal.valueOf(n)) + "): " + names(members) + more + ".", graph.sourcesOf(subjects)));
    }

    /** Whether an entity is something others point at (a category, a continent), so listing its members makes sense. */
    private boolean isGroupingEntity(Mention.EntityRef e) {
        return !graph.linkingProperties(null, e.iri()).isEmpty();
    }

    /** How instances of the class relate to the entity: the named property, else the one the graph uses most. */
    private Optional<GraphFacts.Filter> filterFor(String cls, Mention.EntityRef e) {
        List<String> linking = graph.linkingProperties(cls, e.iri()).stream().filter(vocabulary::isProperty).toList();
        for (String p : properties) {
            if (linking.contains(p)) {
                return Optional.of(new GraphFacts.Filter(p, e.iri(), false));
            }
        }
        for (String p : properties) {
            if (kind(p) == SchemaSummary.PropertyKind.OBJECT && graph.count(cls, new GraphFacts.Filter(p, e.iri(), true)) > 0) {
                return Optional.of(new GraphFacts.Filter(p, e.iri(), true));
            }
        }
        if (!properties.isEmpty() && properties.stream().anyMatch(p -> kind(p) == SchemaSummary.PropertyKind.OBJECT)) {
            return Optional.empty();
        }
        if (!linking.isEmpty()) {
            return Optional.of(new GraphFacts.Filter(linking.get(0), e.iri(), false));
        }
        return Optional.empty();
    }

    /** A relation as a neutral phrase: {@code "shares a land border with" = Germany}, or {@code India's "official language"}. */
    private String relation(GraphFacts.Filter f) {
        return f.objectIsSubject() ? "a value of " + graph.label(f.object()) + "'s \"" + vocabulary.label(f.property()) + "\""
                : "\"" + vocabulary.label(f.property()) + "\" = " + graph.label(f.object());
    }

    private List<String> sampleMembers(String cls, GraphFacts.Filter filter) {
        return graph.members(cls, filter, 1).stream().map(GraphFacts.Ranked::iri).toList();
    }

    private static String names(List<GraphFacts.Ranked> members) {
        return String.join(", ", members.stream().map(GraphFacts.Ranked::label).sorted().toList());
    }

    // ---- superlatives and comparisons ---------------------------------------------------------------------------

    private Optional<Part> superlative(Words.Token cue) {
        String cls = classes.isEmpty() ? null : classes.get(0);
        GraphFacts.Filter filter = null;
        if (!entities.isEmpty()) {
            Optional<GraphFacts.Filter> f = filterFor(cls, entities.get(0));
            if (f.isEmpty()) {
                return Optional.of(Part.notFound("how " + (cls == null ? "anything" : plural(cls)) + " relate to "
                        + entities.get(0).label()));
            }
            filter = f.get();
        }
        if (cls == null && filter == null) {
            return Optional.empty();
        }
        Set<String> allowed = cls != null ? graph.propertiesOfClass(cls) : graph.propertiesOfMembers(filter);
        Optional<String> property = quality(allowed, Optional.of(cue), true);
        if (property.isEmpty()) {
            return Optional.of(Part.notFound("a numeric property meaning \"" + cue.text() + "\""
                    + (cls == null ? "" : " for " + plural(cls))));
        }
        String p = property.get();
        boolean descending = !Cues.lower(cue);
        List<GraphFacts.Ranked> top = graph.ranked(cls, p, filter, descending, 2);
        if (top.isEmpty()) {
            return Optional.of(Part.notFound("values of " + vocabulary.label(p) + (cls == null ? "" : " for " + plural(cls))));
        }
        GraphFacts.Ranked first = top.get(0);
        String scope = (cls == null ? "entries" : plural(cls)) + (filter == null ? "" : " with " + relation(filter));
        String extreme = descending ? "highest" : "lowest";
        String value = say(p, first.value());
        boolean tie = top.size() > 1 && top.get(1).value().number().compareTo(first.value().number()) == 0;
        List<String> subjects = top.stream().map(GraphFacts.Ranked::iri).toList();
        String text = tie
                ? "Among " + scope + ", " + first.label() + " and " + top.get(1).label() + " share the " + extreme + " "
                        + vocabulary.label(p) + " (" + value + ")."
                : "Among " + scope + ", " + first.label() + " has the " + extreme + " " + vocabulary.label(p) + " ("
                        + value + ").";
        return Optional.of(Part.answered(text, graph.sourcesOf(subjects)));
    }

    private Part comparison(Optional<Words.Token> cue) {
        Set<String> allowed = new LinkedHashSet<>(graph.propertiesOf(entities.get(0).iri()));
        for (int i = 1; i < entities.size(); i++) {
            allowed.retainAll(graph.propertiesOf(entities.get(i).iri()));
        }
        Optional<String> property = quality(allowed, cue, true);
        if (property.isEmpty()) {
            property = perAmount(allowed);
        }
        if (property.isEmpty()) {
            String word = cue.map(Words.Token::text).orElse(cues.unlinkedWords());
            return Part.notFound("a property meaning \"" + word + "\" that " + labels(entities) + " all have");
        }
        String p = property.get();
        List<FactValue> values = new ArrayList<>();
        for (Mention.EntityRef e : entities) {
            List<FactValue> v = graph.values(e.iri(), p);
            if (v.size() != 1 || !v.get(0).numeric()) {
                return Part.notFound("a single numeric " + vocabulary.label(p) + " for " + e.label());
            }
            values.add(v.get(0));
        }
        boolean lower = cue.map(Cues::lower).orElse(false);
        List<String> sources = graph.sourcesOf(entities.stream().map(Mention.EntityRef::iri).toList());
        StringBuilder detail = new StringBuilder();
        for (int i = 0; i < entities.size(); i++) {
            detail.append(i == 0 ? "" : ", ").append(entities.get(i).label()).append(' ').append(say(p, values.get(i)));
        }
        if (isYesNo()) {
            int c = values.get(0).number().compareTo(values.get(1).number());
            boolean yes = lower ? c < 0 : c > 0;
            String word = cue.map(Words.Token::text).orElse("different");
            String than = cue.map(Cues::temporal).orElse(false) ? " " : " than ";
            return Part.answered((yes ? "Yes" : "No") + ", " + entities.get(0).label() + " is " + (yes ? "" : "not ")
                    + word + than + entities.get(1).label() + " (" + vocabulary.label(p) + ": " + detail + ").",
                    sources);
        }
        int best = 0;
        for (int i = 1; i < values.size(); i++) {
            int c = values.get(i).number().compareTo(values.get(best).number());
            if (lower ? c < 0 : c > 0) {
                best = i;
            }
        }
        long ties = values.stream().filter(v -> v.number().compareTo(values.get(0).number()) == 0).count();
        if (ties == values.size()) {
            return Part.answered(labels(entities) + " have the same " + vocabulary.label(p) + " (" + detail + ").",
                    sources);
        }
        String word = cue.map(Words.Token::text).orElse(lower ? "lower" : "higher");
        return Part.answered(entities.get(best).label() + " is " + word + " (" + vocabulary.label(p) + ": " + detail
                + ").", sources);
    }

    /**
     * "heavier" with no amount: the property that gives the asked quantity for equal amounts, i.e. a ratio whose
     * numerator has the asked dimension (mass per volume for "heavier"), chosen by units.
     */
    private Optional<String> perAmount(Set<String> allowed) {
        Optional<String> target = Dimensions.target(q, arithmetic);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        return allowed.stream().filter(p -> unitOf(p) != null && unitOf(p).contains("/"))
                .filter(p -> arithmetic.probe("1 " + unitOf(p) + " * 1 " + unitOf(p).substring(unitOf(p).indexOf('/') + 1)
                        + " in " + target.get()).isPresent())
                .min(Comparator.comparing((String p) -> -uses(p)).thenComparing(p -> p));
    }

    /** Whether the first question word is an auxiliary ("Is …", "In 2015, were there …"), not "which"/"what". */
    private boolean isYesNo() {
        for (Words.Token t : q.tokens()) {
            switch (t.key()) {
                case "is", "are", "was", "were", "does", "do", "did", "has", "have", "had":
                    return entities.size() == 2;
                case "which", "what", "who", "how", "whose":
                    return false;
                default:
                    break;
            }
        }
        return false;
    }

    /** The difference, sum or ratio of one property over the named entities, by the calculator with units. */
    private Part aggregate(Cues.Aggregate op) {
        Set<String> allowed = new LinkedHashSet<>(graph.propertiesOf(entities.get(0).iri()));
        for (int i = 1; i < entities.size(); i++) {
            allowed.retainAll(graph.propertiesOf(entities.get(i).iri()));
        }
        Optional<String> property = quality(allowed, cues.comparative(false), true);
        if (property.isEmpty()) {
            return Part.notFound("a numeric property that " + labels(entities) + " all have for \"" + q.text() + "\"");
        }
        String p = property.get();
        String unit = unitOf(p);
        List<String> terms = new ArrayList<>();
        List<Provenance.Fact> facts = new ArrayList<>();
        StringBuilder detail = new StringBuilder();
        for (Mention.EntityRef e : entities) {
            List<FactValue> v = graph.values(e.iri(), p);
            if (v.size() != 1 || !v.get(0).numeric()) {
                return Part.notFound("a single numeric " + vocabulary.label(p) + " for " + e.label());
            }
            terms.add("(" + v.get(0).number().toPlainString() + (unit == null ? "" : " " + unit) + ")");
            facts.add(new Provenance.Fact(e.iri(), p, v.get(0).node().toString()));
            detail.append(detail.isEmpty() ? "" : ", ").append(e.label()).append(' ').append(say(p, v.get(0)));
        }
        if (op != Cues.Aggregate.SUM && terms.size() != 2) {
            return Part.notFound("which two values to " + (op == Cues.Aggregate.RATIO ? "divide" : "subtract"));
        }
        String expression = switch (op) {
            case SUM -> String.join(" + ", terms);
            case DIFFERENCE -> terms.get(0) + " - " + terms.get(1);
            case RATIO -> terms.get(0) + " / " + terms.get(1);
        };
        List<String> sources = graph.sourcesOf(entities.stream().map(Mention.EntityRef::iri).toList());
        Optional<CalcValue> result = arithmetic.evaluate(expression, facts, sources);
        if (result.isEmpty()) {
            return Part.notFound("a way to combine the " + vocabulary.label(p) + " values");
        }
        CalcValue r = op == Cues.Aggregate.DIFFERENCE ? abs(result.get()) : result.get();
        String what = switch (op) {
            case SUM -> "The combined " + vocabulary.label(p) + " of " + labels(entities) + " is ";
            case DIFFERENCE -> "The difference in " + vocabulary.label(p) + " between " + labels(entities) + " is ";
            case RATIO -> "The ratio of the " + vocabulary.label(p) + " of " + labels(entities) + " is ";
        };
        return Part.answered(what + say(r) + " (" + detail + ").", sources);
    }

    // ---- lookups and derived ratios ----------------------------------------------------------------------------

    private Part lookup() {
        List<String> sentences = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        Optional<String> otherKind = classNotMatching();
        for (Mention.EntityRef e : entities) {
            Set<String> has = graph.propertiesOf(e.iri());
            if (otherKind.isPresent()) {
                // a class the entity is not: "the currency of the country whose capital is X" may hop to that class;
                // "the density of the element that makes up Invar" cannot, and is not answered with Invar's density
                Optional<Part> hop = hop(e, properties, otherKind.get());
                if (hop.isPresent()) {
                    sentences.add(hop.get().text());
                    sources.addAll(hop.get().sources());
                } else {
                    String what = "the " + vocabulary.label(otherKind.get()) + " meant in \"" + q.text() + "\"";
                    sentences.add("I could not find " + what + " in the knowledge graph.");
                    unresolved.add(what);
                }
                continue;
            }
            List<String> named = properties.stream().filter(has::contains).toList();
            List<String> notApplicable = properties.stream().filter(p -> !has.contains(p)).toList();
            Optional<Part> perUnit = perUnit(e, named);
            if (perUnit.isPresent()) {
                sentences.add(perUnit.get().text());
                sources.addAll(perUnit.get().sources());
                continue;
            }
            if (!named.isEmpty() && !notApplicable.isEmpty()) {
                Optional<Part> ratio = ratio(e, named.get(0), notApplicable.get(0), has);
                if (ratio.isPresent()) {
                    sentences.add(ratio.get().text());
                    sources.addAll(ratio.get().sources());
                    continue;
                }
            }
            Optional<Part> chained = chain(e, named);
            if (chained.isPresent()) {
                sentences.add(chained.get().text());
                sources.addAll(chained.get().sources());
                continue;
            }
            List<String> chosen = named;
            if (chosen.isEmpty() && !notApplicable.isEmpty()) {
                Optional<Part> hop = hop(e, notApplicable, null);
                if (hop.isPresent()) {
                    sentences.add(hop.get().text());
                    sources.addAll(hop.get().sources());
                    continue;
                }
            }
            if (chosen.isEmpty()) {
                if (!properties.isEmpty()) {
                    String what = "the " + vocabulary.label(properties.get(0)) + " of " + e.label();
                    sentences.add("I could not find " + what + " in the knowledge graph.");
                    unresolved.add(what);
                    continue;
                }
                Optional<String> meant = quality(has, Optional.empty(), false);
                if (meant.isEmpty()) {
                    String words = cues.unlinkedWords();
                    String what = words.isEmpty() ? "which fact about " + e.label() + " is asked for"
                            : "\"" + words + "\" for " + e.label();
                    sentences.add("I could not find " + what + " in the knowledge graph.");
                    unresolved.add(what);
                    continue;
                }
                chosen = List.of(meant.get());
            }
            for (String p : chosen) {
                List<FactValue> values = graph.values(e.iri(), p);
                if (values.isEmpty()) {
                    continue;
                }
                sentences.add(sentence(e, p, values));
                sources.addAll(graph.sourcesOf(subjectsOf(e, values)));
            }
        }
        if (sentences.isEmpty()) {
            return Part.notFound("an answer to \"" + q.text() + "\"");
        }
        return new Part(String.join(" ", sentences), List.copyOf(sources), unresolved);
    }

    /**
     * A property the entity lacks, read from the one neighbour that has it: "the currency of the country whose capital
     * is Wellington" reads the currency of what links to Wellington. Several neighbours: ambiguous, so no answer.
     */
    private Optional<Part> hop(Mention.EntityRef e, List<String> wanted, String neighbourClass) {
        for (String p : wanted) {
            SchemaSummary.PropertyInfo info = vocabulary.property(p);
            List<String> types = e.types().isEmpty() ? graph.snapshot().labels().typesOf(e.iri()) : e.types();
            if (info == null || info.domains().isEmpty() || info.domains().stream().anyMatch(types::contains)) {
                continue; // the entity is of the kind that has this property: its value is missing, not elsewhere
            }
            List<GraphFacts.Hop> hops = graph.hops(e.iri(), p, 6);
            if (!hops.isEmpty() && hops.stream().map(GraphFacts.Hop::neighbour).distinct().count() == 1) {
                GraphFacts.Hop h = hops.get(0);
                if (neighbourClass != null && !graph.snapshot().labels().typesOf(h.neighbour()).contains(neighbourClass)) {
                    continue;
                }
                Mention.EntityRef via = new Mention.EntityRef(h.neighbour(), graph.label(h.neighbour()), List.of(), 1);
                List<FactValue> values = graph.values(h.neighbour(), p);
                if (values.stream().anyMatch(v -> v.node().isURI() && v.node().getURI().equals(e.iri()))) {
                    continue; // the property only restates the link ("the country whose capital is X"): not the question
                }
                if (!values.isEmpty()) {
                    String how = "via \"" + vocabulary.label(h.link()) + "\": " + e.label() + " → " + via.label();
                    return Optional.of(Part.answered(sentence(via, p, values).replaceFirst("\\.$", "") + " (" + how + ").",
                            graph.sourcesOf(List.of(e.iri(), via.iri()))));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Two properties named in a row, "the capital of the country bordering Brunei": the first read from the single
     * value of the second (an object property of the entity).
     */
    private Optional<Part> chain(Mention.EntityRef e, List<String> named) {
        if (properties.size() < 2) {
            return Optional.empty();
        }
        String outer = properties.get(0);
        String inner = properties.get(1);
        if (kind(inner) != SchemaSummary.PropertyKind.OBJECT || !named.contains(inner)) {
            return Optional.empty();
        }
        List<FactValue> middle = graph.values(e.iri(), inner);
        if (middle.size() != 1 || !middle.get(0).node().isURI()) {
            return Optional.empty();
        }
        String m = middle.get(0).node().getURI();
        List<FactValue> values = graph.values(m, outer);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        Mention.EntityRef via = new Mention.EntityRef(m, graph.label(m), List.of(), 1);
        return Optional.of(Part.answered(sentence(via, outer, values).replaceFirst("\\.$", "") + " (" + via.label()
                + " is the only " + vocabulary.label(inner) + " of " + e.label() + ").", graph.sourcesOf(List.of(e.iri(), m))));
    }

    private static List<String> subjectsOf(Mention.EntityRef e, List<FactValue> values) {
        return List.of(e.iri());
    }

    private String sentence(Mention.EntityRef e, String p, List<FactValue> values) {
        List<String> said = values.stream().map(v -> say(p, v)).sorted().toList();
        String joined = said.size() == 1 ? said.get(0)
                : String.join(", ", said.subList(0, said.size() - 1)) + " and " + said.get(said.size() - 1);
        String year = referenceYear(e.iri(), p).map(y -> " (" + y + ")").orElse("");
        Optional<String> converted = values.size() == 1 ? converted(e, p, values.get(0)) : Optional.empty();
        return "The " + vocabulary.label(p) + " of " + e.label() + " " + (said.size() == 1 ? "is " : "has " + said.size()
                + " values: ")
                + converted.map(c -> c + " (" + joined + ")").orElse(joined) + year + ".";
    }

    /** The value in the unit the question asks for ("… in celsius"), converted by the calculator. */
    private Optional<String> converted(Mention.EntityRef e, String p, FactValue v) {
        String unit = unitOf(p);
        if (unit == null || !v.numeric() || q.askedUnit() == null) {
            return Optional.empty();
        }
        String expression = v.number().toPlainString() + " " + unit + " in " + q.askedUnit();
        if (arithmetic.probe(expression).map(c -> c.unit() != null && c.unit().equals(unit)).orElse(true)) {
            return Optional.empty(); // already in the asked unit, or not convertible
        }
        return arithmetic.evaluate(expression, List.of(new Provenance.Fact(e.iri(), p, v.node().toString())),
                graph.sourcesOf(List.of(e.iri()))).map(SubQuestion::say);
    }

    /**
     * "X density" where the density-like property does not apply to the entity: X divided by the entity's measure of
     * the ratio's denominator (a power of length: volume or area), found by units, not by name.
     */
    private Optional<Part> ratio(Mention.EntityRef e, String numerator, String ratioProperty, Set<String> has) {
        String ratioUnit = unitOf(ratioProperty);
        if (ratioUnit == null || !ratioUnit.contains("/") || !adjacent(numerator, ratioProperty)
                || unitOf(numerator) != null && Dimensions.lengthPower(unitOf(numerator), arithmetic) > 0) {
            return Optional.empty();
        }
        int wanted = Dimensions.lengthPower(ratioUnit.substring(ratioUnit.indexOf('/') + 1), arithmetic);
        if (wanted == 0) {
            return Optional.empty();
        }
        String denominator = has.stream().filter(p -> unitOf(p) != null && kind(p) == SchemaSummary.PropertyKind.DATATYPE)
                .filter(p -> Dimensions.lengthPower(unitOf(p), arithmetic) > 0)
                .min(Comparator.comparing((String p) -> Math.abs(Dimensions.lengthPower(unitOf(p), arithmetic) - wanted))
                        .thenComparing(p -> -uses(p)).thenComparing(p -> p))
                .orElse(null);
        if (denominator == null) {
            return Optional.empty();
        }
        return divide(e, numerator, denominator, vocabulary.label(numerator) + " " + vocabulary.label(ratioProperty));
    }

    /** The entity's one value of numerator divided by its one value of denominator, by the calculator with units. */
    private Optional<Part> divide(Mention.EntityRef e, String numerator, String denominator, String name) {
        List<FactValue> top = graph.values(e.iri(), numerator);
        List<FactValue> bottom = graph.values(e.iri(), denominator);
        if (top.size() != 1 || bottom.size() != 1 || !top.get(0).numeric() || !bottom.get(0).numeric()) {
            return Optional.empty();
        }
        String topUnit = unitOf(numerator);
        String bottomUnit = unitOf(denominator);
        String expression = top.get(0).number().toPlainString() + (topUnit == null ? "" : " " + topUnit) + " / "
                + bottom.get(0).number().toPlainString();
        List<Provenance.Fact> facts = List.of(
                new Provenance.Fact(e.iri(), numerator, top.get(0).node().toString()),
                new Provenance.Fact(e.iri(), denominator, bottom.get(0).node().toString()));
        List<String> sources = graph.sourcesOf(List.of(e.iri()));
        Optional<CalcValue> result = arithmetic.evaluate(expression, facts, sources);
        if (result.isEmpty()) {
            return Optional.empty();
        }
        String unit = (result.get().unit() == null ? "" : result.get().unit() + " ") + "per " + bottomUnit;
        String year = referenceYear(e.iri(), numerator).map(y -> ", " + y).orElse("");
        return Optional.of(Part.answered("The " + name + " of " + e.label() + " is " + say(result.get().exact()
                ? Numbers.format(result.get().value()) : Numbers.rounded(result.get().value()), unit) + " ("
                + vocabulary.label(numerator) + " " + say(numerator, top.get(0)) + " ÷ " + vocabulary.label(denominator)
                + " " + say(denominator, bottom.get(0)) + year + ").", sources));
    }

    /**
     * Two named quantities and "per &lt;unit&gt;" ("inhabitants per square kilometre", "people per km^2"): the one measured
     * in that unit (a power of length, the same unit the graph uses) divides the other, which has no length in it.
     */
    private Optional<Part> perUnit(Mention.EntityRef e, List<String> named) {
        if (named.size() != 2) {
            return Optional.empty();
        }
        String per = perUnitAsked();
        int power = per == null ? 0 : Dimensions.lengthPower(per, arithmetic);
        if (power == 0) {
            return Optional.empty();
        }
        List<String> bottoms = named.stream().filter(p -> unitOf(p) != null
                && Dimensions.lengthPower(unitOf(p), arithmetic) == power).toList();
        if (bottoms.size() != 1) {
            return Optional.empty();
        }
        String denominator = bottoms.get(0);
        String numerator = named.get(0).equals(denominator) ? named.get(1) : named.get(0);
        if (unitOf(numerator) != null && Dimensions.lengthPower(unitOf(numerator), arithmetic) > 0
                || kind(numerator) != SchemaSummary.PropertyKind.DATATYPE
                || kind(denominator) != SchemaSummary.PropertyKind.DATATYPE) {
            return Optional.empty();
        }
        boolean sameUnit = arithmetic.probe("1 " + unitOf(denominator) + " in " + per)
                .map(v -> v.value().compareTo(BigDecimal.ONE) == 0).orElse(false);
        if (!sameUnit) {
            return Optional.empty();
        }
        return divide(e, numerator, denominator, vocabulary.label(numerator) + " per " + unitOf(denominator));
    }

    /** The unit after "per" ("per square kilometre", "per km^2"), or null. */
    private String perUnitAsked() {
        List<Words.Token> t = q.tokens();
        for (int i = 0; i + 1 < t.size(); i++) {
            if (!t.get(i).key().equals("per")) {
                continue;
            }
            String next = t.get(i + 1).key();
            int power = next.equals("square") ? 2 : next.equals("cubic") ? 3 : 0;
            if (power > 0 && i + 2 < t.size() && Dimensions.isUnit(t.get(i + 2).text(), arithmetic)) {
                return t.get(i + 2).text() + "^" + power;
            }
            if (power == 0 && Dimensions.isUnit(t.get(i + 1).text(), arithmetic)) {
                return t.get(i + 1).text();
            }
        }
        return null;
    }

    /** A class named on its own (not also a property) that none of the entities belongs to. */
    private Optional<String> classNotMatching() {
        for (Mention m : q.mentions()) {
            if (m.classes().isEmpty() || !m.properties().isEmpty() || m.namesEntity()) {
                continue;
            }
            for (String c : m.classes()) {
                boolean namesTheAnswer = properties.stream().map(vocabulary::property).filter(p -> p != null)
                        .anyMatch(p -> p.ranges().contains(c)); // "which city is the capital of …"
                if (namesTheAnswer) {
                    continue;
                }
                boolean any = entities.stream().anyMatch(e -> graph.snapshot().labels().typesOf(e.iri()).contains(c));
                if (!any) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the second property is named right after the first ("<population> <density>"). */
    private boolean adjacent(String first, String second) {
        List<Mention> ms = q.mentions();
        for (int i = 0; i + 1 < ms.size(); i++) {
            if (ms.get(i).properties().contains(first) && ms.get(i + 1).properties().contains(second)
                    && ms.get(i + 1).firstToken() == ms.get(i).lastToken() + 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * The reference year of a value, when the graph has one: a property of the same subject whose label contains the
     * value's property label and the word "year" (e.g. "… reference year").
     */
    private Optional<String> referenceYear(String subject, String property) {
        String label = vocabulary.label(property);
        if (label == null) {
            return Optional.empty();
        }
        String key = Vocabulary.key(label);
        for (SchemaSummary.PropertyInfo p : graphProperties()) {
            if (p.iri().equals(property) || p.label() == null) {
                continue;
            }
            String other = Vocabulary.key(p.label());
            if (other.contains(key) && (" " + other + " ").contains(" year ")) {
                List<FactValue> years = graph.values(subject, p.iri());
                if (years.size() == 1) {
                    return Optional.of(years.get(0).text());
                }
            }
        }
        return Optional.empty();
    }

    private List<SchemaSummary.PropertyInfo> graphProperties() {
        return graph.snapshot().schema().properties();
    }

    // ---- property choice ---------------------------------------------------------------------------------------

    /**
     * The property asked about: a named one among the allowed, else the one the cue word or the unlinked words mean.
     * When {@code numeric}, only properties with numbers qualify.
     */
    private Optional<String> quality(Set<String> allowed, Optional<Words.Token> cue, boolean numeric) {
        Set<String> pool = new LinkedHashSet<>();
        for (String p : allowed) {
            if (vocabulary.isProperty(p) && (!numeric || kind(p) == SchemaSummary.PropertyKind.DATATYPE)) {
                pool.add(p);
            }
        }
        for (String p : properties) {
            if (pool.contains(p)) {
                return Optional.of(p);
            }
        }
        PropertyMatcher.Match best = null;
        for (String phrase : cues.qualityPhrases(cue)) {
            Optional<PropertyMatcher.Match> m = matcher.match(phrase, pool, vocabulary);
            if (m.isPresent() && (best == null || m.get().similarity() > best.similarity())) {
                best = m.get();
            }
        }
        if (best != null) {
            graph.recordLink(best.phrase(), best.iri(), best.similarity());
        }
        return Optional.ofNullable(best).map(PropertyMatcher.Match::iri);
    }

    // ---- wording -----------------------------------------------------------------------------------------------

    private String say(String property, FactValue v) {
        if (!v.numeric()) {
            return v.text();
        }
        return Numbers.withUnit(Numbers.format(v.number()), unitOf(property));
    }

    private static String say(String number, String unit) {
        return Numbers.withUnit(number, unit);
    }

    private String unitOf(String property) {
        SchemaSummary.PropertyInfo p = vocabulary.property(property);
        return p == null ? null : p.unit();
    }

    private long uses(String property) {
        SchemaSummary.PropertyInfo p = vocabulary.property(property);
        return p == null ? 0 : p.uses();
    }

    private SchemaSummary.PropertyKind kind(String property) {
        SchemaSummary.PropertyInfo p = vocabulary.property(property);
        return p == null ? null : p.kind();
    }

    private String plural(String cls) {
        String label = vocabulary.label(cls);
        if (label == null) {
            return "entries";
        }
        if (label.endsWith("y") && !label.endsWith("ay") && !label.endsWith("ey")) {
            return label.substring(0, label.length() - 1) + "ies";
        }
        return label.endsWith("s") ? label + "es" : label + "s";
    }

    private static String labels(List<Mention.EntityRef> refs) {
        List<String> l = refs.stream().map(Mention.EntityRef::label).toList();
        return l.size() <= 1 ? String.join("", l)
                : String.join(", ", l.subList(0, l.size() - 1)) + " and " + l.get(l.size() - 1);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
