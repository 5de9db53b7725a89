package io.uapiguard.header;

import io.uapiguard.UapiguardException;
import io.uapiguard.header.grammar.DeclarationParser;
import io.uapiguard.header.grammar.HeaderLexer;
import io.uapiguard.header.grammar.WordTable;
import io.uapiguard.model.Define;
import io.uapiguard.model.EnumConstant;
import io.uapiguard.model.EnumDecl;
import io.uapiguard.model.Helper;
import io.uapiguard.model.HelperDoc;
import io.uapiguard.model.Mapper;
import io.uapiguard.model.Problem;
import io.uapiguard.model.StructDecl;
import io.uapiguard.model.UapiModel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/** Turns the text of one header revision into its model. Thread-safe. */
public final class HeaderParser {

    /** Bumped whenever the model a given text produces may change, so stored models get re-parsed. */
    public static final int VERSION = 1;

    static final String HELPER_ENUM = "bpf_func_id";
    static final String HELPER_PREFIX = "BPF_FUNC_";

    private final Limits limits;

    public HeaderParser() {
        this(Limits.DEFAULT);
    }

    /** A parser with other bounds against hostile input (tests use tight ones). */
    public HeaderParser(Limits limits) {
        this.limits = limits;
    }

    /**
     * Parses {@code text}; {@code file} names it in errors.
     *
     * @throws UapiguardException with reason PARSE_ERROR or LIMIT_EXCEEDED, never a partial model
     */
    public UapiModel parse(String file, String text) {
        checkLength(file, text.length());   // before the copy: an oversized text is refused without one
        return parse(file, text.toCharArray());
    }

    /**
     * {@link #parse(String, String)} of a text the caller already holds as characters (decoded while reading,
     * say); the parser reads the array in place, so the caller must not change it.
     */
    public UapiModel parse(String file, char[] text) {
        checkLength(file, text.length);
        Budget budget = new Budget(limits, file);
        Preprocessor preprocessor = new Preprocessor(file, budget);
        Preprocessor.Result pp = preprocessor.run(text);
        checkNesting(pp.tokens(), budget);
        DeclarationParser.TranslationUnitContext tree = parseDeclarations(file, pp.tokens(), budget);
        DeclarationBuilder.Declarations decls = new DeclarationBuilder(file, budget, pp.tokens()).build(tree);
        budget.checkTime(null);

        ConstantEvaluator evaluator = new ConstantEvaluator(budget, Abi.X86_64);
        List<Define> defines = defines(pp, preprocessor.expander(), evaluator, decls);
        MapperReader mapperReader = new MapperReader(pp, preprocessor.expander(), evaluator);
        Mapper mapper = mapperReader.read();
        HelperDocParser.Result docs = new HelperDocParser().scan(text, pp.comments());
        List<Helper> helpers = helpers(decls.enums(), docs.docs());
        List<Problem> problems = Consistency.check(helpers, docs.docs(), mapperReader.explicitEntries(),
                docs.malformed());
        StructLayout layout = new StructLayout(Abi.X86_64, decls.recordsByTag(), decls.typedefs());
        List<StructDecl> structs = new ArrayList<>(decls.records().size());
        try {
            for (RecordDecl r : decls.records()) {
                structs.add(layout.layout(r));
            }
        } catch (UapiguardException e) {
            // Layout knows lines, not the file: name it, as every other error of the front end does.
            throw e.file() != null ? e
                    : new UapiguardException(e.reason(), e.getMessage(), file, e.line(), e.column(), e);
        }
        budget.checkTime(null);
        return new UapiModel(UapiModel.SCHEMA_VERSION, helpers, mapper, decls.enums(), defines, structs, problems);
    }

    private void checkLength(String file, int length) {
        if (length > limits.maxInputChars()) {
            throw new UapiguardException(UapiguardException.Reason.LIMIT_EXCEEDED,
                    "header is " + length + " characters long, more than the " + limits.maxInputChars()
                            + " accepted", file, 0, 0, null);
        }
    }

    /**
     * Every {@code BPF_FUNC_xxx} of {@code enum bpf_func_id}, with its documented signatures in order: a doc of
     * {@code bpf_xxx} belongs to the first of its {@link HelperDocParser#helperCandidates candidate names} the
     * enum holds.
     */
    private static List<Helper> helpers(List<EnumDecl> enums, List<HelperDoc> docs) {
        List<EnumConstant> entries = new ArrayList<>();
        for (EnumDecl e : enums) {
            if (HELPER_ENUM.equals(e.name())) {
                for (EnumConstant c : e.constants()) {
                    if (c.name().startsWith(HELPER_PREFIX)) {
                        entries.add(c);
                    }
                }
                break;
            }
        }
        Map<String, List<HelperDoc>> byHelper = new HashMap<>();
        for (EnumConstant c : entries) {
            byHelper.put(c.name().substring(HELPER_PREFIX.length()), new ArrayList<>());
        }
        for (HelperDoc d : docs) {
            for (String candidate : HelperDocParser.helperCandidates(d.function())) {
                List<HelperDoc> mine = byHelper.get(candidate);
                if (mine != null) {
                    mine.add(d);
                    break;
                }
            }
        }
        List<Helper> out = new ArrayList<>(entries.size());
        for (EnumConstant c : entries) {
            String name = WordTable.shared().intern(c.name().substring(HELPER_PREFIX.length()));
            out.add(new Helper(name, c.value().longValue(), c.line(), byHelper.get(name)));
        }
        return out;
    }

    /**
     * Every object-like macro of the final table, in line order: its normalised replacement and, where the
     * replacement (expanded, enumerators known) is an integer constant expression, its value.
     * Include guards are object-like macros too and are listed (empty text, no value).
     */
    private static List<Define> defines(Preprocessor.Result pp, MacroExpander expander, ConstantEvaluator evaluator,
                                        DeclarationBuilder.Declarations decls) {
        List<Macro> objectLike = new ArrayList<>();
        for (Macro m : pp.macros().values()) {
            if (!m.functionLike()) {
                objectLike.add(m);
            }
        }
        objectLike.sort(Comparator.comparingInt(Macro::line).thenComparingInt(Macro::column));
        List<Define> out = new ArrayList<>(objectLike.size());
        ConstantEvaluator.Resolver enumerators = decls.enumeratorValues();
        for (Macro m : objectLike) {
            out.add(new Define(m.name(), TokenText.of(m.body()), value(m, expander, evaluator, enumerators), m.line()));
        }
        return out;
    }

    private static BigInteger value(Macro m, MacroExpander expander, ConstantEvaluator evaluator,
                                    ConstantEvaluator.Resolver enumerators) {
        if (m.body().isEmpty()) {
            return null;
        }
        List<PpToken> body = new ArrayList<>(m.body().size());
        HideSet self = HideSet.EMPTY.with(m.id());
        for (PpToken t : m.body()) {
            PpToken c = t.copy();
            c.hideSet = self;
            body.add(c);
        }
        List<PpToken> expanded = new ArrayList<>();
        try {
            expander.expand(body, expanded);
            return evaluator.evaluate(expanded, enumerators, false).value();
        } catch (ConstantEvaluator.EvalException e) {
            return null;
        } catch (UapiguardException e) {
            if (e.reason() == UapiguardException.Reason.LIMIT_EXCEEDED) {
                throw e;
            }
            return null;
        }
    }

    /** Bounds bracket nesting before the recursive-descent parser sees it, so it cannot overflow the stack. */
    private static void checkNesting(List<PpToken> tokens, Budget budget) {
        int depth = 0;
        for (PpToken t : tokens) {
            switch (t.getType()) {
                case HeaderLexer.LPAREN, HeaderLexer.LBRACE, HeaderLexer.LBRACKET -> {
                    depth++;
                    budget.checkDepth(depth, "brackets", t);
                }
                case HeaderLexer.RPAREN, HeaderLexer.RBRACE, HeaderLexer.RBRACKET -> depth--;
                default -> {
                }
            }
        }
    }

    /** SLL prediction first (fast, enough for every real header); full LL only to confirm and report an error. */
    private static DeclarationParser.TranslationUnitContext parseDeclarations(String file, List<PpToken> tokens,
                                                                            Budget budget) {
        TokenArrayStream stream = new TokenArrayStream(tokens, file);
        DeclarationParser parser = new DeclarationParser(stream);
        parser.removeErrorListeners();
        parser.addParseListener(new DeclarationCounter(budget));
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.translationUnit();
        } catch (ParseCancellationException e) {
            stream.seek(0);
            parser.reset();
            parser.removeParseListeners();
            parser.addParseListener(new DeclarationCounter(budget));
            parser.addErrorListener(new ThrowingErrorListener(file, ""));
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return parser.translationUnit();
        }
    }
}
