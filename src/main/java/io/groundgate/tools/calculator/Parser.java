package io.groundgate.tools.calculator;

import java.math.BigDecimal;

import java.util.ArrayList;
import java.util.List;

import io.groundgate.tools.calculator.Token.Kind;

/**
 * Recursive descent over the tokens. Grammar, loosest first:
 *
 * <pre>
 * expression := sum (('in' | 'to') unit)*
 * sum        := product (('+' | '-') product)*
 * product    := signed (('*' | '/' | 'x') signed)*
 * signed     := ('+' | '-') signed | quantity
 * quantity   := power unit?                                       5 km, 2^3 m, (2 + 3) kg
 * power      := postfix (('^' | '**') exponent)?                  right-associative
 * exponent   := ('+' | '-') exponent | power                      2^-1; no unit here
 * postfix    := primary ('!' | '%' | superscript)* ('%' 'of' signed)?     15% of 80; 2 * 15% of 80 = 24
 * primary    := number | constant | unit | function '(' args ')' | '(' expression ')'
 * unit       := unitPower (('*' | '/' | '·') (unitPower | '(' unitPower ('*' unitPower)* ')'))*
 * unitPower  := unitName (('^' | '**') '-'? integer | superscript)?
 * </pre>
 *
 * {@code in} right after a number is the inch when no unit follows it ({@code 12 in}, {@code 5 in in cm}); otherwise it
 * converts ({@code 5 km in m}). Write {@code inch} to be unambiguous.
 */
final class Parser {

    private final List<Token> tokens;
    private final int maxDepth;
    private int pos;
    private int depth;

    private Parser(List<Token> tokens, int maxDepth) {
        this.tokens = tokens;
        this.maxDepth = maxDepth;
    }

    static Node parse(List<Token> tokens, CalculatorLimits limits) {
        Parser p = new Parser(tokens, limits.maxDepth());
        Node root = p.expression();
        Token t = p.peek();
        if (!t.is(Kind.END)) {
            throw CalcException.parse(t.column(), p.unexpected(t));
        }
        return root;
    }

    private Node expression() {
        enter();
        Node e = sum();
        while (peek().isIdent("in") || peek().isIdent("to")) {
            Token keyword = next();
            if (!startsUnit(0, true)) {
                throw CalcException.parse(peek().column(), "expected a unit after '" + keyword.text() + "', found "
                        + peek().describe());
            }
            e = new Node.Convert(e, unit());
        }
        depth--;
        return e;
    }

    private Node sum() {
        Node e = product();
        while (peek().is(Kind.PLUS) || peek().is(Kind.MINUS)) {
            Token op = next();
            e = new Node.Binary(op.is(Kind.PLUS) ? '+' : '-', e, product(), op.column());
        }
        return e;
    }

    private Node product() {
        Node e = signed();
        while (true) {
            Token t = peek();
            if (t.is(Kind.STAR) || t.isIdent("x")) {
                next();
                e = new Node.Binary('*', e, signed(), t.column());
            } else if (t.is(Kind.SLASH)) {
                next();
                e = new Node.Binary('/', e, signed(), t.column());
            } else if (t.isIdent("of")) {
                throw CalcException.parse(t.column(), "'of' must follow a percentage, as in '15% of 80'");
            } else {
                return e;
            }
        }
    }

    private Node signed() {
        Token t = peek();
        if (t.is(Kind.PLUS) || t.is(Kind.MINUS)) {
            enter();
            next();
            Node operand = signed();
            depth--;
            return new Node.Negate(operand, t.is(Kind.MINUS));
        }
        return quantity();
    }

    private Node quantity() {
        Node e = power();
        Token t = peek();
        if (t.isIdent("in")) {
            // "12 in" is twelve inches unless a unit follows, which makes "in" the conversion
            Token after = peekAt(1);
            if (!startsUnit(1, true) || after.isIdent("in")) {
                return new Node.WithUnit(e, unit());
            }
            return e;
        }
        if (startsUnit(0, false)) {
            return new Node.WithUnit(e, unit());
        }
        return e;
    }

    private Node power() {
        Node base = postfix();
        if (peek().is(Kind.CARET)) {
            Token op = next();
            enter();
            Node exponent = exponent();
            depth--;
            return new Node.Power(base, exponent, op.column());
        }
        return base;
    }

    private Node exponent() {
        Token t = peek();
        if (t.is(Kind.PLUS) || t.is(Kind.MINUS)) {
            enter();
            next();
            Node operand = exponent();
            depth--;
            return new Node.Negate(operand, t.is(Kind.MINUS));
        }
        return power();
    }

    private Node postfix() {
        Node e = primary();
        while (true) {
            Token t = peek();
            if (t.is(Kind.BANG)) {
                next();
                e = new Node.Factorial(e, t.column());
            } else if (t.is(Kind.PERCENT)) {
                next();
                e = new Node.Percent(e);
                if (peek().isIdent("of")) {
                    Token of = next();
                    return new Node.PercentOf((Node.Percent) e, signed(), of.column());
                }
            } else if (t.is(Kind.SUPERSCRIPT)) {
                next();
                e = new Node.Power(e, new Node.Num(BigDecimal.valueOf(t.power())), t.column());
            } else {
                return e;
            }
        }
    }

    private Node primary() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                next();
                return new Node.Num(t.number());
            }
            case LPAREN -> {
                next();
                Node inner = expression();
                expect(Kind.RPAREN, "')' to close the '(' at column " + t.column());
                return inner;
            }
            case IDENT -> {
                return name(t);
            }
            default -> throw CalcException.parse(t.column(), "expected a number, a name or '(', found " + t.describe());
        }
    }

    private Node name(Token t) {
        String name = t.text();
        if (Functions.isFunction(name) && peekAt(1).is(Kind.LPAREN)) {
            next();
            return call(t);
        }
        if (Functions.isFunction(name) && Units.lookup(name) == null) {
            throw CalcException.parse(peekAt(1).column(), "expected '(' after the function " + name + ", found "
                    + peekAt(1).describe());
        }
        if (Eval.isConstant(name)) {
            next();
            return new Node.Constant(Eval.canonicalConstant(name));
        }
        if (startsUnit(0, true)) {
            return new Node.WithUnit(null, unit());
        }
        throw CalcException.parse(t.column(), "unknown name '" + name + "'; expected a number, a constant (pi, e), "
                + "a function such as sqrt(…) or a unit such as km");
    }

    private Node call(Token fn) {
        enter();
        Token open = next();
        List<Node> args = new ArrayList<>();
        if (!peek().is(Kind.RPAREN)) {
            args.add(expression());
            while (peek().is(Kind.COMMA)) {
                next();
                args.add(expression());
            }
        }
        expect(Kind.RPAREN, "',' or ')' to close the '(' of " + fn.text() + " at column " + open.column());
        depth--;
        Functions.checkArity(fn.text(), args.size(), fn.column());
        return new Node.Call(fn.text(), args, fn.column());
    }

    private Node.UnitExpr unit() {
        Token first = peek();
        CompoundUnit unit = unitPower();
        while (true) {
            Token op = peek();
            boolean divide = op.is(Kind.SLASH);
            if (!divide && !op.is(Kind.STAR)) {
                break;
            }
            Token after = peekAt(1);
            if (startsUnit(1, true)) {
                next();
                CompoundUnit factor = unitPower();
                unit = unit.times(divide ? factor.pow(-1) : factor);
            } else if (divide && after.is(Kind.LPAREN) && startsUnit(2, true)) {
                next();
                next();
                CompoundUnit group = unitPower();
                while (peek().is(Kind.STAR)) {
                    next();
                    if (!startsUnit(0, true)) {
                        throw CalcException.parse(peek().column(), "expected a unit, found " + peek().describe());
                    }
                    group = group.times(unitPower());
                }
                expect(Kind.RPAREN, "')' to close the unit group");
                unit = unit.times(group.pow(-1));
            } else {
                break;
            }
        }
        return new Node.UnitExpr(unit, first.column());
    }

    private CompoundUnit unitPower() {
        Token name = next();
        UnitDef def = Units.lookup(name.text());
        if (def == null) {
            throw CalcException.parse(name.column(), "unknown unit '" + name.text() + "'");
        }
        int exponent = 1;
        if (peek().is(Kind.CARET)) {
            next();
            boolean negative = false;
            if (peek().is(Kind.MINUS)) {
                next();
                negative = true;
            }
            Token n = next();
            if (!n.is(Kind.NUMBER) || !Decimals.isInteger(n.number()) || n.number().signum() == 0) {
                throw CalcException.parse(n.column(), "expected a whole-number unit exponent from 1 to "
                        + CompoundUnit.MAX_EXPONENT + " after '" + name.text() + "^', found " + n.describe());
            }
            // compared as a BigDecimal: intValue() would wrap 4294967298 around to 2
            if (n.number().compareTo(BigDecimal.valueOf(CompoundUnit.MAX_EXPONENT)) > 0) {
                throw CalcException.limit(n.column(), "the unit exponent " + n.text() + " after '" + name.text()
                        + "^' is out of range (unit exponents go from -" + CompoundUnit.MAX_EXPONENT + " to "
                        + CompoundUnit.MAX_EXPONENT + ")");
            }
            exponent = negative ? -n.number().intValueExact() : n.number().intValueExact();
        } else if (peek().is(Kind.SUPERSCRIPT)) {
            Token s = next();
            if (s.power() == 0) {
                throw CalcException.parse(s.column(), "a unit exponent must not be 0");
            }
            if (Math.abs(s.power()) > CompoundUnit.MAX_EXPONENT) {
                throw CalcException.limit(s.column(), "the unit exponent " + s.text() + " is out of range (unit exponents"
                        + " go from -" + CompoundUnit.MAX_EXPONENT + " to " + CompoundUnit.MAX_EXPONENT + ")");
            }
            exponent = s.power();
        }
        return CompoundUnit.of(def, exponent);
    }

    /**
     * Whether the token {@code ahead} places on begins a unit: a unit name not followed by '(' and, unless {@code allowKeywords}, not a word the
     * grammar uses otherwise (in, to, of, x).
     */
    private boolean startsUnit(int ahead, boolean allowKeywords) {
        Token t = peekAt(ahead);
        if (!t.is(Kind.IDENT) || Units.lookup(t.text()) == null) {
            return false;
        }
        if (!allowKeywords && t.isIdent("in")) {
            return false;
        }
        return !peekAt(ahead + 1).is(Kind.LPAREN);
    }

    private void expect(Kind kind, String what) {
        Token t = peek();
        if (!t.is(kind)) {
            throw CalcException.parse(t.column(), "expected " + what + ", found " + t.describe());
        }
        next();
    }

    private String unexpected(Token t) {
        if (t.is(Kind.RPAREN)) {
            return "unexpected ')' without a matching '('";
        }
        if (t.is(Kind.COMMA)) {
            return "unexpected ','; commas separate function arguments, or group thousands as 1,234,567 "
                    + "(exactly three digits after each comma)";
        }
        if (t.is(Kind.IDENT) && Units.lookup(t.text()) == null && !Functions.isFunction(t.text())
                && !Eval.isConstant(t.text())) {
            return "unknown unit or name '" + t.text() + "'";
        }
        return "expected an operator (+ - * / ^) or the end of the expression, found " + t.describe();
    }

    private void enter() {
        if (++depth > maxDepth) {
            throw CalcException.limit(peek().column(), "the expression nests deeper than " + maxDepth + " levels");
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (pos < tokens.size() - 1) {
            pos++;
        }
        return t;
    }
}
