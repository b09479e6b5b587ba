package io.groundgate.tools.calculator;

import java.math.BigDecimal;
import java.util.List;

/** The parsed expression: each node evaluates itself and prints its normalised form. */
interface Node {

    int CONVERT = 0;
    int ADD = 1;
    int MUL = 2;
    int UNARY = 3;
    int QUANTITY = 4;
    int POW = 5;
    int POSTFIX = 6;
    int ATOM = 7;

    Value eval(Eval ev);

    int precedence();

    void print(StringBuilder out);

    /** Prints {@code node}, in parentheses when it binds more loosely than {@code min}. */
    static void print(StringBuilder out, Node node, int min) {
        if (node.precedence() < min) {
            out.append('(');
            node.print(out);
            out.append(')');
        } else {
            node.print(out);
        }
    }

    /** A unit written in the expression, and where. */
    record UnitExpr(CompoundUnit unit, int column) {
    }

    record Num(BigDecimal value) implements Node {
        public Value eval(Eval ev) {
            return Value.plain(value, true);
        }

        public int precedence() {
            return ATOM;
        }

        public void print(StringBuilder out) {
            out.append(Decimals.format(value));
        }
    }

    record Constant(String name) implements Node {
        public Value eval(Eval ev) {
            return Value.plain(ev.constant(name), false);
        }

        public int precedence() {
            return ATOM;
        }

        public void print(StringBuilder out) {
            out.append(name);
        }
    }

    record Negate(Node operand, boolean minus) implements Node {
        public Value eval(Eval ev) {
            Value v = operand.eval(ev);
            return minus ? new Value(v.number().negate(), v.unit(), v.exact()) : v;
        }

        public int precedence() {
            return UNARY;
        }

        public void print(StringBuilder out) {
            out.append(minus ? '-' : '+');
            Node.print(out, operand, UNARY);
        }
    }

    /** {@code + - * /}. {@code a + p%} and {@code a - p%} mean a × (1 ± p/100) unless a is itself a percentage. */
    record Binary(char op, Node left, Node right, int column) implements Node {
        public Value eval(Eval ev) {
            ev.tick();
            if ((op == '+' || op == '-') && right instanceof Percent p && !(left instanceof Percent)) {
                Value base = left.eval(ev);
                Value rate = p.operand().eval(ev);
                ev.requirePlain(rate, "a percentage", column);
                BigDecimal factor = BigDecimal.ONE.add(op == '+' ? rate.number().movePointLeft(2)
                        : rate.number().movePointLeft(2).negate());
                return ev.multiply(base, Value.plain(factor, rate.exact()), column);
            }
            Value a = left.eval(ev);
            Value b = right.eval(ev);
            return switch (op) {
                case '+' -> ev.add(a, b, false, column);
                case '-' -> ev.add(a, b, true, column);
                case '*' -> ev.multiply(a, b, column);
                default -> ev.divide(a, b, column);
            };
        }

        public int precedence() {
            return op == '+' || op == '-' ? ADD : MUL;
        }

        public void print(StringBuilder out) {
            int p = precedence();
            Node.print(out, left, p);
            out.append(' ').append(op).append(' ');
            Node.print(out, right, p + 1);
        }
    }

    /** {@code p% of x} = p/100 × x. */
    record PercentOf(Percent percent, Node whole, int column) implements Node {
        public Value eval(Eval ev) {
            return ev.multiply(percent.eval(ev), whole.eval(ev), column);
        }

        public int precedence() {
            return UNARY;
        }

        public void print(StringBuilder out) {
            Node.print(out, percent, POSTFIX);
            out.append(" of ");
            Node.print(out, whole, UNARY);
        }
    }

    record Percent(Node operand) implements Node {
        public Value eval(Eval ev) {
            Value v = operand.eval(ev);
            return new Value(v.number().movePointLeft(2), v.unit(), v.exact());
        }

        public int precedence() {
            return POSTFIX;
        }

        public void print(StringBuilder out) {
            Node.print(out, operand, POSTFIX);
            out.append('%');
        }
    }

    record Factorial(Node operand, int column) implements Node {
        public Value eval(Eval ev) {
            return ev.factorial(operand.eval(ev), column);
        }

        public int precedence() {
            return POSTFIX;
        }

        public void print(StringBuilder out) {
            Node.print(out, operand, POSTFIX);
            out.append('!');
        }
    }

    record Power(Node base, Node exponent, int column) implements Node {
        public Value eval(Eval ev) {
            return ev.power(base.eval(ev), exponent.eval(ev), column);
        }

        public int precedence() {
            return POW;
        }

        public void print(StringBuilder out) {
            Node.print(out, base, POSTFIX);
            out.append('^');
            if (exponent instanceof Negate || exponent.precedence() >= POW) {
                exponent.print(out);
            } else {
                out.append('(');
                exponent.print(out);
                out.append(')');
            }
        }
    }

    /** A number with a unit ({@code 5 km}); a bare unit ({@code km in m}) when {@code operand} is null. */
    record WithUnit(Node operand, UnitExpr unit) implements Node {
        public Value eval(Eval ev) {
            if (operand == null) {
                return new Value(BigDecimal.ONE, unit.unit(), true);
            }
            Value v = operand.eval(ev);
            if (!v.plain()) {
                throw CalcException.units("At column " + unit.column() + ": " + v.describe()
                        + " already has a unit; write '*' to multiply by " + unit.unit().symbol());
            }
            return new Value(v.number(), unit.unit(), v.exact());
        }

        public int precedence() {
            return operand == null ? ATOM : QUANTITY;
        }

        public void print(StringBuilder out) {
            if (operand != null) {
                Node.print(out, operand, POW);
                out.append(' ');
            }
            out.append(unit.unit().symbol());
        }
    }

    record Convert(Node operand, UnitExpr target) implements Node {
        public Value eval(Eval ev) {
            return ev.convert(operand.eval(ev), target.unit(), target.column());
        }

        public int precedence() {
            return CONVERT;
        }

        public void print(StringBuilder out) {
            Node.print(out, operand, CONVERT);
            out.append(" in ").append(target.unit().symbol());
        }
    }

    record Call(String name, List<Node> args, int column) implements Node {
        public Value eval(Eval ev) {
            ev.tick();
            Value[] values = new Value[args.size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = args.get(k).eval(ev);
            }
            return Functions.apply(name, values, ev, column);
        }

        public int precedence() {
            return ATOM;
        }

        public void print(StringBuilder out) {
            out.append(name).append('(');
            for (int k = 0; k < args.size(); k++) {
                if (k > 0) {
                    out.append(", ");
                }
                args.get(k).print(out);
            }
            out.append(')');
        }
    }
}
