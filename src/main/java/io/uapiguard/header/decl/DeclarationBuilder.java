package io.uapiguard.header.decl;

import io.uapiguard.UapiguardException;
import io.uapiguard.header.lex.DeclarationParser;
import io.uapiguard.header.lex.DeclarationParserBaseVisitor;
import io.uapiguard.header.lex.HeaderLexer;
import io.uapiguard.header.pp.Budget;
import io.uapiguard.header.pp.CValue;
import io.uapiguard.header.pp.ConstantEvaluator;
import io.uapiguard.header.pp.PpToken;
import io.uapiguard.header.pp.TokenArrayStream;
import io.uapiguard.header.pp.TokenText;
import io.uapiguard.model.Abi;
import io.uapiguard.model.EnumConstant;
import io.uapiguard.model.EnumDecl;
import io.uapiguard.model.Field;
import io.uapiguard.model.Gap;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Walks the declaration parse tree and builds what the model needs: every enum with evaluated values, every
 * struct and union as a {@link RecordDecl} (array lengths, bitfield widths and {@code aligned(N)} evaluated),
 * the typedefs, and the complete definitions by "struct tag" / "union tag". Prototypes and variables are ignored.
 * Lines: an enumerator's is where its name was written (inside the mapper macro for the helper ids); members and
 * records take the line in the file where they appear, the macro invocation's line for one made by a macro.
 */
public final class DeclarationBuilder extends DeclarationParserBaseVisitor<Void> {

    /**
     * What the header declares. {@code records} lists the header's complete tagged records and the anonymous ones a
     * typedef names, in the order they are defined; {@code typedefNames} gives the latter their (first) typedef name;
     * {@code enumeratorValues} gives the enumerators as constants of expressions (other names have no value).
     */
    public record Declarations(List<EnumDecl> enums, List<RecordDecl> records, Map<String, RecordDecl> recordsByTag,
                        Map<String, CType> typedefs, ConstantEvaluator.Resolver enumeratorValues,
                        Map<RecordDecl, String> typedefNames) {

        /** The name an anonymous record of {@link #records} has from its typedef; null for a tagged one. */
        public String typedefName(RecordDecl record) {
            return typedefNames.get(record);
        }
    }

    private record Specifiers(CType type, String qualifiers, boolean typedef, int alignedAttr) {
    }

    private record Declared(String name, PpToken nameToken, CType type, int alignedAttr) {
    }

    private record Attributes(boolean packed, int aligned) {
    }

    private final String file;
    private final Abi abi;
    /** The tokens the tree being read spans: the header's, or a sizeof operand's while it is read. */
    private List<PpToken> tokens;
    /** Made at the first sizeof, _Alignof or __builtin_offsetof: most headers have none. */
    private StructLayout layout;
    private final Budget budget;
    /** Not reentrant: a measured operand's own expressions get a fresh one while it is read. */
    private ConstantEvaluator evaluator;
    private final List<EnumDecl> enums = new ArrayList<>();
    private final List<RecordDecl> records = new ArrayList<>();
    private final Map<String, RecordDecl> recordsByTag = new LinkedHashMap<>();
    private final Map<String, CType> typedefs = new LinkedHashMap<>();
    /** By identity: two anonymous records may be equal in every component and still be two types. */
    private final Map<RecordDecl, String> typedefNames = new IdentityHashMap<>();
    private final Map<String, BigInteger> enumerators = new HashMap<>(4096);
    private final List<Gap> gaps = new ArrayList<>();
    /** The record whose members are being read, for gaps: {@code struct tag} or {@code struct <anonymous>}. */
    private String currentRecord = "";
    /** {@code #pragma pack}: the members' maximum alignment in bytes now (0: none), and the pushed ones. */
    private int pack;
    private final ArrayDeque<Integer> packStack = new ArrayDeque<>();
    /**
     * Made once: a method reference in place would be a new object and an indy call per expression. Enumerators
     * have their values; sizeof, _Alignof and __builtin_offsetof are measured on the records and typedefs known.
     */
    private final ConstantEvaluator.Resolver enumeratorValues = new ConstantEvaluator.Resolver() {
        @Override
        public CValue resolve(PpToken name) {
            BigInteger v = enumerators.get(name.getText());
            return v == null ? null : CValue.ofMathematical(v);
        }

        @Override
        public CValue measure(PpToken operator, List<PpToken> operand) {
            ConstantEvaluator outer = evaluator;
            evaluator = new ConstantEvaluator(budget, abi);
            try {
                return DeclarationBuilder.this.measure(operator, operand);
            } finally {
                evaluator = outer;
            }
        }
    };

    public DeclarationBuilder(String file, Budget budget, Abi abi, List<PpToken> tokens) {
        this.file = file;
        this.abi = abi;
        this.budget = budget;
        this.tokens = tokens;
        this.evaluator = new ConstantEvaluator(budget, abi);
    }

    /**
     * What {@link #build} could not model: member declarations that declare nothing (a type alone, as
     * {@code tc_gen;} reads where the macro {@code tc_gen} of another header is not defined).
     */
    public List<Gap> gaps() {
        return gaps;
    }

    public Declarations build(DeclarationParser.TranslationUnitContext tree) {
        tree.accept(this);
        return new Declarations(enums, records, recordsByTag, typedefs, enumeratorValues, typedefNames);
    }

    @Override
    public Void visitDeclaration(DeclarationParser.DeclarationContext ctx) {
        Specifiers spec = specifiers(ctx.declarationSpecifiers());
        if (ctx.declaratorList() == null) {
            return null;
        }
        List<DeclarationParser.InitDeclaratorContext> declarators = ctx.declaratorList().initDeclarator();
        if (ctx.body != null) {
            DeclarationParser.InitDeclaratorContext d = declarators.get(0);
            if (declarators.size() != 1 || d.initializer() != null || spec.typedef()
                    || !(d.declarator().direct instanceof DeclarationParser.FunctionDeclaratorContext)) {
                throw error("a function body must follow exactly one function declarator",
                        (PpToken) ctx.body.getStart());
            }
            declare(spec.type(), spec.qualifiers(), d.declarator());   // checked as any declarator; the body is not modelled
            return null;
        }
        if (spec.typedef()) {
            for (DeclarationParser.InitDeclaratorContext d : declarators) {
                if (d.initializer() != null) {
                    throw error("typedef '" + d.declarator().getStart().getText() + "' is initialised",
                            (PpToken) d.initializer().getStart());
                }
                Declared declared = declare(spec.type(), spec.qualifiers(), d.declarator());
                typedefs.put(declared.name(), declared.type());
                nameAnonymousRecord(declared);
            }
        }
        return null;
    }

    /**
     * {@code typedef struct { ... } name;} in the header's text: the record is listed under the typedef's name, as
     * gcc's DWARF names it (the first typedef of it does).
     */
    private void nameAnonymousRecord(Declared declared) {
        if (declared.type() instanceof CType.Record r && r.decl().tag() == null && r.decl().members() != null
                && declared.nameToken().inHeader() && !typedefNames.containsKey(r.decl())) {
            typedefNames.put(r.decl(), declared.name());
            records.add(r.decl());
        }
    }

    @Override
    public Void visitPragmaDeclaration(DeclarationParser.PragmaDeclarationContext ctx) {
        pragmaPack(ctx.packPragma());
        return null;
    }

    /**
     * {@code #pragma pack} as gcc reads it: {@code (n)} sets the members' maximum alignment, {@code ()} resets it,
     * {@code (push)} / {@code (push, n)} save it (and set n), {@code (pop)} restores the last saved one.
     */
    private void pragmaPack(DeclarationParser.PackPragmaContext ctx) {
        List<PpToken> args = span(ctx.balanced());
        PpToken at = (PpToken) ctx.getStart();
        List<List<PpToken>> parts = new ArrayList<>();
        List<PpToken> part = new ArrayList<>();
        for (PpToken t : args) {
            if (t.getType() == DeclarationParser.COMMA) {
                parts.add(part);
                part = new ArrayList<>();
            } else {
                part.add(t);
            }
        }
        parts.add(part);
        String first = parts.get(0).size() == 1 ? parts.get(0).get(0).getText() : "";
        if (first.equals("push")) {
            packStack.push(pack);
            if (parts.size() > 1) {
                pack = packValue(parts.get(parts.size() - 1), at);
            }
        } else if (first.equals("pop")) {
            pack = packStack.isEmpty() ? 0 : packStack.pop();
        } else if (args.isEmpty()) {
            pack = 0;
        } else if (parts.size() == 1) {
            pack = packValue(parts.get(0), at);
        } else {
            throw error("malformed '#pragma pack': expected (n), (), (push[, n]) or (pop)", at);
        }
    }

    private int packValue(List<PpToken> expr, PpToken at) {
        if (expr.size() == 1 && expr.get(0).getType() == DeclarationParser.IDENTIFIER) {
            return pack;   // a label of '#pragma pack(push, label)': the value stays
        }
        BigInteger v;
        try {
            v = evaluator.evaluate(expr, enumeratorValues, false).value();
        } catch (ConstantEvaluator.EvalException e) {
            throw error("in '#pragma pack': " + e.getMessage(), e.at != null ? e.at : at);
        }
        if (v.signum() < 0 || v.bitCount() > 1 || v.compareTo(BigInteger.valueOf(16)) > 0) {
            throw error("alignment " + v + " of '#pragma pack' must be 0 or a power of two up to 16", at);
        }
        return v.intValue();
    }

    private Specifiers specifiers(DeclarationParser.DeclarationSpecifiersContext ctx) {
        boolean typedef = false;
        StringBuilder qualifiers = new StringBuilder();
        int aligned = 0;
        for (DeclarationParser.SpecifierModifierContext m : ctx.mods) {
            if (m instanceof DeclarationParser.TypedefSpecifierContext) {
                typedef = true;
            } else if (m instanceof DeclarationParser.QualifierSpecifierContext q) {
                if (!qualifiers.isEmpty()) {
                    qualifiers.append(' ');
                }
                qualifiers.append(spelling(q.getStart()));
            } else if (m instanceof DeclarationParser.AttributeModifierContext a) {
                aligned = Math.max(aligned, attributes(List.of(a.attributeSpecifier())).aligned());
            }
        }
        return new Specifiers(type(ctx.type), qualifiers.toString(), typedef, aligned);
    }

    /** A keyword as C spells it: GNU's {@code __signed__}, {@code __const}, {@code __volatile__} are the same words. */
    private static String spelling(Token keyword) {
        return switch (keyword.getType()) {
            case HeaderLexer.SIGNED -> "signed";
            case HeaderLexer.CONST -> "const";
            case HeaderLexer.VOLATILE -> "volatile";
            case HeaderLexer.RESTRICT -> "restrict";
            default -> keyword.getText();
        };
    }

    private CType type(DeclarationParser.TypeSpecifierContext ctx) {
        if (ctx instanceof DeclarationParser.BuiltinTypeContext b) {
            StringBuilder sb = new StringBuilder();
            for (DeclarationParser.BuiltinTypeWordContext w : b.builtinTypeWord()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(spelling(w.getStart()));
            }
            return new CType.Named(sb.toString());
        }
        if (ctx instanceof DeclarationParser.TypedefNameContext t) {
            return new CType.Named(t.IDENTIFIER().getText());
        }
        if (ctx instanceof DeclarationParser.RecordDefinitionContext r) {
            return new CType.Record(record(r));
        }
        if (ctx instanceof DeclarationParser.RecordReferenceContext r) {
            String kind = r.STRUCT() != null ? "struct" : "union";
            PpToken tag = (PpToken) r.IDENTIFIER().getSymbol();
            return new CType.Record(new RecordDecl(kind, tag.getText(), null, tag.expansionLine, false, 0));
        }
        if (ctx instanceof DeclarationParser.EnumDefinitionContext e) {
            return new CType.Enum(enumeration(e));
        }
        DeclarationParser.EnumReferenceContext e = (DeclarationParser.EnumReferenceContext) ctx;
        return new CType.Enum(e.IDENTIFIER().getText());
    }

    private RecordDecl record(DeclarationParser.RecordDefinitionContext ctx) {
        String kind = ctx.kind.getType() == DeclarationParser.STRUCT ? "struct" : "union";
        String tag = ctx.tag == null ? null : ctx.tag.getText();
        int line = ((PpToken) (ctx.tag != null ? ctx.tag : ctx.getStart())).expansionLine;
        List<RecordDecl.Member> members = new ArrayList<>();
        String outer = currentRecord;
        currentRecord = kind + " " + (tag == null ? "<anonymous>" : tag);
        for (DeclarationParser.MemberDeclarationContext md : ctx.body) {
            if (md instanceof DeclarationParser.MembersContext mc) {
                members(mc, members);
            } else if (md instanceof DeclarationParser.MemberPragmaContext p) {
                pragmaPack(p.packPragma());
            }
        }
        currentRecord = outer;
        Attributes attrs = attributes(ctx.attrs);
        RecordDecl decl = new RecordDecl(kind, tag, members, line, attrs.packed(), attrs.aligned(), pack);
        if (tag != null) {
            if (((PpToken) ctx.tag).inHeader()) {   // an included header's record is known, not listed
                records.add(decl);
            }
            recordsByTag.put(kind + " " + tag, decl);
        }
        return decl;
    }

    private void members(DeclarationParser.MembersContext ctx, List<RecordDecl.Member> out) {
        Specifiers spec = specifiers(ctx.declarationSpecifiers());
        int line = ((PpToken) ctx.getStart()).expansionLine;
        if (ctx.declarators.isEmpty()) {
            // C11 anonymous struct or union; any other declaration without a declarator declares nothing.
            if (spec.type() instanceof CType.Record r && r.decl().tag() == null && r.decl().members() != null) {
                out.add(new RecordDecl.Member(spec.type(), null, null, line, spec.alignedAttr()));
            } else if (!(spec.type() instanceof CType.Record r && r.decl().members() != null)
                    && !(spec.type() instanceof CType.Enum)) {
                // A type alone, no member: never what a UAPI header means (a tagged definition declares its tag).
                PpToken at = (PpToken) ctx.getStart();
                gaps.add(new Gap(at.expansionFile != null ? at.expansionFile : file, at.expansionLine,
                        currentRecord + ": " + TokenText.of(span(ctx)).replaceAll("\\s*;$", ""),
                        "member declaration declares nothing (a macro of a header not included?)"));
            }
            return;
        }
        for (DeclarationParser.MemberDeclaratorContext m : ctx.declarators) {
            if (m instanceof DeclarationParser.UnnamedBitfieldContext u) {
                int width = bitWidth(u.constantExpression());
                out.add(new RecordDecl.Member(spec.type(), null, width, line, spec.alignedAttr()));
            } else {
                DeclarationParser.MemberContext member = (DeclarationParser.MemberContext) m;
                Declared d = declare(spec.type(), spec.qualifiers(), member.declarator());
                Integer width = member.constantExpression() == null ? null : bitWidth(member.constantExpression());
                out.add(new RecordDecl.Member(d.type(), d.name(), width, d.nameToken().expansionLine,
                        Math.max(spec.alignedAttr(), d.alignedAttr())));
            }
        }
    }

    private int bitWidth(DeclarationParser.ConstantExpressionContext ctx) {
        BigInteger v = evaluate(ctx, "bitfield width", null);
        if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(64)) > 0) {
            throw error("bitfield width " + v + " is out of range (0 to 64)", (PpToken) ctx.getStart());
        }
        return v.intValue();
    }

    private Declared declare(CType base, String baseQualifiers, DeclarationParser.DeclaratorContext ctx) {
        CType type = base;
        String targetQualifiers = baseQualifiers;
        for (DeclarationParser.PointerContext p : ctx.pointers) {
            type = new CType.Pointer(type, targetQualifiers);
            StringBuilder q = new StringBuilder();
            for (DeclarationParser.TypeQualifierContext tq : p.typeQualifier()) {
                if (!q.isEmpty()) {
                    q.append(' ');
                }
                q.append(spelling(tq.getStart()));
            }
            targetQualifiers = q.toString();
        }
        Declared inner = direct(ctx.direct, type);
        int aligned = ctx.attrs.isEmpty() ? inner.alignedAttr()
                : Math.max(inner.alignedAttr(), attributes(ctx.attrs).aligned());
        return new Declared(inner.name(), inner.nameToken(), inner.type(), aligned);
    }

    private Declared direct(DeclarationParser.DirectDeclaratorContext ctx, CType type) {
        if (ctx instanceof DeclarationParser.NameDeclaratorContext n) {
            PpToken name = (PpToken) n.IDENTIFIER().getSymbol();
            return new Declared(name.getText(), name, type, 0);
        }
        if (ctx instanceof DeclarationParser.ArrayDeclaratorContext a) {
            Long length = null;
            if (a.constantExpression() != null) {
                BigInteger v = evaluate(a.constantExpression(), "array length", null);
                if (v.signum() < 0 || v.bitLength() > 62) {
                    throw error("array length " + v + " is out of range", (PpToken) a.constantExpression().getStart());
                }
                length = v.longValue();
            }
            return direct(a.directDeclarator(), new CType.Array(type, length));
        }
        if (ctx instanceof DeclarationParser.ParenthesizedDeclaratorContext p) {
            return declare(type, "", p.declarator());
        }
        DeclarationParser.FunctionDeclaratorContext f = (DeclarationParser.FunctionDeclaratorContext) ctx;
        String params = f.parameterList() == null ? "" : TokenText.of(span(f.parameterList()));
        return direct(f.directDeclarator(), new CType.Named(type.spelling() + " (" + params + ")"));
    }

    private String enumeration(DeclarationParser.EnumDefinitionContext ctx) {
        String tag = ctx.tag == null ? null : ctx.tag.getText();
        int line = ((PpToken) (ctx.tag != null ? ctx.tag : ctx.getStart())).expansionLine;
        List<EnumConstant> constants = new ArrayList<>(ctx.enumerators.size());
        CValue next = CValue.ZERO;
        CValue previous = null;
        for (DeclarationParser.EnumeratorContext e : ctx.enumerators) {
            PpToken name = (PpToken) e.name;
            if (e.value == null && previous != null && next.value().compareTo(previous.value()) <= 0) {
                // GCC: the previous value plus one, in its type, must not wrap or overflow.
                throw error("overflow in enumeration values: '" + name.getText() + "' would be "
                        + previous.value().add(BigInteger.ONE) + ", which does not fit in the "
                        + (previous.unsigned() ? "unsigned " : "") + (previous.width() == 64 ? "long" : "int")
                        + " of the enumerator before it", name);
            }
            CValue typed = e.value == null ? next : evaluateTyped(e.value, "value of enumerator", name);
            BigInteger value = typed.value();
            constants.add(new EnumConstant(name.getText(), value, name.getLine()));
            enumerators.put(name.getText(), value);
            previous = typed;
            next = plusOne(typed);
        }
        if (((PpToken) (ctx.tag != null ? ctx.tag : ctx.getStart())).inHeader()) {
            enums.add(new EnumDecl(tag, line, constants));
        }
        return tag;
    }

    /** {@code v + 1} in the type of {@code v} promoted, wrapping: the caller compares it with {@code v}. */
    private static CValue plusOne(CValue v) {
        return v.width() < 32 ? CValue.of(v.bits() + 1, 32, false) : CValue.of(v.bits() + 1, v.width(), v.unsigned());
    }

    /** {@code what} (of {@code subject}, if not null) names the expression in an error. */
    private BigInteger evaluate(DeclarationParser.ConstantExpressionContext ctx, String what, PpToken subject) {
        return evaluateTyped(ctx, what, subject).value();
    }

    private CValue evaluateTyped(DeclarationParser.ConstantExpressionContext ctx, String what, PpToken subject) {
        try {
            return evaluator.evaluate(span(ctx), enumeratorValues, false);
        } catch (ConstantEvaluator.EvalException e) {
            String named = subject == null ? what : what + " '" + subject.getText() + "'";
            throw error("in " + named + ": " + e.getMessage(), e.at != null ? e.at : (PpToken) ctx.getStart());
        }
    }

    private Attributes attributes(List<DeclarationParser.AttributeSpecifierContext> specs) {
        boolean packed = false;
        int aligned = 0;
        for (DeclarationParser.AttributeSpecifierContext spec : specs) {
            for (DeclarationParser.AttributeContext a : spec.attribute()) {
                String name = a.attributeName().getText();
                if (name.startsWith("__") && name.endsWith("__") && name.length() > 4) {
                    name = name.substring(2, name.length() - 2);
                }
                if (name.equals("packed")) {
                    packed = true;
                } else if (name.equals("aligned")) {
                    aligned = Math.max(aligned, alignment(a));
                }
            }
        }
        return new Attributes(packed, aligned);
    }

    /** {@code aligned(N)}: N, a power of two; bare {@code aligned} is the largest alignment on x86-64 (16). */
    private int alignment(DeclarationParser.AttributeContext a) {
        if (a.LPAREN() == null) {
            return 16;
        }
        List<PpToken> expr = span(a.balanced());
        PpToken at = (PpToken) a.getStart();
        try {
            BigInteger v = evaluator.evaluate(expr, enumeratorValues, false).value();
            if (v.signum() <= 0 || v.bitCount() != 1 || v.bitLength() > 29) {
                throw error("requested alignment " + v + " is not a positive power of two", at);
            }
            return v.intValue();
        } catch (ConstantEvaluator.EvalException e) {
            throw error("in aligned attribute: " + e.getMessage(), e.at != null ? e.at : at);
        }
    }

    /**
     * sizeof / _Alignof of a type name, __builtin_offsetof of a type and a member designator ({@code a.b},
     * {@code a[2]} at its end), as size_t; null when the operand is not one of those (an expression).
     */
    private CValue measure(PpToken operator, List<PpToken> operand) {
        List<PpToken> type = operand;
        List<PpToken> member = null;
        if (operator.getType() == DeclarationParser.OFFSETOF) {
            int comma = topLevelComma(operand);
            if (comma < 0) {
                return null;
            }
            type = operand.subList(0, comma);
            member = operand.subList(comma + 1, operand.size());
        }
        CType t = typeName(type);
        if (t == null) {
            return null;
        }
        if (layout == null) {
            layout = new StructLayout(abi, recordsByTag, typedefs);
        }
        int line = operator.expansionLine;
        try {
            long value = switch (operator.getType()) {
                case DeclarationParser.SIZEOF -> layout.sizeOf(t, line);
                case DeclarationParser.ALIGNOF -> layout.alignOf(t, line);
                default -> offsetOf(t, member, line);
            };
            return value < 0 ? null : CValue.of(value, 64, true);
        } catch (UapiguardException e) {
            if (e.reason() == UapiguardException.Reason.LIMIT_EXCEEDED) {
                throw e;
            }
            throw new ConstantEvaluator.EvalException(operator.getText() + ": " + e.getMessage(), operator);
        }
    }

    private static int topLevelComma(List<PpToken> operand) {
        int depth = 0;
        for (int i = 0; i < operand.size(); i++) {
            int type = operand.get(i).getType();
            if (type == DeclarationParser.LPAREN || type == DeclarationParser.LBRACKET) {
                depth++;
            } else if (type == DeclarationParser.RPAREN || type == DeclarationParser.RBRACKET) {
                depth--;
            } else if (type == DeclarationParser.COMMA && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Bytes from the start of {@code type} to the member {@code designator} names; -1 when it names none. */
    private long offsetOf(CType type, List<PpToken> designator, int line) {
        StringBuilder path = new StringBuilder();
        Long index = null;
        for (int i = 0; i < designator.size(); i++) {
            PpToken d = designator.get(i);
            if (index != null) {
                return -1;   // only one subscript, at the end
            }
            if (d.getType() == DeclarationParser.IDENTIFIER && (i == 0 || designator.get(i - 1).getType() == DeclarationParser.DOT)) {
                path.append(path.isEmpty() ? "" : ".").append(d.getText());
            } else if (d.getType() == DeclarationParser.DOT && i > 0) {
                continue;
            } else if (d.getType() == DeclarationParser.LBRACKET && i + 2 < designator.size()
                    && designator.get(i + 2).getType() == DeclarationParser.RBRACKET) {
                index = evaluator.evaluate(designator.subList(i + 1, i + 2), enumeratorValues, false).value().longValue();
                i += 2;
            } else {
                return -1;
            }
        }
        Field field = layout.fieldOf(type, path.toString(), line);
        if (field == null) {
            return -1;
        }
        long bits = field.offsetBits();
        if (index != null) {
            String spelling = field.type();
            int open = spelling.indexOf('[');
            int close = spelling.indexOf(']', open + 1);
            if (open < 0 || close <= open + 1) {
                return -1;
            }
            long length = Long.parseLong(spelling.substring(open + 1, close));
            bits += index * (field.sizeBits() / length);
        }
        return bits % 8 == 0 ? bits / 8 : -1;
    }

    /** The type a sizeof operand names, or null when it is not a type name (an expression). */
    private CType typeName(List<PpToken> operand) {
        if (operand.isEmpty()) {
            return null;
        }
        List<PpToken> copies = new ArrayList<>(operand.size());
        for (PpToken t : operand) {
            copies.add(t.copy());
        }
        DeclarationParser parser = new DeclarationParser(new TokenArrayStream(copies, file));
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        DeclarationParser.TypeNameContext ctx;
        try {
            ctx = parser.typeName();
        } catch (ParseCancellationException e) {
            return null;
        }
        List<PpToken> outer = tokens;
        tokens = copies;
        try {
            Specifiers spec = specifiers(ctx.declarationSpecifiers());
            if (spec.typedef()) {
                return null;
            }
            CType type = spec.type();
            if (type instanceof CType.Named n && !typedefs.containsKey(n.name()) && abi.lookup(n.name()).isEmpty()) {
                return null;   // an identifier that names no type: sizeof of a variable
            }
            if (ctx.abstractDeclarator() == null) {
                return type;
            }
            DeclarationParser.AbstractDeclaratorContext a = ctx.abstractDeclarator();
            if (a.directAbstractDeclarator() != null) {
                return null;   // arrays and functions of a type name: not measured
            }
            for (int i = 0; i < a.pointer().size(); i++) {
                type = new CType.Pointer(type, "");
            }
            return type;
        } finally {
            tokens = outer;
        }
    }

    private List<PpToken> span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        if (stop == null || stop.getTokenIndex() < start.getTokenIndex()) {
            return List.of();
        }
        return tokens.subList(start.getTokenIndex(), stop.getTokenIndex() + 1);
    }

    private UapiguardException error(String message, PpToken at) {
        return new UapiguardException(UapiguardException.Reason.PARSE_ERROR, message,
                at.file != null ? at.file : file, at.getLine(), at.column(), null);
    }
}
