package io.uapiguard.header.pp;

import io.uapiguard.header.lex.HeaderLexer;
import io.uapiguard.model.Abi;
import java.util.List;

/**
 * Integer constant expressions (C11 6.6) over preprocessing tokens, with the x86-64 types: literals with
 * U/L/UL/ULL suffixes in decimal, hex and octal, character constants, unary - + ~ !, the binary operators
 * by C precedence, ?:, casts to the integer types of the {@link Abi} table, and identifiers through a resolver.
 * Arithmetic follows C: integer promotions, usual arithmetic conversions, unsigned wrap-around; signed overflow
 * (undefined in C) is an error; in {@code #if} every value is intmax_t or uintmax_t. Operands that are not
 * evaluated (the dead side of && || ?:) raise no errors.
 */
public final class ConstantEvaluator {

    /** Gives an identifier's value, or null when it is not a constant. */
    public interface Resolver {
        CValue resolve(PpToken identifier);

        /**
         * The value of {@code sizeof}, {@code _Alignof} or {@code __builtin_offsetof} ({@code operator}) of the
         * tokens between its parentheses, or null when this resolver knows no layout (in {@code #if}) or the
         * operand is not one it measures. Called only when the expression meets such an operator.
         */
        default CValue measure(PpToken operator, List<PpToken> operand) {
            return null;
        }
    }

    /** Why an expression has no value, and where. Cheap: no stack trace. */
    public static final class EvalException extends RuntimeException {
        public final transient PpToken at;

        public EvalException(String message, PpToken at) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    private record IntType(int width, boolean unsigned) {
    }

    private final Budget budget;
    private final Abi abi;
    private List<PpToken> tokens;
    private int pos;
    private Resolver resolver;
    private boolean preprocessor;
    private int unevaluated;
    private int depth;

    /** Cast target types ({@code __u32}, {@code unsigned long}) come from the ABI's base type table. */
    public ConstantEvaluator(Budget budget, Abi abi) {
        this.budget = budget;
        this.abi = abi;
    }

    /**
     * The value of the whole of {@code expression}.
     *
     * @param preprocessor evaluate as {@code #if} does (intmax_t / uintmax_t)
     * @throws EvalException when it has no integer value
     */
    public CValue evaluate(List<PpToken> expression, Resolver names, boolean preprocessor) {
        this.tokens = expression;
        this.pos = 0;
        this.resolver = names;
        this.preprocessor = preprocessor;
        this.unevaluated = 0;
        this.depth = 0;
        if (expression.isEmpty()) {
            throw new EvalException("expected an expression", null);
        }
        if (expression.size() == 1 && expression.get(0).getType() == HeaderLexer.NUMBER) {
            return pp(number(expression.get(0)));  // most enumerators and defines: no descent needed
        }
        CValue v = conditional();
        if (pos < tokens.size()) {
            throw new EvalException("unexpected '" + tokens.get(pos).getText() + "' in constant expression",
                    tokens.get(pos));
        }
        return v;
    }

    private PpToken peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private int peekType() {
        return pos < tokens.size() ? tokens.get(pos).getType() : -1;
    }

    private PpToken expect(int type, String what) {
        PpToken t = peek();
        if (t == null || t.getType() != type) {
            throw new EvalException("expected '" + what + "' in constant expression"
                    + (t == null ? " before its end" : ", found '" + t.getText() + "'"), t != null ? t : last());
        }
        pos++;
        return t;
    }

    private PpToken last() {
        return tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
    }

    private void enter() {
        budget.checkDepth(++depth, "constant expression", peek() != null ? peek() : last());
    }

    private CValue conditional() {
        enter();
        try {
            CValue c = logicalOr();
            if (peekType() != HeaderLexer.QUESTION) {
                return c;
            }
            pos++;
            boolean take = !c.isZero();
            CValue a = operand(take, this::conditional);
            expect(HeaderLexer.COLON, ":");
            CValue b = operand(!take, this::conditional);
            IntType t = common(a, b);
            return convert(take ? a : b, t);
        } finally {
            depth--;
        }
    }

    private CValue operand(boolean evaluated, java.util.function.Supplier<CValue> parse) {
        if (evaluated) {
            return parse.get();
        }
        unevaluated++;
        try {
            return parse.get();
        } finally {
            unevaluated--;
        }
    }

    private CValue logicalOr() {
        CValue v = logicalAnd();
        while (peekType() == HeaderLexer.OROR) {
            pos++;
            boolean known = !v.isZero();
            CValue r = operand(!known, this::logicalAnd);
            v = CValue.ofBool(known || !r.isZero());
            v = pp(v);
        }
        return v;
    }

    private CValue logicalAnd() {
        CValue v = bitOr();
        while (peekType() == HeaderLexer.ANDAND) {
            pos++;
            boolean known = v.isZero();
            CValue r = operand(!known, this::bitOr);
            v = pp(CValue.ofBool(!known && !r.isZero()));
        }
        return v;
    }

    private CValue bitOr() {
        CValue v = bitXor();
        while (peekType() == HeaderLexer.PIPE) {
            pos++;
            CValue r = bitXor();
            IntType t = common(v, r);
            v = CValue.of(v.bits() | r.bits(), t.width, t.unsigned);
        }
        return v;
    }

    private CValue bitXor() {
        CValue v = bitAnd();
        while (peekType() == HeaderLexer.CARET) {
            pos++;
            CValue r = bitAnd();
            IntType t = common(v, r);
            v = CValue.of(convert(v, t).bits() ^ convert(r, t).bits(), t.width, t.unsigned);
        }
        return v;
    }

    private CValue bitAnd() {
        CValue v = equality();
        while (peekType() == HeaderLexer.AMP) {
            pos++;
            CValue r = equality();
            IntType t = common(v, r);
            v = CValue.of(convert(v, t).bits() & convert(r, t).bits(), t.width, t.unsigned);
        }
        return v;
    }

    private CValue equality() {
        CValue v = relational();
        while (peekType() == HeaderLexer.EQ || peekType() == HeaderLexer.NE) {
            boolean eq = tokens.get(pos++).getType() == HeaderLexer.EQ;
            CValue r = relational();
            IntType t = common(v, r);
            boolean same = convert(v, t).bits() == convert(r, t).bits();
            v = pp(CValue.ofBool(eq == same));
        }
        return v;
    }

    private CValue relational() {
        CValue v = shift();
        while (true) {
            int op = peekType();
            if (op != HeaderLexer.LT && op != HeaderLexer.GT && op != HeaderLexer.LE && op != HeaderLexer.GE) {
                return v;
            }
            pos++;
            CValue r = shift();
            IntType t = common(v, r);
            long a = convert(v, t).bits();
            long b = convert(r, t).bits();
            int cmp = t.unsigned ? Long.compareUnsigned(a, b) : Long.compare(a, b);
            boolean result = switch (op) {
                case HeaderLexer.LT -> cmp < 0;
                case HeaderLexer.GT -> cmp > 0;
                case HeaderLexer.LE -> cmp <= 0;
                default -> cmp >= 0;
            };
            v = pp(CValue.ofBool(result));
        }
    }

    private CValue shift() {
        CValue v = additive();
        while (peekType() == HeaderLexer.SHL || peekType() == HeaderLexer.SHR) {
            PpToken op = tokens.get(pos++);
            CValue r = additive();
            IntType t = promoted(v);
            CValue left = convert(v, t);
            long count = r.bits();
            boolean countNegative = !r.unsigned() && count < 0;
            if (countNegative || Long.compareUnsigned(count, t.width) >= 0) {
                if (unevaluated > 0) {
                    v = CValue.of(0, t.width, t.unsigned);
                    continue;
                }
                throw new EvalException("shift count " + r.value() + " is out of range for a " + t.width
                        + "-bit operand", op);
            }
            int n = (int) count;
            long bits;
            if (op.getType() == HeaderLexer.SHL) {
                bits = left.bits() << n;
            } else {
                bits = t.unsigned ? left.bits() >>> n : left.bits() >> n;
            }
            v = CValue.of(bits, t.width, t.unsigned);
        }
        return v;
    }

    private CValue additive() {
        CValue v = multiplicative();
        while (peekType() == HeaderLexer.PLUS || peekType() == HeaderLexer.MINUS) {
            PpToken op = tokens.get(pos++);
            CValue r = multiplicative();
            IntType t = common(v, r);
            long a = convert(v, t).bits();
            long b = convert(r, t).bits();
            long bits = t.unsigned ? (op.getType() == HeaderLexer.PLUS ? a + b : a - b) : signed(t, a, op, b);
            v = CValue.of(bits, t.width, t.unsigned);
        }
        return v;
    }

    private CValue multiplicative() {
        CValue v = unary();
        while (peekType() == HeaderLexer.STAR || peekType() == HeaderLexer.SLASH
                || peekType() == HeaderLexer.PERCENT) {
            PpToken op = tokens.get(pos++);
            CValue r = unary();
            IntType t = common(v, r);
            long a = convert(v, t).bits();
            long b = convert(r, t).bits();
            long bits;
            if (op.getType() == HeaderLexer.STAR) {
                bits = t.unsigned ? a * b : signed(t, a, op, b);
            } else if (b == 0) {
                if (unevaluated == 0) {
                    throw new EvalException("division by zero in constant expression", op);
                }
                bits = 0;
            } else if (!t.unsigned) {
                bits = signed(t, a, op, b);
            } else if (op.getType() == HeaderLexer.SLASH) {
                bits = t.unsigned ? Long.divideUnsigned(a, b) : a / b;
            } else {
                bits = t.unsigned ? Long.remainderUnsigned(a, b) : a % b;
            }
            v = CValue.of(bits, t.width, t.unsigned);
        }
        return v;
    }

    private CValue unary() {
        enter();
        try {
            PpToken t = peek();
            if (t == null) {
                throw new EvalException("expected an operand before the end of the constant expression", last());
            }
            switch (t.getType()) {
                case HeaderLexer.MINUS -> {
                    pos++;
                    CValue v = unary();
                    IntType p = promoted(v);
                    long bits = convert(v, p).bits();
                    if (!p.unsigned && bits == (p.width == 64 ? Long.MIN_VALUE : Integer.MIN_VALUE)
                            && unevaluated == 0) {
                        throw new EvalException("signed overflow in constant expression: -(" + bits
                                + ") does not fit in " + typeName(p), t);
                    }
                    return CValue.of(-bits, p.width, p.unsigned);
                }
                case HeaderLexer.PLUS -> {
                    pos++;
                    CValue v = unary();
                    return convert(v, promoted(v));
                }
                case HeaderLexer.TILDE -> {
                    pos++;
                    CValue v = unary();
                    IntType p = promoted(v);
                    return CValue.of(~convert(v, p).bits(), p.width, p.unsigned);
                }
                case HeaderLexer.NOT -> {
                    pos++;
                    return pp(CValue.ofBool(unary().isZero()));
                }
                case HeaderLexer.EXTENSION -> {
                    pos++;   // GNU: marks an extension that -pedantic should not warn of; no value of its own
                    return unary();
                }
                case HeaderLexer.LPAREN -> {
                    IntType cast = castType();
                    if (cast != null) {
                        return CValue.of(unary().bits(), cast.width, cast.unsigned);
                    }
                    pos++;
                    CValue v = conditional();
                    expect(HeaderLexer.RPAREN, ")");
                    return v;
                }
                default -> {
                    return primary();
                }
            }
        } finally {
            depth--;
        }
    }

    /** If a cast to an integer type of the ABI table starts here, consumes it and returns its type. */
    private IntType castType() {
        StringBuilder name = new StringBuilder();
        for (int i = pos + 1; i < tokens.size(); i++) {
            PpToken t = tokens.get(i);
            switch (t.getType()) {
                case HeaderLexer.RPAREN -> {
                    if (name.isEmpty()) {
                        return null;
                    }
                    Abi.BaseType base = abi.lookup(name.toString()).orElse(null);
                    if (base == null || !base.isInteger() || base.size() > 8) {
                        return null;
                    }
                    pos = i + 1;
                    boolean unsigned = base.cDefinition().startsWith("unsigned") || base.cDefinition().equals("_Bool");
                    return new IntType(preprocessor ? 64 : base.size() * 8, unsigned);
                }
                case HeaderLexer.CONST, HeaderLexer.VOLATILE -> {
                }
                case HeaderLexer.SIGNED, HeaderLexer.UNSIGNED, HeaderLexer.CHAR, HeaderLexer.SHORT, HeaderLexer.INT,
                     HeaderLexer.LONG, HeaderLexer.BOOL, HeaderLexer.IDENTIFIER -> {
                    if (!name.isEmpty()) {
                        name.append(' ');
                    }
                    name.append(t.getText());
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    private CValue primary() {
        PpToken t = tokens.get(pos++);
        switch (t.getType()) {
            case HeaderLexer.NUMBER -> {
                return pp(number(t));
            }
            case HeaderLexer.CHAR_CONST -> {
                return pp(character(t));
            }
            case HeaderLexer.SIZEOF, HeaderLexer.ALIGNOF, HeaderLexer.OFFSETOF -> {
                return pp(measure(t));
            }
            default -> {
                if (t.getType() == HeaderLexer.IDENTIFIER) {
                    CValue v = resolver.resolve(t);
                    if (v == null) {
                        throw new EvalException("'" + t.getText() + "' is not an integer constant", t);
                    }
                    return pp(v);
                }
                throw new EvalException("unexpected '" + t.getText() + "' in constant expression", t);
            }
        }
    }

    /** {@code sizeof ( ... )} and its kin, the operator at {@code pos - 1}: measured by the resolver. */
    private CValue measure(PpToken operator) {
        if (peekType() != HeaderLexer.LPAREN) {
            throw new EvalException(operator.getText() + " without parentheses is not supported in constant expressions",
                    operator);
        }
        int open = pos;
        int depth = 0;
        int close = -1;
        for (int i = open; i < tokens.size() && close < 0; i++) {
            int type = tokens.get(i).getType();
            if (type == HeaderLexer.LPAREN) {
                depth++;
            } else if (type == HeaderLexer.RPAREN && --depth == 0) {
                close = i;
            }
        }
        if (close < 0) {
            throw new EvalException("expected ')' after the operand of " + operator.getText(), operator);
        }
        pos = close + 1;
        CValue v = resolver.measure(operator, tokens.subList(open + 1, close));
        if (v == null) {
            throw new EvalException(operator.getText() + " is not supported in constant expressions", operator);
        }
        return v;
    }

    /**
     * {@code a op b} (+ - * / %, b not 0) in signed type {@code t}, whose operands are already of that type. C leaves
     * signed overflow undefined (C11 6.5p5, and 6.5.5p6 for the quotient of the minimum by -1): evaluated, it is an
     * error rather than a silent wrap; on the dead side of && || ?: it wraps, as that value is never used.
     */
    private long signed(IntType t, long a, PpToken op, long b) {
        long exact;
        boolean overflow;
        switch (op.getType()) {
            case HeaderLexer.PLUS -> {
                exact = a + b;
                overflow = ((a ^ exact) & (b ^ exact)) < 0;
            }
            case HeaderLexer.MINUS -> {
                exact = a - b;
                overflow = ((a ^ b) & (a ^ exact)) < 0;
            }
            case HeaderLexer.STAR -> {
                exact = a * b;
                overflow = Math.multiplyHigh(a, b) != (exact >> 63);
            }
            default -> {
                overflow = a == (t.width == 64 ? Long.MIN_VALUE : Integer.MIN_VALUE) && b == -1;
                exact = overflow ? a : op.getType() == HeaderLexer.SLASH ? a / b : a % b;
            }
        }
        // A 32-bit operation cannot overflow 64 bits; its result must still fit in int.
        overflow |= t.width == 32 && exact != (int) exact;
        if (overflow && unevaluated == 0) {
            throw new EvalException("signed overflow in constant expression: " + a + " " + op.getText() + " " + b
                    + " does not fit in " + typeName(t), op);
        }
        return exact;
    }

    private String typeName(IntType t) {
        return preprocessor ? "intmax_t" : t.width == 64 ? "long" : "int";
    }

    /** In {@code #if} every integer is intmax_t or uintmax_t (C11 6.10.1p4). */
    private CValue pp(CValue v) {
        if (!preprocessor || v.width() == 64) {
            return v;
        }
        return CValue.of(v.bits(), 64, v.unsigned());
    }

    private static IntType promoted(CValue v) {
        if (v.width() < 32) {
            return new IntType(32, false);
        }
        return new IntType(v.width(), v.unsigned());
    }

    /** The usual arithmetic conversions for two integer operands on x86-64 (int 32 bits, long 64). */
    private static IntType common(CValue a, CValue b) {
        IntType x = promoted(a);
        IntType y = promoted(b);
        if ((x.width == 64 && x.unsigned) || (y.width == 64 && y.unsigned)) {
            return new IntType(64, true);
        }
        if (x.width == 64 || y.width == 64) {
            return new IntType(64, false);
        }
        return new IntType(32, x.unsigned || y.unsigned);
    }

    private static CValue convert(CValue v, IntType t) {
        if (v.width() == t.width && v.unsigned() == t.unsigned) {
            return v;
        }
        return CValue.of(v.bits(), t.width, t.unsigned);
    }

    /** An integer constant (C11 6.4.4.1) with the type its suffix and size give it. */
    static CValue number(PpToken t) {
        String s = t.getText();
        int end = s.length();
        boolean u = false;
        int l = 0;
        while (end > 0) {
            char c = s.charAt(end - 1);
            if ((c == 'u' || c == 'U') && !u) {
                u = true;
            } else if (c == 'l' || c == 'L') {
                l++;
            } else {
                break;
            }
            end--;
        }
        if (l > 2) {
            throw new EvalException("invalid suffix on integer constant '" + s + "'", t);
        }
        int radix = 10;
        int start = 0;
        if (end > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            radix = 16;
            start = 2;
        } else if (end > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'b' || s.charAt(1) == 'B')) {
            radix = 2;
            start = 2;
        } else if (end > 1 && s.charAt(0) == '0') {
            radix = 8;
            start = 1;
        }
        if (start >= end) {
            throw new EvalException("invalid integer constant '" + s + "'", t);
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            int d = Character.digit(s.charAt(i), radix);
            if (d < 0) {
                throw new EvalException("invalid integer constant '" + s + "'", t);
            }
            long next = value * radix + d;
            if (Long.compareUnsigned(value, Long.divideUnsigned(-1L, radix)) > 0
                    || Long.compareUnsigned(next, value * radix) < 0) {
                throw new EvalException("integer constant '" + s + "' is too large", t);
            }
            value = next;
        }
        boolean decimal = radix == 10;
        if (u) {
            if (l == 0 && (value & 0xFFFF_FFFF_0000_0000L) == 0) {
                return CValue.of(value, 32, true);
            }
            return CValue.of(value, 64, true);
        }
        if (l == 0 && value >= 0 && value <= Integer.MAX_VALUE) {
            return CValue.of(value, 32, false);
        }
        if (l == 0 && !decimal && (value & 0xFFFF_FFFF_0000_0000L) == 0) {
            return CValue.of(value, 32, true);
        }
        if (value >= 0) {
            return CValue.of(value, 64, false);
        }
        // Too large for long: unsigned long for hex and octal; GCC makes a decimal one unsigned too.
        return CValue.of(value, 64, true);
    }

    /** A character constant: its value as an int, chars being signed on x86-64. */
    private static CValue character(PpToken t) {
        String s = t.getText();
        int open = s.indexOf('\'');
        String body = s.substring(open + 1, s.length() - 1);
        long value;
        if (body.length() == 1) {
            value = (byte) body.charAt(0);
        } else if (body.charAt(0) == '\\' && body.length() >= 2) {
            char e = body.charAt(1);
            value = switch (e) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case '0', '1', '2', '3', '4', '5', '6', '7' -> parseEscape(body.substring(1), 8, t);
                case 'x' -> parseEscape(body.substring(2), 16, t);
                case 'a' -> 7;
                case 'b' -> 8;
                case 'f' -> 12;
                case 'v' -> 11;
                case '\\', '\'', '"', '?' -> e;
                default -> throw new EvalException("unknown escape sequence in " + s, t);
            };
            value = (byte) value;
        } else {
            throw new EvalException("multi-character constant " + s + " is not supported", t);
        }
        return CValue.of(value, 32, false);
    }

    private static long parseEscape(String digits, int radix, PpToken t) {
        try {
            return Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            throw new EvalException("invalid escape sequence in " + t.getText(), t);
        }
    }
}
