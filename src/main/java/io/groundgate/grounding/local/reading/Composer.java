package io.groundgate.grounding.local.reading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.groundgate.grounding.local.compose.Numbers;
import io.groundgate.grounding.local.plan.Part;
import io.groundgate.grounding.local.reading.Finding.Row;
import io.groundgate.grounding.local.reading.Finding.Value;
import io.groundgate.grounding.local.reading.Reading.Attribute;
import io.groundgate.grounding.local.reading.Reading.Constraint;
import io.groundgate.kg.profile.ClassPath;

/**
 * Says what a reading found in plain English, from the reading's structure: yes/no answers start with Yes or No, lists
 * give their count and say when they are cut, numbers carry their unit written as people write it (km², g/cm³), and
 * computed numbers are rounded in the text (the exact value and its computation are in the grounding).
 */
public final class Composer {

    /** Items named in a list answer; the others are counted. */
    static final int SHOWN = 10;

    private final Function<String, String> names;
    private final Predicate<String> knownWord;
    private final Lexicon lexicon = Lexicon.english();

    /** @param names the name of a class or property (the graph profile's) */
    public Composer(Function<String, String> names) {
        this(names, w -> false);
    }

    /**
     * @param names the name of a class or property (the graph profile's)
     * @param knownWord whether a word (lower case) occurs in the graph's names: irregular plurals are taken from there
     */
    public Composer(Function<String, String> names, Predicate<String> knownWord) {
        this.names = names;
        this.knownWord = knownWord;
    }

    public Part compose(Finding f) {
        Reading r = f.reading();
        if (r instanceof Reading.InYear y) {
            Part inner = compose(ReadingPlanner.inner(f, y));
            return new Part(inner.text() + " The " + plural(y.attribute().name()) + " are those of " + y.year() + ".",
                    inner.sources(), inner.unresolved());
        }
        String text;
        if (r instanceof Reading.Lookup l) {
            text = lookup(l, f);
        } else if (r instanceof Reading.AtTime t) {
            boolean dated = when(f) != null && when(f).startsWith(t.year());
            text = dated ? lookup(t.lookup(), f) : "I could not find " + atTime(t) + " in the knowledge graph: "
                    + (when(f) == null ? "it does not say which year its value is for." : "it has a value for another year.");
        } else if (r instanceof Reading.Members m) {
            text = members(m, f);
        } else if (r instanceof Reading.Superlative s) {
            text = superlative(s, f);
        } else if (r instanceof Reading.Compare c) {
            text = compare(c, f);
        } else if (r instanceof Reading.Ask a) {
            text = ask(a, f);
        } else if (r instanceof Reading.Aggregate a) {
            text = aggregate(a, f);
        } else if (r instanceof Reading.Grouped g) {
            text = grouped(g, f);
        } else if (r instanceof Reading.Convert c) {
            text = Numbers.format(c.amount()) + " " + c.unit() + " is " + number(f.number()) + " " + c.target() + ".";
        } else if (r instanceof Reading.Several s) {
            text = several(s, f);
        } else if (r instanceof Reading.Combine c) {
            text = combine(c, f);
        } else if (r instanceof Reading.OfMembers o) {
            text = ofMembers(o, f);
        } else if (r instanceof Reading.Amount m) {
            text = amount(m, f);
        } else if (r instanceof Reading.Total t) {
            text = total(t, f);
        } else if (r instanceof Reading.Expression e) {
            text = e.expression() + " = " + Numbers.withUnit(number(f.number()), unit(e.unit())) + ".";
        } else {
            text = calculate((Reading.Calculate) r, f);
        }
        // an expression is said as written ("sqrt(910) = …"), never capitalised
        return new Part(r instanceof Reading.Expression ? text : capitalise(text), f.sources(), missing(f));
    }

    /** What a partial answer could not find: the values some of its entities or fields lack ("the X of B"). */
    static List<String> missing(Finding f) {
        List<String> out = new ArrayList<>();
        Reading r = f.reading();
        if (r instanceof Reading.AtTime t && (when(f) == null || !when(f).startsWith(t.year()))) {
            out.add(atTime(t));
        }
        if (r instanceof Reading.Several || r instanceof Reading.Compare || r instanceof Reading.OfMembers) {
            Attribute a = r instanceof Reading.Several s ? s.attribute()
                    : r instanceof Reading.OfMembers o ? o.attribute() : ((Reading.Compare) r).attribute();
            f.rows().stream().filter(row -> row.values().isEmpty())
                    .forEach(row -> out.add("the " + a.name() + " of " + row.name()));
        } else if (r instanceof Reading.Lookup l && l.fields().size() > 1) {
            for (int i = 0; i < l.fields().size(); i++) {
                int field = i;
                if (f.rows().get(0).values().stream().noneMatch(v -> v.field() == field)) {
                    out.add("the " + l.fields().get(i).name() + " of " + l.entity().name());
                }
            }
        }
        return out;
    }

    /** What to say when a reading found nothing in the graph. */
    public Part nothing(Reading reading) {
        String what;
        Reading.Lookup fact = reading instanceof Reading.Calculate c ? c.fact()
                : reading instanceof Reading.Amount m ? m.fact()
                : reading instanceof Reading.Lookup l ? l : null;
        if (fact != null) {
            what = "the " + fields(fact.fields()) + " of " + fact.entity().name();
        } else if (reading instanceof Reading.Compare c) {
            what = "the " + c.attribute().name() + " of both " + c.first().name() + " and " + c.second().name();
        } else if (reading instanceof Reading.Members m) {
            what = plural(m.className()) + constraints(m.constraints());
        } else if (reading instanceof Reading.Superlative s) {
            what = "any " + s.attribute().name() + " of " + plural(s.className()) + constraints(s.constraints());
        } else if (reading instanceof Reading.Aggregate a) {
            what = "any " + a.attribute().name() + " of " + plural(a.className()) + constraints(a.constraints());
        } else if (reading instanceof Reading.Grouped g) {
            what = plural(g.className()) + " per " + singular(g.groupName());
        } else if (reading instanceof Reading.AtTime t) {
            what = atTime(t);
        } else if (reading instanceof Reading.Combine c) {
            what = "the " + c.left().name() + " and the " + c.right().name() + " of " + c.entity().name();
        } else if (reading instanceof Reading.OfMembers o) {
            what = "the " + o.attribute().name() + " of any " + singular(o.members().className())
                    + constraintsOfOne(o.members().constraints());
        } else if (reading instanceof Reading.Several s) {
            what = "the " + s.attribute().name() + " of " + join(s.entities().stream().map(e -> e.name()).toList());
        } else if (reading instanceof Reading.Total t) {
            what = "the " + t.attribute().name() + " of each of " + join(t.entities().stream().map(e -> e.name()).toList());
        } else if (reading instanceof Reading.Ask a) {
            what = "what the question asks about " + a.subject().name();
        } else if (reading instanceof Reading.Expression e) {
            what = "a value for " + e.expression();
        } else if (reading instanceof Reading.InYear y) {
            what = "the " + y.attribute().name() + " of " + y.year() + " for each of them (the graph must date every "
                    + "value it compares with that year)";
        } else {
            Reading.Convert c = (Reading.Convert) reading;
            what = "how to convert " + c.unit() + " to " + c.target();
        }
        return Part.notFound(what);
    }

    private String lookup(Reading.Lookup l, Finding f) {
        List<Value> values = f.rows().get(0).values().stream().filter(v -> v.field() >= 0).toList();
        String when = f.rows().get(0).values().stream().filter(v -> v.field() < 0).map(v -> " (" + v.text() + ")")
                .findFirst().orElse("");
        String entity = l.entity().name();
        if (l.fields().size() == 1) {
            Attribute a = l.fields().get(0);
            List<String> said = values.stream().map(v -> withUnit(v, a)).distinct().toList();
            String all = list(said, said.size()) + when;
            if (l.inUnit() != null && f.number() != null) {
                String converted = Numbers.withUnit(number(f.number()), unit(l.inUnit()));
                return "The " + a.name() + " of " + entity + " is " + converted + (converted.equals(all) ? "" : " (" + all
                        + ")") + ".";
            }
            if (l.howMany() && said.size() == 1 && a.name().endsWith("s")) {
                return entity + " has " + all + " " + a.name() + ".";
            }
            if (a.steps().size() == 1 && !a.steps().get(0).inverse()) {
                String raw = words(a.steps().get(0).property());
                String[] w = raw.split(" ");
                if (lexicon.is(Lexicon.Op.PREPOSITION, w[w.length - 1])) {
                    return entity + (w[0].endsWith("ed") ? " is " : " ") + raw + " " + all + ".";
                }
                if (w.length == 1 && w[0].endsWith("ed")) {
                    return entity + " " + raw + (said.size() == 1 && said.get(0).matches("\\d{4}-\\d{2}-\\d{2}.*")
                            ? " on " : ": ") + all + ".";
                }
            }
            return "The " + a.name() + " of " + entity + (said.size() == 1 ? " is " : " are ") + all + ".";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < l.fields().size(); i++) {
            int field = i;
            Attribute a = l.fields().get(i);
            List<String> said = values.stream().filter(v -> v.field() == field).map(v -> withUnit(v, a)).distinct()
                    .toList();
            parts.add("the " + a.name() + " is " + (said.isEmpty() ? "not in the knowledge graph" : list(said, said.size())));
        }
        return "For " + entity + ", " + join(parts) + ".";
    }

    private String members(Reading.Members m, Finding f) {
        List<String> names = f.rows().stream().map(Row::name).toList();
        String what = f.total() == 1 ? singular(m.className()) + constraintsOfOne(m.constraints())
                : plural(m.className()) + constraints(m.constraints());
        if (m.count() && f.total() > 0 && m.constraints().size() == 1
                && m.constraints().get(0) instanceof Reading.LinksTo l && l.steps().size() == 1 && l.steps().get(0).inverse()
                && !l.negated()) {
            // the entity's own values counted: "India has 3 official languages: …"
            String name = bare(words(l.steps().get(0).property()));
            return l.entity().name() + " has " + f.total() + " " + (f.total() == 1 ? name : plural(name)) + ": "
                    + list(names, f.total()) + ".";
        }
        if (f.total() == 0) {
            return "There are no " + plural(m.className()) + constraints(m.constraints()) + ".";
        }
        if (m.count()) {
            return f.total() + " " + what + (names.isEmpty() ? "." : ": " + list(names, f.total()) + ".");
        }
        if (f.total() == 1) {
            return "The only " + singular(m.className()) + constraintsOfOne(m.constraints()) + " is " + names.get(0) + ".";
        }
        return f.total() + " " + what + ": " + list(names, f.total()) + ".";
    }

    private String superlative(Reading.Superlative s, Finding f) {
        String dir = s.high() ? "highest" : "lowest";
        if (f.rows().isEmpty()) {
            return "No " + singular(s.className()) + " has a known " + s.attribute().name() + ".";
        }
        if (s.k() == 1 && f.rows().size() == 1) {
            Row r = f.rows().get(0);
            return r.name() + " has the " + dir + " " + s.attribute().name() + " of the " + plural(s.className())
                    + constraints(s.constraints()) + ": " + withUnit(r.values().get(0), s.attribute()) + ".";
        }
        List<String> items = f.rows().stream().map(r -> r.name() + " (" + withUnit(r.values().get(0), s.attribute()) + ")")
                .toList();
        if (s.k() == 1) {
            return "Several " + plural(s.className()) + " share the " + dir + " " + s.attribute().name() + ": "
                    + list(items, items.size()) + ".";
        }
        return "The " + f.rows().size() + " " + plural(s.className()) + constraints(s.constraints()) + " with the " + dir
                + " " + s.attribute().name() + " are " + list(items, items.size()) + ".";
    }

    private String compare(Reading.Compare c, Finding f) {
        Row a = f.rows().get(0);
        Row b = f.rows().get(1);
        Attribute attr = c.attribute();
        if (a.values().isEmpty() || b.values().isEmpty()) {
            Row known = a.values().isEmpty() ? b : a;
            Row unknown = known == a ? b : a;
            return "The " + attr.name() + " of " + known.name() + " is " + withUnit(known.values().get(0), attr)
                    + ", but I could not find the " + attr.name() + " of " + unknown.name()
                    + " in the knowledge graph, so I cannot compare them.";
        }
        String va = withUnit(a.values().get(0), attr);
        String vb = withUnit(b.values().get(0), attr);
        if (c.difference() && f.number() != null) {
            int cmp = a.values().get(0).number().compareTo(b.values().get(0).number());
            String unit = unit(c.inUnit() != null ? c.inUnit() : attr.unit());
            String apart = Numbers.withUnit(number(f.number()), unit);
            if (cmp == 0) {
                return a.name() + " and " + b.name() + " have the same " + attr.name() + " (" + va + "): the difference is "
                        + apart + ".";
            }
            Row higher = cmp > 0 ? a : b;
            Row lower = higher == a ? b : a;
            return "The " + attr.name() + " of " + higher.name() + " is " + apart + " higher than that of " + lower.name()
                    + " (" + (higher == a ? va : vb) + " against " + (higher == a ? vb : va) + ").";
        }
        if (c.ratio() && f.number() != null) {
            return "The " + attr.name() + " of " + a.name() + " is " + number(f.number()) + " times that of " + b.name()
                    + " (" + va + " against " + vb + ").";
        }
        int cmp = a.values().get(0).number().compareTo(b.values().get(0).number());
        boolean high = c.high() == null || c.high();
        String word = high ? "higher" : "lower";
        if (cmp == 0) {
            return (c.yesNo() ? "No, " : "") + a.name() + " and " + b.name() + " have the same " + attr.name() + " ("
                    + va + ").";
        }
        Row winner = (cmp > 0) == high ? a : b;
        Row loser = winner == a ? b : a;
        String sentence = winner.name() + " has the " + word + " " + attr.name() + " (" + (winner == a ? va : vb)
                + ", against " + (winner == a ? vb : va) + " for " + loser.name() + ").";
        if (!c.yesNo()) {
            return sentence;
        }
        return (winner == a ? "Yes, " : "No, ") + sentence;
    }

    /** "The only country that borders X is Y; its capital is Z." or each member with its value. */
    private String ofMembers(Reading.OfMembers o, Finding f) {
        Attribute a = o.attribute();
        Reading.Members m = o.members();
        Function<Row, String> said = r -> r.values().isEmpty() ? "not in the knowledge graph"
                : list(r.values().stream().map(v -> withUnit(v, a)).distinct().toList(), r.values().size());
        if (f.total() == 1) {
            Row r = f.rows().get(0);
            return "The only " + singular(m.className()) + constraintsOfOne(m.constraints()) + " is " + r.name()
                    + "; its " + a.name() + (r.values().size() > 1 ? " are " : " is ") + said.apply(r) + ".";
        }
        List<String> items = f.rows().stream().map(r -> r.name() + " (" + a.name() + ": " + said.apply(r) + ")").toList();
        return f.total() + " " + plural(m.className()) + constraints(m.constraints()) + ": " + list(items, f.total())
                + ".";
    }

    /** "the population of X in 2015": what a dated question asks, said when the graph's value is not for that year. */
    private static String atTime(Reading.AtTime t) {
        return "the " + fields(t.lookup().fields()) + " of " + t.lookup().entity().name() + " in " + t.year();
    }

    /** The date the graph gives for the value (a value of field -1), or null. */
    private static String when(Finding f) {
        return f.rows().isEmpty() ? null : f.rows().get(0).values().stream().filter(v -> v.field() < 0)
                .map(Value::text).findFirst().orElse(null);
    }

    /** Each entity's value, or the one with the extreme value among them; the ones without a value said at the end. */
    private String several(Reading.Several s, Finding f) {
        Attribute a = s.attribute();
        List<Row> known = f.rows().stream().filter(r -> !r.values().isEmpty()).toList();
        List<String> missing = f.rows().stream().filter(r -> r.values().isEmpty()).map(Row::name).toList();
        String text;
        if (known.isEmpty()) {
            text = "";
        } else if (s.high() == null) {
            text = join(known.stream().map(r -> {
                List<String> said = r.values().stream().map(v -> withUnit(v, a)).distinct().toList();
                return "the " + a.name() + " of " + r.name() + (said.size() == 1 ? " is " : " are ")
                        + list(said, said.size());
            }).toList()) + ".";
        } else if (known.size() == 1) {
            text = "only " + known.get(0).name() + " has a known " + a.name() + " ("
                    + withUnit(known.get(0).values().get(0), a) + ").";
        } else {
            // as many as have a value: of three named with one unknown, the two known are "higher"/"lower", since the
            // unknown one might be the highest (it is said missing below)
            String dir = known.size() == 2 ? (s.high() ? "higher" : "lower") : s.high() ? "highest" : "lowest";
            BigDecimal top = known.get(0).values().get(0).number();
            List<Row> first = known.stream().filter(r -> r.values().get(0).number().compareTo(top) == 0).toList();
            List<String> others = known.subList(first.size(), known.size()).stream()
                    .map(r -> withUnit(r.values().get(0), a) + " for " + r.name()).toList();
            text = (first.size() == 1 ? first.get(0).name() + " has the " : join(first.stream().map(Row::name).toList())
                    + " share the ") + dir + " " + a.name() + " (" + withUnit(first.get(0).values().get(0), a)
                    + (others.isEmpty() ? "" : ", against " + join(others)) + ").";
        }
        if (!missing.isEmpty()) {
            text += (text.isEmpty() ? "" : " ") + "I could not find the " + a.name() + " of " + join(missing)
                    + " in the knowledge graph.";
        }
        return text;
    }

    private String ask(Reading.Ask a, Finding f) {
        boolean yes = Boolean.TRUE.equals(f.truth());
        String subject = a.subject().name();
        String claim;
        Constraint c = a.constraint();
        if (c instanceof Reading.LinksTo l) {
            String fact = statement(subject, l.steps(), l.entity().name());
            claim = yes ? fact : "the knowledge graph does not say that " + fact;
        } else if (c instanceof Reading.HasValue h) {
            claim = "true".equals(h.value()) ? flag(subject, f, yes)
                    : "the " + lastName(f, h) + " of " + subject + (yes ? " is " : " is not ") + h.value();
        } else {
            Reading.Compares k = (Reading.Compares) c;
            Value v = f.rows().get(0).values().stream().filter(x -> x.number() != null).findFirst().orElseThrow();
            claim = "the " + k.attribute().name() + " of " + subject + " is " + withUnit(v, k.attribute());
        }
        return (yes ? "Yes, " : "No, ") + claim + ".";
    }

    /** A yes/no property said as a verb phrase when its name is one ("is remote" → "X is not remote"). */
    private String flag(String subject, Finding f, boolean yes) {
        Reading.HasValue h = (Reading.HasValue) ((Reading.Ask) f.reading()).constraint();
        String name = h.property().isEmpty() ? "" : words(h.property());
        if (name.startsWith("is ") || name.startsWith("has ")) {
            int space = name.indexOf(' ');
            return subject + " " + name.substring(0, space) + (yes ? "" : " not") + name.substring(space);
        }
        return "the " + name + " of " + subject + " is " + (yes ? "true" : "false");
    }

    private String aggregate(Reading.Aggregate a, Finding f) {
        String fn = switch (a.function()) {
            case SUM -> "total";
            case AVG -> "average";
            case MIN -> "lowest";
            case MAX -> "highest";
        };
        String unit = a.attribute().unit();
        return "The " + fn + " " + a.attribute().name() + " of the " + f.total() + " " + plural(a.className())
                + constraints(a.constraints()) + " is " + Numbers.withUnit(number(f.number()), unit(unit)) + ".";
    }

    private String grouped(Reading.Grouped g, Finding f) {
        List<String> items = f.rows().stream().map(r -> r.name() + ": " + r.count()).toList();
        return plural(g.className()) + " per " + singular(g.groupName()) + ": " + list(items, f.total()) + ".";
    }

    /** "The population of X is 1,000 and its area is 10 km²; 1,000 ÷ 10 = 100." */
    private String combine(Reading.Combine c, Finding f) {
        Value a = f.rows().get(0).values().stream().filter(v -> v.field() == 0 && v.number() != null).findFirst()
                .orElseThrow();
        Value b = f.rows().get(0).values().stream().filter(v -> v.field() == 1 && v.number() != null).findFirst()
                .orElseThrow();
        return "The " + c.left().name() + " of " + c.entity().name() + " is " + withUnit(a, c.left()) + " and its "
                + c.right().name() + " is " + withUnit(b, c.right()) + "; " + Numbers.format(a.number()) + " "
                + symbol(c.operator()) + " " + Numbers.format(b.number()) + " = " + number(f.number()) + ".";
    }

    private static String symbol(String operator) {
        return switch (operator) {
            case "*" -> "×";
            case "/" -> "÷";
            case "-" -> "−";
            default -> "+";
        };
    }

    /** "The population of A is 10 and that of B is 5; 10 + 5 = 15." (an average: "(10 + 5) ÷ 2 = 7.5") */
    private String total(Reading.Total t, Finding f) {
        List<String> each = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (Finding.Row r : f.rows()) {
            Value v = r.values().get(0);
            each.add((each.isEmpty() ? "the " + t.attribute().name() + " of " : "that of ") + r.name() + " is "
                    + withUnit(v, t.attribute()));
            numbers.add(Numbers.format(v.number()));
        }
        String sum = String.join(" + ", numbers);
        String computed = t.function() == Reading.Function.AVG ? "(" + sum + ") ÷ " + numbers.size() : sum;
        return join(each) + "; " + computed + " = " + Numbers.withUnit(number(f.number()), unit(t.attribute().unit()))
                + ".";
    }

    /** "The density of X is 7.01 g/cm³; 1.5 L × 7.01 g/cm³ = 10.515 kg." */
    private String amount(Reading.Amount m, Finding f) {
        Attribute a = m.fact().fields().get(0);
        Value v = f.rows().get(0).values().stream().filter(x -> x.number() != null).findFirst().orElseThrow();
        return "The " + a.name() + " of " + m.fact().entity().name() + " is " + withUnit(v, a) + "; "
                + Numbers.withUnit(Numbers.format(m.amount()), unit(m.unit())) + " " + symbol(m.operator()) + " "
                + withUnit(v, a) + " = " + Numbers.withUnit(number(f.number()), unit(m.inUnit())) + ".";
    }

    private String calculate(Reading.Calculate c, Finding f) {
        Attribute a = c.fact().fields().get(0);
        Value v = f.rows().get(0).values().stream().filter(x -> x.number() != null).findFirst().orElseThrow();
        return "The " + a.name() + " of " + c.fact().entity().name() + " is " + withUnit(v, a) + "; "
                + Numbers.format(v.number()) + " " + symbol(c.operator()) + " " + Numbers.format(c.operand()) + " = " + number(f.number())
                + ".";
    }

    // ---- pieces

    /** The constraints said of one member: "that is the capital of X", "that works in Y". */
    private String constraintsOfOne(List<Constraint> constraints) {
        String plural = constraints(constraints);
        String one = plural.replace("that are ", "that is ").replace("that have ", "that has ")
                .replace("that do not ", "that does not ");
        // a verb given back its third-person -s: "that work in" → "that works in"
        Matcher m = Pattern.compile("that (\\p{L}+) ").matcher(one);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String verb = m.group(1);
            boolean keep = List.of("is", "has", "does").contains(verb);
            m.appendReplacement(out, "that " + (keep ? verb : verb.endsWith("y") ? verb.substring(0, verb.length() - 1)
                    + "ies" : verb + "s") + " ");
        }
        m.appendTail(out);
        return out.toString();
    }

    private String constraints(List<Constraint> constraints) {
        List<String> parts = new ArrayList<>();
        for (Constraint c : constraints) {
            if (c instanceof Reading.LinksTo l) {
                parts.add(relation(l.steps(), l.entity().name(), l.negated()));
            } else if (c instanceof Reading.HasValue h && "true".equals(h.value()) && words(h.property()).matches("(is|has) .+")) {
                String name = words(h.property());
                boolean is = name.startsWith("is ");
                parts.add("that " + (is ? "are " : h.negated() ? "do not have " : "have ") + (is && h.negated() ? "not " : "")
                        + bare(name));
            } else if (c instanceof Reading.HasValue h) {
                parts.add("whose " + bare(words(h.property())) + (h.negated() ? " is not " : " is ") + h.value());
            } else if (c instanceof Reading.Compares k) {
                String cmp = switch (k.comparison()) {
                    case GT -> "more than ";
                    case GE -> "at least ";
                    case LT -> "less than ";
                    case LE -> "at most ";
                    case BETWEEN -> "between ";
                    case EQ -> "";
                };
                parts.add("whose " + k.attribute().name() + " is " + (k.negated() ? "not " : "") + cmp
                        + Numbers.format(k.low()) + (k.high() != null ? " and " + Numbers.format(k.high()) : ""));
            }
        }
        return parts.isEmpty() ? "" : " " + join(parts);
    }

    /**
     * How members relate to an entity, from the relation's name: "supplied by X" (a name ending in a preposition),
     * "with manager X" ("has manager"), "whose country is X" (a noun), "that X is supplied by" (the other way round).
     */
    String relation(List<ClassPath.Step> steps, String entity, boolean negated) {
        if (steps.size() != 1) {
            List<String> via = steps.stream().map(s -> bare(words(s.property()))).toList();
            return (negated ? "not " : "") + "linked to " + entity + " through " + join(via);
        }
        String name = words(steps.get(0).property());
        String[] w = name.split(" ");
        boolean prepositional = lexicon.is(Lexicon.Op.PREPOSITION, w[w.length - 1]);
        if (steps.get(0).inverse()) {
            return prepositional ? "that " + entity + (negated ? " is not " : " is ") + name
                    : (negated ? "that are not the " : "that are the ") + bare(name) + " of " + entity;
        }
        if (prepositional && (w[0].endsWith("ed") || !w[0].endsWith("s"))) { // a participle: "supplied by", "built at"
            return (negated ? "not " : "") + name + " " + entity;
        }
        if (prepositional) {
            // a verb in the third person singular said of several members: "works in" → "that work in"
            String verb = w[0].endsWith("ies") ? w[0].substring(0, w[0].length() - 3) + "y"
                    : w[0].endsWith("s") && !w[0].endsWith("ss") ? w[0].substring(0, w[0].length() - 1) : w[0];
            return "that " + (negated ? "do not " : "") + verb + name.substring(w[0].length()) + " " + entity;
        }
        if (name.startsWith("has ")) {
            return (negated ? "without " : "with ") + bare(name) + " " + entity;
        }
        return "whose " + bare(name) + (negated ? " is not " : " is ") + entity;
    }

    /** "S works in E", "the manager of S is E", "E is supplied by S": a fact along a path, as a statement. */
    String statement(String subject, List<ClassPath.Step> steps, String entity) {
        if (steps.size() != 1) {
            return subject + " is linked to " + entity + " through "
                    + join(steps.stream().map(s -> bare(words(s.property()))).toList());
        }
        String name = words(steps.get(0).property());
        String[] w = name.split(" ");
        String from = steps.get(0).inverse() ? entity : subject;
        String to = steps.get(0).inverse() ? subject : entity;
        if (lexicon.is(Lexicon.Op.PREPOSITION, w[w.length - 1])) {
            return from + (w[0].endsWith("ed") ? " is " : " ") + name + " " + to;
        }
        return "the " + bare(name) + " of " + from + " is " + to;
    }

    /** A relation's name without a leading "has" or "is". */
    private static String bare(String name) {
        return name.replaceFirst("^(has|is) ", "");
    }

    private String words(String iri) {
        return common(names.apply(iri));
    }

    /**
     * A name of the schema as a common noun inside a sentence: capitalised words lower-cased ("Annual Salary" → annual
     * salary), acronyms and words with inner capitals kept ("GDP per capita", "ISO code", "eBay listing").
     */
    static String common(String name) {
        StringBuilder out = new StringBuilder();
        for (String w : name.split(" ")) {
            out.append(out.isEmpty() ? "" : " ").append(w.matches("\\p{Lu}\\p{Ll}*") ? w.toLowerCase(Locale.ROOT) : w);
        }
        return out.toString();
    }

    private String lastName(Finding f, Reading.HasValue h) {
        return words(h.property());
    }

    private static String fields(List<Attribute> fields) {
        return join(fields.stream().map(Attribute::name).toList());
    }

    static String withUnit(Value v, Attribute a) {
        if (v.number() == null) {
            return v.text();
        }
        return Numbers.withUnit(Numbers.format(v.number()), unit(a.unit()));
    }

    static String unit(String unit) {
        return Numbers.unit(unit);
    }

    private static String number(BigDecimal v) {
        if (v == null) {
            return "?";
        }
        BigDecimal stripped = v.stripTrailingZeros();
        return stripped.scale() > 4 ? "about " + Numbers.rounded(v) : Numbers.format(v);
    }

    /** Items joined with commas and "and"; when cut, how many there are in all. */
    static String list(List<String> items, long total) {
        List<String> shown = items.size() > SHOWN ? items.subList(0, SHOWN) : items;
        if (total > shown.size()) {
            return String.join(", ", shown) + " and " + (total - shown.size()) + " more";
        }
        return join(shown);
    }

    static String join(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** A class name as a common noun in the plural: "ChemicalElement" → "chemical elements". */
    /**
     * A class name in the plural, irregular where the graph's own names write it so: "staff member" → "staff members",
     * but "person" → "people" or "analysis" → "analyses" only when those words occur in the graph's names.
     */
    String plural(String className) {
        String s = singular(className);
        String last = s.substring(s.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        String stem = s.substring(0, s.length() - last.length());
        for (String[] rule : IRREGULAR) {
            if (last.endsWith(rule[0])) {
                String candidate = last.substring(0, last.length() - rule[0].length()) + rule[1];
                if (knownWord.test(candidate)) {
                    return stem + candidate;
                }
            }
        }
        return regularPlural(className);
    }

    /** English plural endings other than -s, tried against the graph's words: {ending, plural ending}. */
    private static final String[][] IRREGULAR = {{"person", "people"}, {"man", "men"}, {"child", "children"},
        {"foot", "feet"}, {"tooth", "teeth"}, {"mouse", "mice"}, {"fe", "ves"}, {"f", "ves"}, {"is", "es"},
        {"us", "i"}, {"um", "a"}, {"on", "a"}, {"ix", "ices"}, {"ex", "ices"}};

    /** A class name in the regular plural: "ChemicalElement" → "chemical elements". */
    static String regularPlural(String className) {
        String s = singular(className);
        if (s.endsWith("y") && s.length() > 1 && "aeiou".indexOf(s.charAt(s.length() - 2)) < 0) {
            return s.substring(0, s.length() - 1) + "ies";
        }
        if (s.endsWith("s") || s.endsWith("x") || s.endsWith("ch") || s.endsWith("sh")) {
            return s + "es";
        }
        return s + "s";
    }

    static String singular(String className) {
        return common(className);
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
