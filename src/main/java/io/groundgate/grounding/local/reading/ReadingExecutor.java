package io.groundgate.grounding.local.reading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.util.FmtUtils;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.grounding.GroundingStep;
import io.groundgate.grounding.ProvenanceRecorder;
import io.groundgate.grounding.local.plan.Arithmetic;
import io.groundgate.grounding.local.plan.GraphFacts;
import io.groundgate.grounding.local.reading.Finding.Row;
import io.groundgate.grounding.local.reading.Finding.Value;
import io.groundgate.grounding.local.reading.Reading.Attribute;
import io.groundgate.grounding.local.reading.Reading.Constraint;
import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.QueryLimits;
import io.groundgate.kg.SparqlGuard;
import io.groundgate.kg.SparqlResult;
import io.groundgate.kg.profile.ClassPath.Step;
import io.groundgate.tools.Provenance;
import io.groundgate.tools.calculator.CalcValue;

/**
 * Runs readings: SPARQL whose text holds only variables, with every IRI and literal bound as an RDF term through the
 * snapshot's bounded, read-only executor (never written into the text), and the calculator for arithmetic. Each query
 * is recorded as a {@code sparql_query} grounding step with its bindings, facts and sources.
 */
public final class ReadingExecutor {

    /** Members listed in an answer; the rest are counted. */
    static final int LIST_LIMIT = 50;
    /** Members whose values are read when a question asks a value of the members it describes. */
    static final int MEMBER_VALUES = 10;
    private static final String XSD = "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n";

    private final GraphSnapshot snapshot;
    private final ProvenanceRecorder recorder;
    private final GraphFacts facts;
    private final Arithmetic arithmetic;

    public ReadingExecutor(GraphSnapshot snapshot, ProvenanceRecorder recorder, GraphFacts facts, Arithmetic arithmetic) {
        this.snapshot = snapshot;
        this.recorder = recorder;
        this.facts = facts;
        this.arithmetic = arithmetic;
    }

    public Finding run(Reading reading) {
        if (reading instanceof Reading.Lookup l) {
            return lookup(l);
        } else if (reading instanceof Reading.Members m) {
            return members(m);
        } else if (reading instanceof Reading.Superlative s) {
            return superlative(s);
        } else if (reading instanceof Reading.Compare c) {
            return compare(c);
        } else if (reading instanceof Reading.Ask a) {
            return ask(a);
        } else if (reading instanceof Reading.Aggregate a) {
            return aggregate(a);
        } else if (reading instanceof Reading.Grouped g) {
            return grouped(g);
        } else if (reading instanceof Reading.Convert c) {
            return convert(c);
        } else if (reading instanceof Reading.Several s) {
            return several(s);
        } else if (reading instanceof Reading.Combine c) {
            return combine(c);
        } else if (reading instanceof Reading.AtTime t) {
            Finding f = lookup(t.lookup());
            return new Finding(t, f.rows(), f.total(), null, null, null, f.sources());
        } else if (reading instanceof Reading.OfMembers o) {
            return ofMembers(o);
        } else if (reading instanceof Reading.Expression e) {
            return expression(e);
        } else if (reading instanceof Reading.InYear y) {
            return inYear(y);
        } else if (reading instanceof Reading.Amount a) {
            return amount(a);
        } else if (reading instanceof Reading.Total t) {
            return total(t);
        }
        return calculate((Reading.Calculate) reading);
    }

    // ---- query text: variables only

    /** Builds a query's text from patterns over variables; constants go into {@code bindings}. */
    static final class Pattern {
        private final StringBuilder text = new StringBuilder();
        private final Map<Var, Node> bindings = new LinkedHashMap<>();
        private int next;

        String constant(Node value) {
            String name = "k" + next++;
            bindings.put(Var.alloc(name), value);
            return "?" + name;
        }

        String fresh() {
            return "?x" + next++;
        }

        /** The triples of a path from one variable to another. */
        Pattern path(String from, List<Step> steps, String to) {
            String at = from;
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                String nextVar = i == steps.size() - 1 ? to : fresh();
                String p = constant(NodeFactory.createURI(s.property()));
                text.append(s.inverse() ? nextVar + " " + p + " " + at : at + " " + p + " " + nextVar).append(" . ");
                at = nextVar;
            }
            return this;
        }

        Pattern type(String subject, String classIri) {
            text.append(subject).append(" a ").append(constant(NodeFactory.createURI(classIri))).append(" . ");
            return this;
        }

        Pattern raw(String pattern) {
            text.append(pattern);
            return this;
        }

        Pattern constraint(String subject, Constraint c) {
            StringBuilder inner = new StringBuilder();
            Pattern sub = new Pattern();
            sub.next = next;
            if (c instanceof Reading.LinksTo l) {
                sub.path(subject, l.steps(), sub.constant(node(l.entity().iri())));
            } else if (c instanceof Reading.HasValue h) {
                String v = sub.fresh();
                sub.path(subject, h.steps(), v);
                sub.raw("FILTER(LCASE(STR(" + v + ")) = LCASE(" + sub.constant(NodeFactory.createLiteralString(h.value()))
                        + ")) ");
            } else if (c instanceof Reading.Compares k) {
                {
                    String v = sub.fresh();
                    sub.path(subject, k.attribute().steps(), v);
                    String n = number(v);
                    String low = sub.constant(decimal(k.low()));
                    String test = switch (k.comparison()) {
                        case GT -> n + " > " + low;
                        case GE -> n + " >= " + low;
                        case LT -> n + " < " + low;
                        case LE -> n + " <= " + low;
                        case BETWEEN -> n + " >= " + low + " && " + n + " <= "
                                + sub.constant(decimal(k.high() == null ? k.low() : k.high()));
                        case EQ -> n + " = " + low;
                    };
                    sub.raw("FILTER(" + test + ") ");
                }
            }
            next = sub.next;
            bindings.putAll(sub.bindings);
            inner.append(sub.text);
            text.append(c.negated() ? "FILTER NOT EXISTS { " + inner + "} " : inner.toString());
            return this;
        }

        String where() {
            return text.toString();
        }
    }

    static String number(String v) {
        return "COALESCE(xsd:decimal(STR(" + v + ")), xsd:double(STR(" + v + ")))";
    }

    private static Node node(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node decimal(BigDecimal d) {
        return NodeFactory.createLiteralDT(d.toPlainString(), XSDDatatype.XSDdecimal);
    }

    // ---- readings

    private Finding lookup(Reading.Lookup l) {
        List<Value> values = new ArrayList<>();
        for (int f = 0; f < l.fields().size(); f++) {
            Attribute a = l.fields().get(f);
            Pattern p = new Pattern();
            String e = p.constant(node(l.entity().iri()));
            p.path(e, a.steps(), "?v");
            List<Binding> rows = select("SELECT DISTINCT ?v WHERE { " + p.where() + "} LIMIT " + (LIST_LIMIT + 1), p,
                    b -> List.of(fact(l.entity().iri(), lastProperty(a), b.get(Var.alloc("v")))));
            for (Binding b : rows) {
                values.add(value(b.get(Var.alloc("v")), f));
            }
        }
        if (l.fields().size() == 1 && l.fields().get(0).hops() == 1 && !values.isEmpty()) {
            referenceTime(l.entity().iri(), l.fields().get(0).steps().get(0).property()).ifPresent(values::add);
        }
        List<String> sources = facts.sourcesOf(List.of(l.entity().iri()));
        Row row = new Row(l.entity().iri(), name(l.entity().iri()), values, null);
        Attribute first = l.fields().get(0);
        List<Value> numbers = values.stream().filter(v -> v.number() != null).toList();
        if (l.inUnit() != null && first.unit() != null && numbers.size() == 1) {
            String expression = numbers.get(0).number().toPlainString() + " " + first.unit() + " to " + l.inUnit();
            Provenance.Fact used = new Provenance.Fact(l.entity().iri(), lastProperty(first),
                    numbers.get(0).number().toPlainString());
            Optional<CalcValue> v = arithmetic.evaluate(expression, List.of(used), sources);
            // said in the calculator's symbol for the unit asked ("°C" for "degrees Celsius")
            Reading.Lookup said = new Reading.Lookup(l.entity(), l.fields(), l.howMany(),
                    v.map(CalcValue::unit).filter(u -> !u.isBlank()).orElse(l.inUnit()));
            return new Finding(said, List.of(row), 1, null, v.map(CalcValue::value).orElse(null), expression, sources);
        }
        return new Finding(l, List.of(row), 1, null, null, null, sources);
    }

    private Finding members(Reading.Members m) {
        Pattern p = new Pattern().type("?s", m.classIri());
        m.constraints().forEach(c -> p.constraint("?s", c));
        long total = -1;
        if (m.count()) {
            List<Binding> n = select(XSD + "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { " + p.where() + "}", p, b -> List.of());
            total = n.isEmpty() ? 0 : Long.parseLong(n.get(0).get(Var.alloc("n")).getLiteralLexicalForm());
        }
        List<Binding> rows = select(XSD + "SELECT DISTINCT ?s WHERE { " + p.where() + "} LIMIT " + (LIST_LIMIT + 1), p,
                b -> List.of(typeFact(b.get(Var.alloc("s")), m.classIri())));
        List<Row> out = new ArrayList<>();
        Set<String> subjects = new LinkedHashSet<>();
        for (Binding b : rows) {
            Node s = b.get(Var.alloc("s"));
            if (s.isURI() && out.size() < LIST_LIMIT) {
                subjects.add(s.getURI());
                out.add(new Row(s.getURI(), name(s.getURI()), List.of(), null));
            }
        }
        out.sort(Comparator.comparing(Row::name));
        long all = total >= 0 ? total : rows.size() > LIST_LIMIT ? -1 : rows.size();
        if (all < 0) {
            List<Binding> n = select(XSD + "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { " + p.where() + "}", p, b -> List.of());
            all = Long.parseLong(n.get(0).get(Var.alloc("n")).getLiteralLexicalForm());
        }
        return new Finding(m, out, all, null, m.count() ? BigDecimal.valueOf(all) : null, null, sources(subjects));
    }

    /**
     * When a value holds, if the graph says: the entity's value of a property named like the value's property plus a
     * word of time ("population" → "population year"), as a value of field -1.
     */
    private Optional<Value> referenceTime(String entity, String property) {
        for (String dating : ReadingBuilder.datedBy(snapshot.profile(), property)) {
            Pattern q = new Pattern();
            q.path(q.constant(node(entity)), List.of(new Step(dating, false)), "?v");
            List<Binding> rows = select("SELECT DISTINCT ?v WHERE { " + q.where() + "} LIMIT 2", q,
                    b -> List.of(fact(entity, dating, b.get(Var.alloc("v")))));
            if (rows.size() == 1) {
                return Optional.of(value(rows.get(0).get(Var.alloc("v")), -1));
            }
        }
        return Optional.empty();
    }

    /** Most values dated at once when a reading's values must all be of one year; more are not checked. */
    static final int DATED_LIMIT = 5_000;

    /**
     * The reading, when every value it compares or says is dated with the year; else an empty finding (nothing of
     * that year found). A superlative's values are those of all its members, not only the ones it names.
     */
    private Finding inYear(Reading.InYear y) {
        Finding f = run(y.reading());
        String property = y.attribute().steps().get(0).property();
        Set<String> subjects = new LinkedHashSet<>();
        if (y.reading() instanceof Reading.Superlative s) {
            numbered(s.classIri(), s.constraints(), s.attribute(), subjects);
        } else {
            f.rows().stream().filter(r -> r.values().stream().anyMatch(v -> v.field() >= 0)).map(Row::iri)
                    .forEach(subjects::add);
        }
        Map<String, Set<String>> dates = new HashMap<>();
        for (String dating : ReadingBuilder.datedBy(snapshot.profile(), property)) {
            Pattern p = new Pattern();
            p.path("?s", List.of(new Step(dating, false)), "?t");
            List<Binding> rows = select("SELECT DISTINCT ?s ?t WHERE { " + p.where() + "} LIMIT " + DATED_LIMIT, p,
                    b -> b.get(Var.alloc("s")).isURI() && subjects.contains(b.get(Var.alloc("s")).getURI())
                            ? List.of(fact(b.get(Var.alloc("s")).getURI(), dating, b.get(Var.alloc("t")))) : List.of());
            for (Binding b : rows) {
                Node s = b.get(Var.alloc("s"));
                if (s.isURI()) {
                    dates.computeIfAbsent(s.getURI(), k -> new HashSet<>()).add(text(b.get(Var.alloc("t"))));
                }
            }
        }
        boolean all = !subjects.isEmpty() && subjects.stream().allMatch(s -> dates.getOrDefault(s, Set.of()).size() == 1
                && dates.get(s).iterator().next().startsWith(y.year()));
        if (!all) {
            return new Finding(y, List.of(), 0, null, null, null, List.of());
        }
        return new Finding(y, f.rows(), f.total(), f.truth(), f.number(), f.computation(), f.sources());
    }

    /** Members with their number for the attribute, parsed in Java so numbers stored as text count too. */
    private List<Row> numbered(String classIri, List<Constraint> constraints, Attribute a, Set<String> subjects) {
        Pattern p = new Pattern().type("?s", classIri);
        constraints.forEach(c -> p.constraint("?s", c));
        p.path("?s", a.steps(), "?v");
        List<Binding> rows = select(XSD + "SELECT DISTINCT ?s ?v WHERE { " + p.where() + "}", p,
                b -> List.of(fact(b.get(Var.alloc("s")).toString(), lastProperty(a), b.get(Var.alloc("v")))));
        Map<String, Row> out = new LinkedHashMap<>();
        for (Binding b : rows) {
            Node s = b.get(Var.alloc("s"));
            Value v = value(b.get(Var.alloc("v")), 0);
            if (s.isURI() && v.number() != null && !out.containsKey(s.getURI())) {
                out.put(s.getURI(), new Row(s.getURI(), name(s.getURI()), List.of(v), null));
                subjects.add(s.getURI());
            }
        }
        return new ArrayList<>(out.values());
    }

    private Finding superlative(Reading.Superlative s) {
        Set<String> subjects = new LinkedHashSet<>();
        List<Row> rows = numbered(s.classIri(), s.constraints(), s.attribute(), subjects);
        Comparator<Row> byValue = Comparator.comparing(r -> r.values().get(0).number());
        rows.sort(s.high() ? byValue.reversed() : byValue);
        List<Row> top = new ArrayList<>(rows.subList(0, Math.min(s.k(), rows.size())));
        // ties with the last one shown are shown too: the question has no single answer then
        while (top.size() < rows.size() && top.size() < LIST_LIMIT && !top.isEmpty()
                && rows.get(top.size()).values().get(0).number().compareTo(top.get(top.size() - 1).values().get(0).number()) == 0) {
            top.add(rows.get(top.size()));
        }
        return new Finding(s, top, rows.size(), null, null, null,
                sources(top.stream().map(Row::iri).toList()));
    }

    private Finding compare(Reading.Compare c) {
        List<Row> rows = new ArrayList<>();
        for (Linked.Candidate e : List.of(c.first(), c.second())) {
            Finding f = lookup(new Reading.Lookup(e, List.of(c.attribute()), false, null));
            List<Value> numbers = f.rows().get(0).values().stream().filter(v -> v.number() != null).toList();
            rows.add(new Row(e.iri(), name(e.iri()), numbers, null));
        }
        List<String> sources = sources(List.of(c.first().iri(), c.second().iri()));
        if (c.difference() && rows.stream().allMatch(r -> r.values().size() == 1)) {
            // how far apart, whichever is higher: the composer says which one that is
            BigDecimal a = rows.get(0).values().get(0).number();
            BigDecimal b = rows.get(1).values().get(0).number();
            String unit = c.attribute().unit() == null ? "" : " " + c.attribute().unit();
            String expression = "abs(" + a.toPlainString() + " - " + b.toPlainString() + ")" + unit
                    + (c.inUnit() == null ? "" : " to " + c.inUnit());
            String p = lastProperty(c.attribute());
            Optional<CalcValue> v = arithmetic.evaluate(expression, List.of(new Provenance.Fact(c.first().iri(), p,
                    a.toPlainString()), new Provenance.Fact(c.second().iri(), p, b.toPlainString())), sources);
            Reading.Compare said = c.inUnit() == null ? c : new Reading.Compare(c.first(), c.second(), c.attribute(),
                    c.high(), c.yesNo(), c.operator(), v.map(CalcValue::unit).filter(u -> !u.isBlank()).orElse(c.inUnit()));
            return new Finding(said, rows, 2, null, v.map(CalcValue::value).orElse(null), expression, sources);
        }
        if (c.ratio() && rows.stream().allMatch(r -> r.values().size() == 1)) {
            BigDecimal a = rows.get(0).values().get(0).number();
            BigDecimal b = rows.get(1).values().get(0).number();
            String expression = a.toPlainString() + " / " + b.toPlainString();
            String p = lastProperty(c.attribute());
            Optional<CalcValue> v = arithmetic.evaluate(expression, List.of(new Provenance.Fact(c.first().iri(), p,
                    a.toPlainString()), new Provenance.Fact(c.second().iri(), p, b.toPlainString())), sources);
            return new Finding(c, rows, 2, null, v.map(CalcValue::value).orElse(null), expression, sources);
        }
        return new Finding(c, rows, 2, null, null, null, sources);
    }

    /** Each entity's values of the attribute (numbers only when choosing), the chosen one first, the missing last. */
    private Finding several(Reading.Several s) {
        List<Row> rows = new ArrayList<>();
        for (Linked.Candidate e : s.entities()) {
            Finding f = lookup(new Reading.Lookup(e, List.of(s.attribute()), false, null));
            List<Value> values = f.rows().get(0).values().stream()
                    .filter(v -> v.field() >= 0 && (s.high() == null || v.number() != null)).toList();
            rows.add(new Row(e.iri(), name(e.iri()), values, null));
        }
        if (s.high() != null) {
            Comparator<BigDecimal> order = s.high() ? Comparator.reverseOrder() : Comparator.naturalOrder();
            Comparator<Row> byValue = Comparator.comparing((Row r) -> r.values().isEmpty());
            rows.sort(byValue.thenComparing((Row r) -> r.values().isEmpty() ? BigDecimal.ZERO
                    : r.values().get(0).number(), order));
        }
        List<String> sources = sources(s.entities().stream().map(Linked.Candidate::iri).toList());
        return new Finding(s, rows, rows.size(), null, null, null, sources);
    }

    /** Each entity's number, then their sum or average by the calculator: only when every entity has one number. */
    private Finding total(Reading.Total t) {
        Finding each = several(new Reading.Several(t.entities(), t.attribute(), null));
        List<Row> rows = each.rows().stream().map(r -> new Row(r.iri(), r.name(),
                r.values().stream().filter(v -> v.number() != null).toList(), null)).toList();
        if (rows.stream().anyMatch(r -> r.values().size() != 1)) {
            return new Finding(t, rows, rows.size(), null, null, null, each.sources());
        }
        List<Provenance.Fact> used = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        for (Row r : rows) {
            String n = r.values().get(0).number().toPlainString();
            terms.add(n);
            used.add(new Provenance.Fact(r.iri(), lastProperty(t.attribute()), n));
        }
        String sum = String.join(" + ", terms);
        String expression = t.function() == Reading.Function.AVG ? "(" + sum + ") / " + terms.size() : sum;
        Optional<CalcValue> v = arithmetic.evaluate(expression, used, each.sources());
        return new Finding(t, rows, rows.size(), null, v.map(CalcValue::value).orElse(null), expression, each.sources());
    }

    /** The members, then each one's values of the attribute (for the first few members). */
    private Finding ofMembers(Reading.OfMembers o) {
        Finding members = members(o.members());
        List<Row> rows = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        for (Row m : members.rows().subList(0, Math.min(MEMBER_VALUES, members.rows().size()))) {
            Linked.Candidate c = new Linked.Candidate(m.iri(), m.name(), List.of(o.members().classIri()));
            Finding f = lookup(new Reading.Lookup(c, List.of(o.attribute()), false, null));
            rows.add(new Row(m.iri(), m.name(), f.rows().get(0).values().stream().filter(v -> v.field() >= 0).toList(),
                    null));
            subjects.add(m.iri());
        }
        return new Finding(o, rows, members.total(), null, null, null, sources(subjects));
    }

    private Finding ask(Reading.Ask a) {
        if (a.constraint() instanceof Reading.Compares k) {
            Finding f = lookup(new Reading.Lookup(a.subject(), List.of(k.attribute()), false, null));
            Optional<BigDecimal> v = f.rows().get(0).values().stream().map(Value::number).filter(n -> n != null)
                    .findFirst();
            if (v.isEmpty()) {
                return new Finding(a, f.rows(), 0, null, null, null, List.of());
            }
            int c = v.get().compareTo(k.low());
            boolean truth = switch (k.comparison()) {
                case GT -> c > 0;
                case GE -> c >= 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case BETWEEN -> c >= 0 && v.get().compareTo(k.high() == null ? k.low() : k.high()) <= 0;
                case EQ -> c == 0;
            };
            return new Finding(a, f.rows(), 1, truth, null, null, f.sources());
        }
        Pattern p = new Pattern();
        String s = p.constant(node(a.subject().iri()));
        p.constraint(s, a.constraint());
        String query = "ASK { " + p.where() + "}";
        long start = System.nanoTime();
        Query parsed = SparqlGuard.parse(XSD + query);
        SparqlResult r = snapshot.query(parsed, p.bindings, QueryLimits.SERVER_MAX);
        List<String> sources = facts.sourcesOf(List.of(a.subject().iri()));
        record(XSD + query, parsed, p, r.ask() ? 1 : 0, List.of(), sources, start);
        return new Finding(a, List.of(new Row(a.subject().iri(), name(a.subject().iri()), List.of(), null)), 1, r.ask(),
                null, null, sources);
    }

    private Finding aggregate(Reading.Aggregate a) {
        Set<String> subjects = new LinkedHashSet<>();
        List<Row> rows = numbered(a.classIri(), a.constraints(), a.attribute(), subjects);
        if (rows.isEmpty()) {
            return new Finding(a, rows, 0, null, null, null, List.of());
        }
        List<String> terms = rows.stream().map(r -> r.values().get(0).number().toPlainString()).toList();
        String expression = switch (a.function()) {
            case SUM -> String.join(" + ", terms);
            case AVG -> "(" + String.join(" + ", terms) + ") / " + terms.size();
            case MIN -> "min(" + String.join(", ", terms) + ")";
            case MAX -> "max(" + String.join(", ", terms) + ")";
        };
        Optional<CalcValue> v = arithmetic.evaluate(expression, List.of(), sources(subjects));
        return new Finding(a, rows, rows.size(), null, v.map(CalcValue::value).orElse(null), expression,
                sources(subjects));
    }

    private Finding grouped(Reading.Grouped g) {
        Pattern p = new Pattern().type("?s", g.classIri());
        g.constraints().forEach(c -> p.constraint("?s", c));
        p.path("?s", g.group(), "?g");
        List<Binding> rows = select(XSD + "SELECT ?g (COUNT(DISTINCT ?s) AS ?n) WHERE { " + p.where()
                + "} GROUP BY ?g ORDER BY DESC(?n) LIMIT " + (LIST_LIMIT + 1), p, b -> List.of());
        List<Row> out = new ArrayList<>();
        for (Binding b : rows) {
            Node group = b.get(Var.alloc("g"));
            long n = Long.parseLong(b.get(Var.alloc("n")).getLiteralLexicalForm());
            out.add(new Row(group.isURI() ? group.getURI() : null, text(group), List.of(), n));
        }
        return new Finding(g, out.subList(0, Math.min(LIST_LIMIT, out.size())), out.size(), null, null, null,
                sources(out.stream().map(Row::iri).filter(i -> i != null).toList()));
    }

    private Finding expression(Reading.Expression e) {
        Optional<CalcValue> v = arithmetic.evaluate(e.expression(), List.of(), List.of());
        // the result's unit is the calculator's (a conversion), else the reading's own (a percentage change)
        String unit = v.map(CalcValue::unit).filter(u -> !u.isBlank()).orElse(e.unit());
        return new Finding(new Reading.Expression(e.expression(), unit), List.of(), 0, null,
                v.map(CalcValue::value).orElse(null), e.expression(), List.of());
    }

    private Finding convert(Reading.Convert c) {
        String expression = c.amount().toPlainString() + " " + c.unit() + " to " + c.target();
        Optional<CalcValue> v = arithmetic.evaluate(expression, List.of(), List.of());
        return new Finding(c, List.of(), 0, null, v.map(CalcValue::value).orElse(null), expression, List.of());
    }

    /** Both numbers of the entity, then the calculator on them. */
    private Finding combine(Reading.Combine c) {
        Finding both = lookup(new Reading.Lookup(c.entity(), List.of(c.left(), c.right()), false, null));
        List<Value> left = both.rows().get(0).values().stream().filter(v -> v.field() == 0 && v.number() != null).toList();
        List<Value> right = both.rows().get(0).values().stream().filter(v -> v.field() == 1 && v.number() != null)
                .toList();
        if (left.size() != 1 || right.size() != 1) {
            return new Finding(c, both.rows(), 0, null, null, null, both.sources());
        }
        String a = left.get(0).number().toPlainString();
        String b = right.get(0).number().toPlainString();
        String expression = a + " " + c.operator() + " " + b;
        Optional<CalcValue> v = arithmetic.evaluate(expression, List.of(
                new Provenance.Fact(c.entity().iri(), lastProperty(c.left()), a),
                new Provenance.Fact(c.entity().iri(), lastProperty(c.right()), b)), both.sources());
        return new Finding(c, both.rows(), 1, null, v.map(CalcValue::value).orElse(null), expression, both.sources());
    }

    /** The entity's number, then the calculator on the amount and it, with both units. */
    private Finding amount(Reading.Amount m) {
        Finding fact = lookup(m.fact());
        List<Value> numbers = fact.rows().get(0).values().stream().filter(v -> v.number() != null).toList();
        if (numbers.size() != 1) {
            return new Finding(m, fact.rows(), 0, null, null, null, fact.sources());
        }
        Attribute a = m.fact().fields().get(0);
        String value = numbers.get(0).number().toPlainString();
        String expression = m.amount().toPlainString() + " " + m.unit() + " " + m.operator() + " (" + value + " "
                + a.unit() + ")" + (m.inUnit() == null ? "" : " in " + m.inUnit());
        Optional<CalcValue> v = arithmetic.evaluate(expression,
                List.of(new Provenance.Fact(m.fact().entity().iri(), lastProperty(a), value)), fact.sources());
        // said in the calculator's unit of the result ("kg"), the one asked for when there is one
        Reading.Amount said = new Reading.Amount(m.fact(), m.amount(), m.unit(), m.operator(),
                v.map(CalcValue::unit).filter(u -> !u.isBlank()).orElse(m.inUnit()));
        return new Finding(said, fact.rows(), 1, null, v.map(CalcValue::value).orElse(null), expression, fact.sources());
    }

    private Finding calculate(Reading.Calculate c) {
        Finding fact = lookup(c.fact());
        List<Value> numbers = fact.rows().get(0).values().stream().filter(v -> v.number() != null).toList();
        if (numbers.size() != 1) {
            return new Finding(c, fact.rows(), 0, null, null, null, fact.sources());
        }
        String expression = numbers.get(0).number().toPlainString() + " " + c.operator() + " "
                + c.operand().toPlainString();
        Attribute a = c.fact().fields().get(0);
        Provenance.Fact used = new Provenance.Fact(c.fact().entity().iri(), lastProperty(a),
                numbers.get(0).number().toPlainString());
        Optional<CalcValue> v = arithmetic.evaluate(expression, List.of(used), fact.sources());
        return new Finding(c, fact.rows(), 1, null, v.map(CalcValue::value).orElse(null), expression, fact.sources());
    }

    // ---- running and recording

    private interface Facts {
        List<Provenance.Fact> of(Binding row);
    }

    private List<Binding> select(String query, Pattern p, Facts extractor) {
        long start = System.nanoTime();
        Query parsed = SparqlGuard.parse(query);
        SparqlResult r = snapshot.query(parsed, p.bindings, QueryLimits.SERVER_MAX);
        List<Provenance.Fact> found = new ArrayList<>();
        Set<String> subjects = new LinkedHashSet<>();
        for (Binding b : r.rows()) {
            for (Provenance.Fact f : extractor.of(b)) {
                found.add(f);
                subjects.add(f.subject());
            }
        }
        record(query, parsed, p, r.rows().size(), found, sources(subjects), start);
        return r.rows();
    }

    private void record(String query, Query parsed, Pattern p, int rows, List<Provenance.Fact> found,
            List<String> sources, long start) {
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("query", query);
        ObjectNode bound = args.putObject("bindings");
        p.bindings.forEach((v, n) -> bound.put(v.getVarName(), n.isURI() ? n.getURI() : FmtUtils.stringForNode(n)));
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("row_count", rows);
        recorder.record(new GroundingStep(0, null, GraphFacts.SPARQL_TOOL, args, true, result, null,
                runnable(query, parsed, p.bindings),
                snapshot.version(), found.stream().limit(100).toList(), sources,
                Math.round((System.nanoTime() - start) / 10_000.0) / 100.0));
    }

    /**
     * The query as a reader re-runs it (the workbench's SPARQL editor, {@code sparql_query}): the executor binds
     * constants apart from the text it runs, but the step's {@code query} must stand alone, so they are substituted.
     */
    static String runnable(String query, Query parsed, Map<Var, Node> bindings) {
        // transform returns a new Query: the parsed one that just ran is not changed, and not parsed a second time
        return bindings.isEmpty() ? query : QueryTransformOps.transform(parsed, bindings).serialize();
    }

    private List<String> sources(Collection<String> subjects) {
        return facts.sourcesOf(subjects.stream().filter(s -> s != null && !s.startsWith("_:")).limit(20).toList());
    }

    private static Provenance.Fact fact(String subject, String property, Node value) {
        return new Provenance.Fact(subject, property, value.isURI() ? value.getURI() : FmtUtils.stringForNode(value));
    }

    private static Provenance.Fact typeFact(Node s, String classIri) {
        return new Provenance.Fact(s.isURI() ? s.getURI() : s.toString(),
                "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", classIri);
    }

    private static String lastProperty(Attribute a) {
        return a.steps().get(a.steps().size() - 1).property();
    }

    // ---- values and names

    private final Map<String, String> names = new HashMap<>();

    String name(String iri) {
        return names.computeIfAbsent(iri, i -> snapshot.labels().labelOf(i).orElseGet(() -> snapshot.profile().nameOf(i)));
    }

    private String text(Node n) {
        if (n == null) {
            return "";
        }
        return n.isURI() ? name(n.getURI()) : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString();
    }

    private Value value(Node n, int field) {
        BigDecimal number = null;
        if (n.isLiteral()) {
            String lex = n.getLiteralLexicalForm().strip();
            boolean textual = n.getLiteralDatatype() == null || n.getLiteralDatatypeURI().endsWith("#string");
            boolean numericType = n.getLiteralDatatype() instanceof XSDDatatype dt && dt.getJavaClass() != null
                    && Number.class.isAssignableFrom(dt.getJavaClass())
                    || n.getLiteralDatatypeURI().endsWith("decimal") || n.getLiteralDatatypeURI().endsWith("double")
                    || n.getLiteralDatatypeURI().endsWith("float") || n.getLiteralDatatypeURI().endsWith("nteger");
            if (numericType || textual && lex.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
                try {
                    number = new BigDecimal(lex);
                } catch (NumberFormatException e) {
                    number = null;
                }
            }
        }
        return new Value(n.isURI() ? n.getURI() : null, text(n), number, field);
    }
}
