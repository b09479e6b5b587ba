package io.groundgate.grounding.local.reading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.groundgate.grounding.local.linking.Words;
import io.groundgate.grounding.local.reading.Lexicon.Op;
import io.groundgate.grounding.local.reading.Linked.Anchor;
import io.groundgate.grounding.local.reading.Linked.Candidate;
import io.groundgate.grounding.local.reading.Linked.EntityAnchor;
import io.groundgate.grounding.local.reading.Linked.NumberMention;
import io.groundgate.grounding.local.reading.Linked.Role;
import io.groundgate.grounding.local.reading.Linked.ValueAnchor;
import io.groundgate.grounding.local.reading.Reading.Attribute;
import io.groundgate.grounding.local.reading.Reading.Comparison;
import io.groundgate.grounding.local.reading.Reading.Constraint;
import io.groundgate.kg.profile.ClassPath;
import io.groundgate.kg.profile.ClassPath.Step;
import io.groundgate.kg.profile.ClassProfile;
import io.groundgate.kg.profile.GraphProfile;
import io.groundgate.kg.profile.NameText;
import io.groundgate.kg.profile.PropertyUse;
import io.groundgate.kg.profile.ValueKind;

/**
 * Builds the candidate readings of a linked question from the graph's profile: attributes are the properties the
 * anchors' classes really use (value nodes read as one property, paths of up to two hops), constraints connect the
 * answer class to each anchor by the profile's class-to-class paths (up to three hops). Each reading is scored by how
 * well its terms explain the content words, minus path length and minus every word it leaves unexplained.
 */
public final class ReadingBuilder {

    /** Below this similarity a term does not explain a word. */
    static final double EXPLAINS = 0.6;
    /** Several words are explained together only by a term this close to all of them. */
    static final double WHOLE_PHRASE = 0.8;
    /** A content word names a class at or above this similarity. */
    static final double NAMES_CLASS = 0.8;
    /** Several content words name a class together only as a whole name ("chemical element"). */
    static final double WHOLE_NAME = 0.95;
    /**
     * A content word names a kind of quantity of the calculator ("weigh" → mass) when that kind is its nearest of all
     * the calculator's kinds and at least this similar: the kinds are few, general words, each far from the others.
     */
    static final double NAMES_QUANTITY = 0.45;
    private static final double HOP_COST = 0.5;
    private static final double UNEXPLAINED_COST = 1.0;
    private static final int MAX_PATHS = 3;

    private final GraphProfile profile;
    private final SchemaMatcher matcher;
    private final Linked q;
    private final Units units;

    /** A builder without the calculator: no arithmetic written out, and units asked for are not checked. */
    public ReadingBuilder(GraphProfile profile, SchemaMatcher matcher, Linked question) {
        this(profile, matcher, question, null);
    }

    /** @param units the calculator's units and arithmetic (null: without them) */
    public ReadingBuilder(GraphProfile profile, SchemaMatcher matcher, Linked question, Units units) {
        this.profile = profile;
        this.matcher = matcher;
        this.q = question;
        this.units = units;
    }

    /** The candidate readings, best first. */
    public List<Option> build() {
        List<Option> out = new ArrayList<>();
        convert(out);
        expression(out);
        List<EntityAnchor> entities = q.entities();
        boolean yesNo = yesNo();
        if (entities.size() == 1 && q.values().isEmpty()) {
            for (Candidate c : entities.get(0).candidates()) {
                lookups(entities.get(0), c, yesNo, out);
            }
        }
        if (entities.size() == 1 && q.values().isEmpty() && !yesNo) {
            for (Candidate c : entities.get(0).candidates()) {
                amounts(entities.get(0), c, out);
            }
        }
        if (entities.size() == 2 && q.values().isEmpty()) {
            compare(entities.get(0), entities.get(1), yesNo, out);
        }
        if (entities.size() >= 2 && q.values().isEmpty() && !yesNo) {
            several(entities, out);
        }
        if (yesNo && !entities.isEmpty()) {
            asks(entities.get(0), out);
        }
        if (!yesNo) {
            members(out);
        }
        inYear(out);
        out.sort(Comparator.comparingDouble(Option::score).reversed());
        return out;
    }

    // ---- conversions

    private void convert(List<Option> out) {
        if (q.askedUnit() == null || !q.anchors().isEmpty()) {
            return;
        }
        for (NumberMention n : q.numbers()) {
            if (n.unit() != null) {
                out.add(option(new Reading.Convert(n.value(), n.unit(), q.askedUnit()), 2.0, List.of(), Set.of()));
            }
        }
    }

    /**
     * Arithmetic written out, with no name of the graph in it: the calculator must read the whole question (less its
     * opening and closing words), so it explains every word.
     */
    private void expression(List<Option> out) {
        if (units == null || !q.anchors().isEmpty() || q.numbers().isEmpty()) {
            return;
        }
        units.expression(q.text()).ifPresent(e -> out.add(new Option(e, 2.0,
                IntStream.range(0, q.words().size()).boxed().collect(Collectors.toSet()),
                List.of(), List.of())));
    }

    /** Whether a number of the attribute can be said in the unit the question asks for. */
    private boolean inAskedUnit(Attribute a) {
        return units == null || a.unit() != null && units.convertible(a.unit(), q.askedUnit());
    }

    /**
     * The readings a year leaves incomplete ("… in 2015"), once more with the year as the date every value must have:
     * only when the attribute is one property the graph dates (a sibling named with a word of time).
     */
    private void inYear(List<Option> out) {
        if (q.numbers().size() != 1 || !year(q.numbers().get(0))) {
            return;
        }
        NumberMention n = q.numbers().get(0);
        List<Option> more = new ArrayList<>();
        for (Option o : out) {
            Attribute a = o.reading() instanceof Reading.Compare c ? c.attribute()
                    : o.reading() instanceof Reading.Several s ? s.attribute()
                    : o.reading() instanceof Reading.Total t ? t.attribute()
                    : o.reading() instanceof Reading.Superlative s ? s.attribute()
                    : o.reading() instanceof Reading.OfMembers m ? m.attribute() : null;
            if (a == null || a.hops() != 1 || !o.unexplained().equals(List.of(q.words().get(n.index()).text()))
                    || datedBy(profile, a.steps().get(0).property()).isEmpty()) {
                continue;
            }
            Set<Integer> explained = new HashSet<>(o.explained());
            explained.add(n.index());
            more.add(new Option(new Reading.InYear(o.reading(), a, n.value().toPlainString()),
                    o.score() + UNEXPLAINED_COST, explained, List.of(), o.anchors()));
        }
        out.addAll(more);
    }

    /** Whether the attribute says when ("population year"): a date, which is never summed or averaged. */
    private boolean dating(Attribute a) {
        return Arrays.stream(NameText.key(profile.nameOf(last(a))).split(" "))
                .anyMatch(w -> Lexicon.english().is(Op.WHEN, w));
    }

    /**
     * The properties that date a property's values: named like it plus a word of time ("population" → "population
     * year").
     */
    static List<String> datedBy(GraphProfile profile, String property) {
        String name = NameText.key(profile.nameOf(property));
        List<String> out = new ArrayList<>();
        for (var p : profile.properties()) {
            String other = NameText.key(p.name() == null ? "" : p.name());
            if (!p.iri().equals(property) && other.startsWith(name + " ")
                    && Arrays.stream(other.substring(name.length()).strip().split(" "))
                    .anyMatch(w -> Lexicon.english().is(Op.WHEN, w))) {
                out.add(p.iri());
            }
        }
        return out;
    }

    // ---- one entity

    private void lookups(EntityAnchor e, Candidate c, boolean yesNo, List<Option> out) {
        List<Scored> attrs = new ArrayList<>();
        boolean count = q.has(Op.COUNT);
        for (Attribute a : attributes(classesOf(c))) {
            if (count && !a.numeric() || q.askedUnit() != null && (!a.numeric() || !inAskedUnit(a))) {
                continue; // counting things is a members reading; a unit asks for a number that converts to it
            }
            Explained x = explain(terms(a.steps()), Set.of());
            if (!x.words().isEmpty()) {
                attrs.add(new Scored(a, x));
            }
        }
        attrs.sort(Comparator.comparingDouble((Scored s) -> s.x().sum() - HOP_COST * (s.a().hops() - 1)).reversed());
        if (attrs.isEmpty() || yesNo) {
            return;
        }
        NumberMention operand = bareNumber();
        String operator = arithmetic();
        for (Scored s : attrs.subList(0, Math.min(4, attrs.size()))) {
            Reading.Lookup lookup = new Reading.Lookup(c, List.of(s.a()), count, q.askedUnit());
            double score = e.score() + s.x().sum() - HOP_COST * (s.a().hops() - 1);
            if (operand != null && operator != null && s.a().numeric()) {
                out.add(option(new Reading.Calculate(lookup, operator, operand.value()), score, List.of(e),
                        withNumber(s.x().words(), operand)));
            } else if (operand != null && operator == null && year(operand) && s.a().hops() == 1 && !count) {
                out.add(option(new Reading.AtTime(lookup, operand.value().toPlainString()), score, List.of(e),
                        withNumber(s.x().words(), operand)));
            } else {
                out.add(option(lookup, score, List.of(e), s.x().words()));
            }
        }
        if (operand == null && operator != null) {
            combine(e, c, attrs, operator, out);
        }
        // several fields: attributes explaining different words, joined by "and"
        if (!q.has(Op.AND)) {
            return;
        }
        List<Attribute> fields = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        double sum = e.score();
        for (Scored s : attrs) {
            if (s.x().words().stream().noneMatch(covered::contains)) {
                fields.add(s.a());
                covered.addAll(s.x().words());
                sum += s.x().sum() - HOP_COST * (s.a().hops() - 1);
            }
        }
        if (fields.size() > 1 && fields.size() <= 4) {
            out.add(option(new Reading.Lookup(c, fields, false, null), sum, List.of(e), covered));
        }
    }

    /**
     * An amount with its unit and a number of the entity whose unit makes their product or quotient a named kind of
     * quantity: the one asked for, by a unit ("in kg", "how many grams") or by a word nearest that kind ("mass",
     * "weigh"). Which number fits is decided by the graph's units alone.
     */
    private void amounts(EntityAnchor e, Candidate c, List<Option> out) {
        if (units == null || q.numbers().size() != 1 || q.numbers().get(0).unit() == null) {
            return;
        }
        NumberMention n = q.numbers().get(0);
        for (Attribute a : attributes(classesOf(c))) {
            if (!a.numeric() || a.unit() == null) {
                continue;
            }
            for (String operator : List.of("*", "/")) {
                Units.Product p = units.product(n.unit(), operator, a.unit()).orElse(null);
                if (p == null || q.askedUnit() != null && !units.convertible(p.unit(), q.askedUnit())) {
                    continue;
                }
                Explained kind = quantityWords(p.quantity());
                if (q.askedUnit() == null && kind.words().isEmpty()) {
                    continue; // nothing asks for this kind of quantity
                }
                Explained x = explain(terms(a.steps()), kind.words());
                Set<Integer> words = union(union(kind.words(), x.words()), amountWords(n));
                out.add(option(new Reading.Amount(new Reading.Lookup(c, List.of(a), false, null), n.value(), n.unit(),
                        operator, q.askedUnit()), e.score() + kind.sum() + x.sum() - HOP_COST * (a.hops() - 1),
                        List.of(e), words));
            }
        }
    }

    /** The content words whose nearest kind of quantity of the calculator is this one. */
    private Explained quantityWords(String quantity) {
        Set<Integer> words = new HashSet<>();
        double sum = 0;
        for (int i : q.content()) {
            String word = q.words().get(i).key();
            String nearest = null;
            double best = 0;
            for (String kind : units.quantities()) {
                double s = matcher.likeness(word, kind);
                if (s > best) {
                    best = s;
                    nearest = kind;
                }
            }
            if (quantity.equals(nearest) && best >= NAMES_QUANTITY) {
                words.add(i);
                sum += best;
            }
        }
        return new Explained(words, sum);
    }

    /** A number and every word of the unit written after it ("436 cubic centimetre"). */
    private Set<Integer> amountWords(NumberMention n) {
        Set<Integer> out = new HashSet<>(Set.of(n.index()));
        for (int i = n.index() + 1; n.unit() != null && i < q.words().size()
                && q.words().get(i).role() == Role.NUMBER && !q.unitWords().contains(i); i++) {
            out.add(i);
        }
        return out;
    }

    /** Two numbers of the entity explaining different words, combined in the order the question names them. */
    private void combine(EntityAnchor e, Candidate c, List<Scored> attrs, String operator, List<Option> out) {
        List<Scored> numeric = attrs.stream().filter(s -> s.a().numeric()).toList();
        for (int i = 0; i < numeric.size() && i < 4; i++) {
            for (int j = i + 1; j < numeric.size() && j < 4; j++) {
                Scored a = numeric.get(i);
                Scored b = numeric.get(j);
                if (a.x().words().stream().anyMatch(b.x().words()::contains)) {
                    continue;
                }
                boolean aFirst = a.x().words().stream().min(Integer::compare).orElse(0)
                        < b.x().words().stream().min(Integer::compare).orElse(0);
                Scored left = aFirst ? a : b;
                Scored right = aFirst ? b : a;
                out.add(option(new Reading.Combine(c, left.a(), operator, right.a()), e.score() + a.x().sum()
                        + b.x().sum() - HOP_COST * (a.a().hops() + b.a().hops() - 2), List.of(e),
                        union(a.x().words(), b.x().words())));
            }
        }
    }

    private void compare(EntityAnchor first, EntityAnchor second, boolean yesNo, List<Option> out) {
        Set<String> common = new HashSet<>(classesOf(first.best()));
        common.retainAll(classesOf(second.best()));
        boolean ratio = q.has(Op.TIMES) || q.has(Op.OVER);
        boolean difference = q.has(Op.DIFFERENCE) && !yesNo;
        if (common.isEmpty() || !q.has(Op.VERSUS) && !yesNo && !ratio && !difference || ratio && difference) {
            return;
        }
        Boolean high = direction();
        String operator = ratio ? Reading.Compare.RATIO : difference ? Reading.Compare.DIFFERENCE : null;
        // a unit asked for says a difference in it; a ratio has none, a plain comparison says the graph's own
        String inUnit = difference ? q.askedUnit() : null;
        if (q.askedUnit() != null && inUnit == null) {
            return;
        }
        for (Attribute a : attributes(List.copyOf(common))) {
            if (!a.numeric() || inUnit != null && (a.unit() == null || units == null || !units.linear(a.unit(), inUnit))) {
                continue;
            }
            List<String> t = new ArrayList<>(terms(a.steps()));
            t.addAll(common);
            Explained x = explain(t, Set.of());
            Set<Integer> words = new HashSet<>(x.words());
            words.addAll(comparativeWords(a));
            if (!words.isEmpty()) {
                out.add(option(new Reading.Compare(first.best(), second.best(), a, high, yesNo, operator, inUnit),
                        first.score() + second.score() + x.sum() + comparativeWords(a).size() * EXPLAINS
                                - HOP_COST * (a.hops() - 1),
                        List.of(first, second), words));
            }
        }
    }

    /**
     * Several named entities and one attribute: "the X of A and of B" says each, "which of A, B and C has the highest
     * X" chooses. Not when the question asks to compute with them (a sum, arithmetic, a count, a unit), which these
     * readings would silently leave out.
     */
    private void several(List<EntityAnchor> entities, List<Option> out) {
        Boolean high = direction();
        boolean computes = q.has(Op.SUM) || q.has(Op.AVG) || arithmetic() != null || q.askedUnit() != null
                || q.numbers().stream().anyMatch(n -> !year(n)) || q.has(Op.DIFFERENCE);
        boolean count = q.has(Op.COUNT); // "how many X do A and B have": a number each
        boolean each = high == null && q.has(Op.AND) && !q.has(Op.VERSUS);
        boolean choose = high != null && (entities.size() >= 3 || !q.has(Op.VERSUS));
        Reading.Function function = q.has(Op.SUM) ? Reading.Function.SUM : q.has(Op.AVG) ? Reading.Function.AVG : null;
        // a sum or an average over the named entities, and nothing else to compute
        boolean total = function != null && each && !(q.has(Op.SUM) && q.has(Op.AVG)) && arithmetic() == null
                && q.askedUnit() == null && q.numbers().stream().allMatch(this::year) && !q.has(Op.DIFFERENCE);
        if (computes && !total || !each && !choose) {
            return;
        }
        Set<String> common = null;
        for (EntityAnchor e : entities) {
            Set<String> classes = new HashSet<>(classesOf(e.best()));
            if (common == null) {
                common = classes;
            } else {
                common.retainAll(classes);
            }
        }
        if (common == null || common.isEmpty()) {
            return;
        }
        List<Candidate> named = entities.stream().map(EntityAnchor::best).toList();
        double anchors = entities.stream().mapToDouble(EntityAnchor::score).sum();
        for (Attribute a : attributes(List.copyOf(common))) {
            if ((choose || count || total) && !a.numeric() || total && dating(a)) {
                continue;
            }
            List<String> t = new ArrayList<>(terms(a.steps()));
            t.addAll(common); // "which element": the class the named entities share
            Explained x = explain(t, Set.of());
            Set<Integer> words = new HashSet<>(x.words());
            Set<Integer> comparative = choose ? comparativeWords(a) : Set.of();
            words.addAll(comparative);
            if (!words.isEmpty()) {
                out.add(option(total ? new Reading.Total(named, a, function) : new Reading.Several(named, a, high),
                        anchors + x.sum() + comparative.size() * EXPLAINS - HOP_COST * (a.hops() - 1), entities, words));
            }
        }
    }

    // ---- yes/no about one entity

    private void asks(EntityAnchor e, List<Option> out) {
        Candidate c = e.best();
        List<String> classes = classesOf(c);
        for (Anchor other : q.anchors()) {
            if (other == e) {
                continue;
            }
            for (Constraint k : constraintsTo(classes, other, false)) {
                List<Step> steps = k instanceof Reading.LinksTo l ? l.steps() : ((Reading.HasValue) k).steps();
                Explained x = explain(terms(steps), Set.of());
                out.add(option(new Reading.Ask(c, k), e.score() + other.score() + x.sum() - HOP_COST * (steps.size() - 1),
                        List.of(e, other), x.words()));
            }
        }
        if (q.anchors().size() == 1) {
            Comparison cmp = comparison();
            NumberMention n = bareNumber();
            for (Attribute a : attributes(classes)) {
                Explained x = explain(terms(a.steps()), Set.of());
                if (x.words().isEmpty()) {
                    continue;
                }
                if (cmp != null && n != null && a.numeric()) {
                    out.add(option(new Reading.Ask(c, new Reading.Compares(a, cmp, n.value(), second(n), false)),
                            e.score() + x.sum() - HOP_COST * (a.hops() - 1), List.of(e), withNumber(x.words(), n)));
                } else if (kind(a) == ValueKind.BOOLEAN) {
                    out.add(option(new Reading.Ask(c, new Reading.HasValue(a.steps(), "true", last(a), false)),
                            e.score() + x.sum() - HOP_COST * (a.hops() - 1), List.of(e), x.words()));
                }
            }
        }
    }

    // ---- members of a class

    private record ClassMention(String iri, Set<Integer> words, double score) {
    }

    private void members(List<Option> out) {
        List<ClassMention> mentions = classMentions();
        boolean count = q.has(Op.COUNT);
        Boolean high = direction();
        Reading.Function function = q.has(Op.SUM) ? Reading.Function.SUM : q.has(Op.AVG) ? Reading.Function.AVG : null;
        for (ClassMention m : mentions) {
            for (List<Constraint> constraints : constraintSets(m.iri())) {
                Set<Integer> used = new HashSet<>(m.words());
                double score = m.score() + q.anchors().stream().mapToDouble(Anchor::score).sum();
                List<Step> all = new ArrayList<>();
                for (Constraint k : constraints) {
                    all.addAll(stepsOf(k));
                }
                Explained x = explain(terms(all), used);
                used.addAll(x.words());
                score += x.sum() - HOP_COST * Math.max(0, all.size() - constraints.size());
                String name = profile.nameOf(m.iri());
                Comparison cmp = comparison();
                NumberMention n = bareNumber();
                List<Attribute> numeric = attributes(List.of(m.iri())).stream().filter(Attribute::numeric).toList();
                if (cmp != null && n != null) {
                    for (Attribute a : numeric) {
                        Explained ax = explain(terms(a.steps()), used);
                        if (!ax.words().isEmpty()) {
                            List<Constraint> more = new ArrayList<>(constraints);
                            more.add(new Reading.Compares(a, cmp, n.value(), second(n), false));
                            out.add(option(new Reading.Members(m.iri(), name, more, count),
                                    score + ax.sum(), q.anchors(), union(used, withNumber(ax.words(), n))));
                        }
                    }
                    continue;
                }
                if (high != null || function != null) {
                    for (Attribute a : numeric) {
                        Explained ax = explain(terms(a.steps()), used);
                        Set<Integer> words = union(used, ax.words());
                        words.addAll(comparativeWords(a));
                        if (ax.words().isEmpty() && comparativeWords(a).isEmpty()) {
                            continue;
                        }
                        double s = score + ax.sum() + comparativeWords(a).size() * EXPLAINS - HOP_COST * (a.hops() - 1);
                        if (function != null) {
                            out.add(option(new Reading.Aggregate(m.iri(), name, constraints, a, function), s,
                                    q.anchors(), words));
                        } else {
                            boolean topK = n != null && n.unit() == null && nextToExtreme(n.index());
                            int k = topK ? n.value().intValue() : 1;
                            Set<Integer> w = topK ? withNumber(words, n) : words;
                            out.add(option(new Reading.Superlative(m.iri(), name, constraints, a, high, Math.max(1, k)),
                                    s, q.anchors(), w));
                        }
                    }
                    continue;
                }
                if (q.has(Op.PER)) {
                    grouped(m, constraints, used, score, name, out);
                    continue;
                }
                if (cmp == null && n != null && high == null && function == null) {
                    numbered(m, constraints, used, score, name, count, numeric, out);
                }
                out.add(option(new Reading.Members(m.iri(), name, constraints, count), score, q.anchors(), used));
                if (!count && !constraints.isEmpty()) {
                    // a value of the members, one hop further: "the capital of the country bordering Brunei"
                    for (Attribute a : attributes(List.of(m.iri()))) {
                        Explained ax = explain(terms(a.steps()), used);
                        if (!ax.words().isEmpty() && kind(a) != ValueKind.BOOLEAN) {
                            out.add(option(new Reading.OfMembers(new Reading.Members(m.iri(), name, constraints, false),
                                    a), score + ax.sum() - HOP_COST * a.hops(), q.anchors(), union(used, ax.words())));
                        }
                    }
                }
                for (Attribute a : attributes(List.of(m.iri()))) {
                    Explained ax = explain(terms(a.steps()), used);
                    if (kind(a) == ValueKind.BOOLEAN && a.hops() == 1 && !ax.words().isEmpty()) {
                        int at = ax.words().stream().min(Integer::compare).orElse(0);
                        List<Constraint> more = new ArrayList<>(constraints);
                        more.add(new Reading.HasValue(a.steps(), "true", last(a), negatedBefore(at)));
                        out.add(option(new Reading.Members(m.iri(), name, more, count), score + ax.sum(), q.anchors(),
                                union(used, ax.words())));
                    }
                }
            }
        }
    }

    /**
     * Members whose number is the one written right after the attribute's name ("elements in group 15", "period 6"):
     * the number names a value, so the members must have exactly it.
     */
    private void numbered(ClassMention m, List<Constraint> constraints, Set<Integer> used, double score, String name,
            boolean count, List<Attribute> numeric, List<Option> out) {
        NumberMention n = q.numbers().get(0);
        if (q.numbers().size() != 1 || n.unit() != null || n.index() == 0
                || q.words().get(n.index() - 1).role() != Role.CONTENT || used.contains(n.index() - 1)) {
            return;
        }
        for (Attribute a : numeric) {
            Explained ax = explain(terms(a.steps()), used);
            if (ax.words().contains(n.index() - 1)) {
                List<Constraint> more = new ArrayList<>(constraints);
                more.add(new Reading.Compares(a, Comparison.EQ, n.value(), null, false));
                out.add(option(new Reading.Members(m.iri(), name, more, count), score + ax.sum(), q.anchors(),
                        union(used, withNumber(ax.words(), n))));
            }
        }
    }

    private void grouped(ClassMention m, List<Constraint> constraints, Set<Integer> used, double score, String name,
            List<Option> out) {
        int per = perIndex();
        if (m.words().stream().anyMatch(i -> i > per)) {
            return;
        }
        for (ClassMention g : classMentions()) {
            if (g.iri().equals(m.iri()) || g.words().stream().anyMatch(used::contains)
                    || g.words().stream().anyMatch(i -> i < per) || m.words().stream().anyMatch(i -> i > per)) {
                continue;
            }
            for (ClassPath p : paths(m.iri(), g.iri())) {
                out.add(option(new Reading.Grouped(m.iri(), name, constraints, p.steps(), profile.nameOf(g.iri())),
                        score + g.score() - HOP_COST * (p.steps().size() - 1), q.anchors(), union(used, g.words())));
            }
        }
        for (Attribute a : attributes(List.of(m.iri()))) {
            if (kind(a) != ValueKind.CATEGORY && kind(a) != ValueKind.RESOURCE) {
                continue;
            }
            Explained x = explain(terms(a.steps()), used);
            if (!x.words().isEmpty() && x.words().stream().allMatch(i -> i > per)) {
                out.add(option(new Reading.Grouped(m.iri(), name, constraints, a.steps(), a.name()), score + x.sum(),
                        q.anchors(), union(used, x.words())));
            }
        }
    }

    /** Content words naming a class, as whole phrases or single words. */
    private List<ClassMention> classMentions() {
        List<ClassMention> out = new ArrayList<>();
        List<String> all = profile.classes().stream().filter(c -> c.instances() > 0 && !vocabulary(c.iri()))
                .map(ClassProfile::iri).toList();
        for (Linked.Phrase p : q.phrases()) {
            double needed = p.positions().size() > 1 ? WHOLE_NAME : NAMES_CLASS; // "country capital" is no class
            for (SchemaMatcher.Scored s : matcher.rank(p.text(), all)) {
                if (s.score() >= needed) {
                    out.add(new ClassMention(s.iri(), Set.copyOf(p.positions()), s.score() * p.positions().size()));
                }
            }
            if (p.positions().size() > 1) {
                for (int i : p.positions()) {
                    for (SchemaMatcher.Scored s : matcher.rank(q.words().get(i).key(), all)) {
                        if (s.score() >= NAMES_CLASS) {
                            out.add(restating(new ClassMention(s.iri(), Set.of(i), s.score()), p));
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The class mention with the words before it in its phrase that only restate the class's definition ("member
     * states" for a class defined as "a member state of the United Nations"): they say nothing more.
     */
    private ClassMention restating(ClassMention m, Linked.Phrase p) {
        int first = m.words().stream().min(Integer::compare).orElseThrow();
        Set<Integer> words = new HashSet<>(m.words());
        double score = m.score();
        for (int at = p.positions().indexOf(first) - 1; at >= 0; at--) {
            int i = p.positions().get(at);
            if (!matcher.defines(m.iri(), q.words().get(i).key())) {
                break;
            }
            words.add(i);
            score += EXPLAINS;
        }
        return words.size() == m.words().size() ? m : new ClassMention(m.iri(), words, score);
    }

    /** Every way to tie the anchors to the class: one constraint per anchor, up to a few paths each. */
    private List<List<Constraint>> constraintSets(String classIri) {
        List<List<Constraint>> sets = new ArrayList<>();
        sets.add(List.of());
        for (Anchor a : q.anchors()) {
            boolean negated = negatedBefore(a.first());
            List<Constraint> choices = constraintsTo(List.of(classIri), a, negated);
            if (choices.isEmpty()) {
                return List.of();
            }
            List<List<Constraint>> next = new ArrayList<>();
            for (List<Constraint> s : sets) {
                for (Constraint k : choices) {
                    List<Constraint> more = new ArrayList<>(s);
                    more.add(k);
                    next.add(more);
                }
            }
            sets = next;
        }
        return sets;
    }

    private List<Constraint> constraintsTo(List<String> classes, Anchor a, boolean negated) {
        List<Constraint> out = new ArrayList<>();
        for (String from : classes) {
            if (a instanceof EntityAnchor e) {
                for (String to : classesOf(e.best())) {
                    for (ClassPath p : paths(from, to)) {
                        out.add(new Reading.LinksTo(p.steps(), e.best(), negated));
                    }
                }
            } else if (a instanceof ValueAnchor v) {
                if (v.classes().contains(from) || profile.classProfile(from).flatMap(c -> c.use(v.property())).isPresent()) {
                    out.add(new Reading.HasValue(List.of(new Step(v.property(), false)), v.value(), v.property(),
                            negated));
                } else {
                    for (String to : v.classes()) {
                        for (ClassPath p : paths(from, to)) {
                            List<Step> steps = new ArrayList<>(p.steps());
                            steps.add(new Step(v.property(), false));
                            out.add(new Reading.HasValue(steps, v.value(), v.property(), negated));
                        }
                    }
                }
            }
        }
        return out.stream().limit(6).toList();
    }

    private List<ClassPath> paths(String from, String to) {
        return profile.pathsBetween(from, to).stream().filter(p -> p.steps().size() <= 3)
                .sorted(Comparator.comparingInt((ClassPath p) -> p.steps().size())).limit(MAX_PATHS).toList();
    }

    // ---- attributes of classes

    /** What instances of the classes have: their properties (value nodes read through), and one hop further. */
    List<Attribute> attributes(List<String> classes) {
        List<Attribute> out = new ArrayList<>();
        Set<List<Step>> seen = new HashSet<>();
        for (String c : classes) {
            ClassProfile cp = profile.classProfile(c).orElse(null);
            if (cp == null) {
                continue;
            }
            for (PropertyUse u : cp.properties()) {
                add(out, seen, attribute(List.of(new Step(u.property(), false)), u, List.of()));
            }
            for (ClassPath p : profile.paths()) {
                if (!p.from().equals(c) || p.steps().size() > 2) {
                    continue;
                }
                add(out, seen, new Attribute(p.steps(), stepName(p.steps().get(p.steps().size() - 1), p.to()), null,
                        false));
                if (p.steps().size() == 1) {
                    profile.classProfile(p.to()).ifPresent(target -> {
                        for (PropertyUse u : target.properties()) {
                            if (u.kind() != ValueKind.RESOURCE && !u.property().equals(p.steps().get(0).property())) {
                                List<Step> steps = new ArrayList<>(p.steps());
                                steps.add(new Step(u.property(), false));
                                add(out, seen, attribute(steps, u,
                                        List.of(stepName(p.steps().get(0), p.to()))));
                            }
                        }
                    });
                }
            }
        }
        return out;
    }

    private Attribute attribute(List<Step> steps, PropertyUse u, List<String> via) {
        List<Step> all = new ArrayList<>(steps);
        if (u.kind() == ValueKind.VALUE_NODE && u.valueNode() != null) {
            all.add(new Step(u.valueNode().valueProperty(), false));
        }
        boolean numeric = u.kind() == ValueKind.NUMBER || u.kind() == ValueKind.VALUE_NODE;
        String unit = u.unit() != null ? u.unit()
                : profile.property(u.property()).map(p -> p.unit()).orElse(null);
        String target = u.kind() == ValueKind.RESOURCE && !u.objectClasses().isEmpty() ? u.objectClasses().get(0).value()
                : null;
        List<String> names = new ArrayList<>();
        names.add(stepName(new Step(u.property(), false), target));
        names.addAll(via);
        return new Attribute(all, String.join(" of the ", names), unit, numeric);
    }

    /**
     * How to say one step: the property's name without "has"/"is" and without a unit written in it ("weight_g" →
     * weight); a relation named by a verb ("supplied by", "works in") is said by the class it leads to ("supplier").
     */
    String stepName(Step s, String targetClass) {
        String name = profile.nameOf(s.property());
        String unit = profile.property(s.property()).map(p -> "name".equals(p.unitSource()) ? p.unit() : null)
                .orElse(null);
        String plain = Names.withoutUnit(name, unit);
        String[] words = plain.split(" ");
        boolean verb = words.length > 0 && (Lexicon.english().is(Op.PREPOSITION, words[words.length - 1].toLowerCase())
                || words[0].toLowerCase().endsWith("ed"));
        if ((verb || s.inverse()) && targetClass != null) {
            return profile.nameOf(targetClass).toLowerCase();
        }
        return plain.replaceFirst("^(?i)(has|is) ", "");
    }

    private static void add(List<Attribute> out, Set<List<Step>> seen, Attribute a) {
        if (seen.add(a.steps())) {
            out.add(a);
        }
    }

    private ValueKind kind(Attribute a) {
        return profile.property(last(a)).map(p -> p.kind()).orElse(null);
    }

    private static String last(Attribute a) {
        return a.steps().get(a.steps().size() - 1).property();
    }

    private List<String> classesOf(Candidate c) {
        Set<String> out = new LinkedHashSet<>(c.classes());
        List<String> todo = new ArrayList<>(c.classes());
        while (!todo.isEmpty() && out.size() < 20) {
            String k = todo.remove(0);
            profile.classProfile(k).ifPresent(cp -> cp.superClasses().forEach(s -> {
                if (out.add(s)) {
                    todo.add(s);
                }
            }));
        }
        out.removeIf(ReadingBuilder::vocabulary);
        return List.copyOf(out);
    }

    // ---- explaining words

    /** Words explained by some terms, with the sum of their similarities. */
    record Explained(Set<Integer> words, double sum) {
    }

    private record Scored(Attribute a, Explained x) {
    }

    /** The terms a path names: its properties and the classes it passes through. */
    private List<String> terms(List<Step> steps) {
        List<String> out = new ArrayList<>();
        for (Step s : steps) {
            out.add(s.property());
            profile.property(s.property()).ifPresent(p -> (s.inverse() ? p.domains() : p.ranges()).stream()
                    .filter(r -> profile.classProfile(r).isPresent() && !vocabulary(r)).limit(4).forEach(out::add));
        }
        return out;
    }

    /** Terms of RDF, RDFS and OWL themselves ({@code owl:NamedIndividual}): never what a question is about. */
    static boolean vocabulary(String iri) {
        return iri.startsWith("http://www.w3.org/2002/07/owl#") || iri.startsWith("http://www.w3.org/2000/01/rdf-schema#")
                || iri.startsWith("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    }

    /** The content words (not in {@code skip}) that one of the terms names, whole phrases first, then single words. */
    Explained explain(List<String> terms, Set<Integer> skip) {
        Set<Integer> words = new HashSet<>();
        double sum = 0;
        for (Linked.Phrase p : q.phrases()) {
            List<Integer> open = p.positions().stream().filter(i -> !skip.contains(i)).toList();
            if (open.isEmpty()) {
                continue;
            }
            String text = String.join(" ", open.stream().map(i -> q.words().get(i).key()).toList());
            double whole = best(text, terms);
            if (whole >= (open.size() > 1 ? WHOLE_PHRASE : EXPLAINS)) {
                words.addAll(open);
                sum += whole * open.size();
                continue;
            }
            for (int i : open) {
                double s = best(q.words().get(i).key(), terms);
                for (String base : Words.adjectiveBases(q.words().get(i).key())) {
                    s = Math.max(s, best(base, terms) * 0.95);
                }
                if (s >= EXPLAINS) {
                    words.add(i);
                    sum += s;
                }
            }
        }
        return new Explained(words, sum);
    }

    private double best(String text, List<String> terms) {
        double best = 0;
        for (String t : terms) {
            best = Math.max(best, matcher.similarity(text, t));
        }
        return best;
    }

    /** Superlative or comparative words ("heaviest", "lighter") that name the attribute through their base form. */
    private Set<Integer> comparativeWords(Attribute a) {
        Set<Integer> out = new HashSet<>();
        List<String> terms = terms(a.steps());
        for (int i = 0; i < q.words().size(); i++) {
            Linked.Word w = q.words().get(i);
            if (w.ops().contains(Op.HIGH) || w.ops().contains(Op.LOW)) {
                for (String base : Words.adjectiveBases(w.key())) {
                    if (best(base, terms) >= EXPLAINS) {
                        out.add(i);
                    }
                }
            }
        }
        return out;
    }

    // ---- operators

    /**
     * Whether the question is answered yes or no: it opens with a yes/no word, after a fronted phrase of a preposition
     * and a number if any ("in 2015, were there more …").
     */
    private boolean yesNo() {
        int i = 0;
        while (i < q.words().size() && (q.words().get(i).role() == Role.NUMBER
                || q.words().get(i).role() == Role.OPERATOR && q.words().get(i).ops().contains(Op.PREPOSITION)
                        && i + 1 < q.words().size() && q.words().get(i + 1).role() == Role.NUMBER)) {
            i++;
        }
        return i < q.words().size() && q.words().get(i).ops().contains(Op.YESNO);
    }

    /** High or low when the question asks for an extreme or a comparison; null when it does not. */
    private Boolean direction() {
        Boolean dir = null;
        for (Linked.Word w : q.words()) {
            if (w.ops().contains(Op.LOW)) {
                return false;
            }
            if (w.ops().contains(Op.HIGH) && !w.ops().contains(Op.GT)) {
                dir = true;
            }
            if (w.role() == Role.CONTENT && !Words.adjectiveBases(w.key()).isEmpty() && w.key().endsWith("est")) {
                dir = true;
            }
        }
        return dir;
    }

    private Comparison comparison() {
        if (q.has(Op.BETWEEN)) {
            return Comparison.BETWEEN;
        }
        if (q.has(Op.GE)) {
            return Comparison.GE;
        }
        if (q.has(Op.LE)) {
            return Comparison.LE;
        }
        if (q.has(Op.GT)) {
            return Comparison.GT;
        }
        return q.has(Op.LT) ? Comparison.LT : null;
    }

    private String arithmetic() {
        for (Linked.Word w : q.words()) {
            for (Op op : List.of(Op.TIMES, Op.PLUS, Op.MINUS, Op.OVER)) {
                if (w.ops().contains(op)) {
                    return switch (op) {
                        case TIMES -> "*";
                        case PLUS -> "+";
                        case MINUS -> "-";
                        default -> "/";
                    };
                }
            }
        }
        return null;
    }

    private NumberMention bareNumber() {
        return q.numbers().isEmpty() ? null : q.numbers().get(0);
    }

    /** A whole number without a unit that reads as a year, the only number of the question. */
    private boolean year(NumberMention n) {
        return q.numbers().size() == 1 && n.unit() == null && n.value().scale() <= 0
                && n.value().compareTo(BigDecimal.valueOf(1000)) >= 0 && n.value().compareTo(BigDecimal.valueOf(2999)) <= 0;
    }

    private BigDecimal second(NumberMention n) {
        return q.numbers().size() > 1 ? q.numbers().get(1).value() : null;
    }

    private Set<Integer> withNumber(Set<Integer> words, NumberMention n) {
        Set<Integer> out = new HashSet<>(words);
        for (NumberMention m : q.numbers()) {
            out.add(m.index());
            if (m.unit() != null) {
                out.add(m.index() + 1);
            }
        }
        return out;
    }

    /** Whether a number stands right by a superlative ("top 3", "the 5 largest"). */
    private boolean nextToExtreme(int index) {
        for (int i = Math.max(0, index - 1); i <= Math.min(q.words().size() - 1, index + 1); i++) {
            Linked.Word w = q.words().get(i);
            if (i != index && (w.ops().contains(Op.HIGH) || w.ops().contains(Op.LOW)
                    || w.key().endsWith("est") && !Words.adjectiveBases(w.key()).isEmpty())) {
                return true;
            }
        }
        return false;
    }

    private int perIndex() {
        for (int i = 0; i < q.words().size(); i++) {
            if (q.words().get(i).ops().contains(Op.PER)) {
                return i;
            }
        }
        return -1;
    }

    private boolean negatedBefore(int index) {
        for (int i = Math.max(0, index - 3); i < index; i++) {
            if (q.words().get(i).ops().contains(Op.NOT)) {
                return true;
            }
        }
        return false;
    }

    private static List<Step> stepsOf(Constraint k) {
        if (k instanceof Reading.LinksTo l) {
            return l.steps();
        }
        return k instanceof Reading.HasValue h ? h.steps() : ((Reading.Compares) k).attribute().steps();
    }

    private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
        Set<Integer> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

    // ---- scoring

    /** Whether the reading answers in the unit the question asks for (else the unit's words are left unexplained). */
    private static boolean saysAskedUnit(Reading r) {
        return r instanceof Reading.Lookup l && l.inUnit() != null || r instanceof Reading.Convert
                || r instanceof Reading.Amount m && m.inUnit() != null
                || r instanceof Reading.Compare c && c.inUnit() != null;
    }

    /** A reading with its score: the anchors' and terms' evidence, less a cost per content word left unexplained. */
    private Option option(Reading reading, double evidence, List<? extends Anchor> anchors, Set<Integer> words) {
        Set<Integer> explained = new HashSet<>(words);
        for (Anchor a : anchors) {
            for (int i = a.first(); i <= a.last(); i++) {
                explained.add(i);
            }
        }
        List<String> unexplained = new ArrayList<>();
        for (int i = 0; i < q.words().size(); i++) {
            Linked.Word w = q.words().get(i);
            if (explained.contains(i) || q.unitWords().contains(i) && saysAskedUnit(reading)) {
                explained.add(i);
                continue;
            }
            boolean content = w.role() == Role.CONTENT || w.role() == Role.ANCHOR
                    || w.role() == Role.NUMBER && !(reading instanceof Reading.Convert);
            if (content) {
                unexplained.add(w.text());
            } else {
                explained.add(i);
            }
        }
        return new Option(reading, evidence - UNEXPLAINED_COST * unexplained.size(), explained, unexplained,
                List.copyOf(anchors));
    }
}
