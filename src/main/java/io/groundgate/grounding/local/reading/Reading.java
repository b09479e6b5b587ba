package io.groundgate.grounding.local.reading;

import java.math.BigDecimal;
import java.util.List;

import io.groundgate.grounding.local.reading.Linked.Candidate;
import io.groundgate.kg.profile.ClassPath.Step;

/**
 * One way to read a question, built from the graph's actual paths: what to ask the graph (or the calculator) and how
 * to say the answer. Every reading is a record of terms of the graph, never of words of the question.
 */
public sealed interface Reading permits Reading.Lookup, Reading.Members, Reading.Superlative, Reading.Compare,
        Reading.Ask, Reading.Aggregate, Reading.Grouped, Reading.Convert, Reading.Calculate, Reading.Several,
        Reading.OfMembers, Reading.Combine, Reading.AtTime, Reading.Expression,
        Reading.InYear, Reading.Amount, Reading.Total {

    /**
     * A value reached from a subject by following properties: one property, a value node's number
     * ({@code price/amount}), or a short path ({@code suppliedBy/country}).
     *
     * @param steps the properties to follow
     * @param name how to say it ("annual salary", "country of the supplier")
     * @param unit its unit, or null
     * @param numeric whether its values are numbers (typed or as strings)
     */
    record Attribute(List<Step> steps, String name, String unit, boolean numeric) {
        public Attribute {
            steps = List.copyOf(steps);
        }

        public int hops() {
            return steps.size();
        }
    }

    /** What the members of a class must satisfy. */
    sealed interface Constraint permits LinksTo, HasValue, Compares {
        /** Whether the constraint is negated ("without", "not"). */
        boolean negated();
    }

    /** The member reaches an entity by a path. */
    record LinksTo(List<Step> steps, Candidate entity, boolean negated) implements Constraint {
        public LinksTo {
            steps = List.copyOf(steps);
        }
    }

    /** The member reaches a categorical value by a path (compared as text). */
    record HasValue(List<Step> steps, String value, String property, boolean negated) implements Constraint {
        public HasValue {
            steps = List.copyOf(steps);
        }
    }

    /** How a number is compared; EQ when the number names the value ("group 15"). */
    enum Comparison {
        GT, GE, LT, LE, BETWEEN, EQ
    }

    /** The member's number compares with given numbers ({@code high} only for BETWEEN). */
    record Compares(Attribute attribute, Comparison comparison, BigDecimal low, BigDecimal high, boolean negated)
            implements Constraint {
    }

    /**
     * Values of one entity: "the annual salary of Karen Brant", several fields at once, or a reverse lookup;
     * {@code howMany} when the question asks it as a count ("how many platforms does X have"); {@code inUnit} the unit
     * the number is asked in ("in degrees Celsius"), or null.
     */
    record Lookup(Candidate entity, List<Attribute> fields, boolean howMany, String inUnit) implements Reading {
        public Lookup {
            fields = List.copyOf(fields);
        }
    }

    /** The members of a class that satisfy the constraints: listed, or counted. */
    record Members(String classIri, String className, List<Constraint> constraints, boolean count) implements Reading {
        public Members {
            constraints = List.copyOf(constraints);
        }
    }

    /** The members with the highest or lowest value ({@code k} of them). */
    record Superlative(String classIri, String className, List<Constraint> constraints, Attribute attribute,
            boolean high, int k) implements Reading {
        public Superlative {
            constraints = List.copyOf(constraints);
        }
    }

    /**
     * Two entities side by side on one number; {@code high} says which way the question asks (null: just both);
     * {@code operator} "/" when it asks how many times one is the other, "-" when it asks how far apart they are, else
     * null; {@code inUnit} the unit a difference is asked in ("in kelvin"), or null.
     */
    record Compare(Candidate first, Candidate second, Attribute attribute, Boolean high, boolean yesNo, String operator,
            String inUnit) implements Reading {

        public Compare(Candidate first, Candidate second, Attribute attribute, Boolean high, boolean yesNo,
                boolean ratio) {
            this(first, second, attribute, high, yesNo, ratio ? RATIO : null, null);
        }

        /** The operators of a comparison that computes. */
        public static final String RATIO = "/";
        public static final String DIFFERENCE = "-";

        public boolean ratio() {
            return RATIO.equals(operator);
        }

        public boolean difference() {
            return DIFFERENCE.equals(operator);
        }
    }

    /** A yes/no question: does the entity satisfy the constraint? */
    record Ask(Candidate subject, Constraint constraint) implements Reading {
    }

    /** Sum, average, least or greatest of a number over the members. */
    record Aggregate(String classIri, String className, List<Constraint> constraints, Attribute attribute,
            Function function) implements Reading {
        public Aggregate {
            constraints = List.copyOf(constraints);
        }
    }

    /** The aggregate functions. */
    enum Function {
        SUM, AVG, MIN, MAX
    }

    /** How many members per group ("per", "for each"). */
    record Grouped(String classIri, String className, List<Constraint> constraints, List<Step> group,
            String groupName) implements Reading {
        public Grouped {
            constraints = List.copyOf(constraints);
            group = List.copyOf(group);
        }
    }

    /** An amount in another unit ("How many seconds are in 3.5 hours?"). */
    record Convert(BigDecimal amount, String unit, String target) implements Reading {
    }

    /**
     * Arithmetic written in the question itself, with no fact of the graph ("15% of 6198", "2.5 to the power of 8"):
     * the calculator's expression, read by the calculator in full, and the unit of its result if the expression itself
     * has none (a percentage change), or null.
     */
    record Expression(String expression, String unit) implements Reading {
    }

    /** A fact, then arithmetic with a number ("the price of X times 12"). */
    record Calculate(Lookup fact, String operator, BigDecimal operand) implements Reading {
    }

    /**
     * One attribute of several named entities: each of them said ("the price of A and of B"), or, with {@code high},
     * the one with the highest or lowest value among them ("which of A, B and C is the heaviest"). An entity without
     * the value is said to be missing, never dropped.
     *
     * @param high true or false to choose the highest or lowest; null to say each
     */
    record Several(List<Candidate> entities, Attribute attribute, Boolean high) implements Reading {
        public Several {
            entities = List.copyOf(entities);
        }
    }

    /**
     * The sum or average of one number over several named entities ("the combined population of A and B"): answered
     * only when every one of them has the number, never from some of them.
     */
    record Total(List<Candidate> entities, Attribute attribute, Function function) implements Reading {
        public Total {
            entities = List.copyOf(entities);
        }
    }

    /**
     * An attribute of the members a question describes instead of naming them, one hop further ("the capital of the
     * country bordering Brunei"): the only member's value, or each member's when there are several.
     */
    record OfMembers(Members members, Attribute attribute) implements Reading {
    }

    /**
     * An amount written with its unit, combined with one number of an entity whose unit makes the result a named kind
     * of quantity ("the mass of 1.5 litres of X": 1.5 L × its density is a mass; "the volume of 33 kg of X": 33 kg ÷
     * its density is a volume). The graph's units decide which number fits, not the question's words.
     *
     * @param fact the entity's number
     * @param amount the amount written in the question
     * @param unit its unit (calculator syntax)
     * @param operator "*" or "/"
     * @param inUnit the unit the result is asked in, or null for the calculator's own
     */
    record Amount(Lookup fact, BigDecimal amount, String unit, String operator, String inUnit) implements Reading {
    }

    /** Two numbers of one entity combined by arithmetic ("the population of X divided by its area"). */
    record Combine(Candidate entity, Attribute left, String operator, Attribute right) implements Reading {
    }

    /**
     * A value asked for a given year ("the population of X in 2015"): answered only when the graph dates the value
     * (a sibling property named with a word of time, "population year") and the date is that year.
     */
    record AtTime(Lookup lookup, String year) implements Reading {
    }

    /**
     * Another reading whose values are asked for a given year ("which neighbour of X had the most people in 2015",
     * "was A's population larger than B's in 2015"): answered only when the graph dates every value the reading
     * compares or says (see {@link AtTime}) with that year; otherwise it says it could not find them for that year.
     *
     * @param reading a comparison, a choice among named entities, a superlative, or a value of described members
     * @param attribute the attribute whose values must be of that year (one property)
     */
    record InYear(Reading reading, Attribute attribute, String year) implements Reading {
    }
}
