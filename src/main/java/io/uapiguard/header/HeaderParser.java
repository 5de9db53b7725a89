package io.uapiguard.header;

import io.uapiguard.UapiguardException;
import io.uapiguard.header.decl.DeclarationBuilder;
import io.uapiguard.header.decl.DeclarationCounter;
import io.uapiguard.header.decl.RecordDecl;
import io.uapiguard.header.decl.StructLayout;
import io.uapiguard.header.doc.Consistency;
import io.uapiguard.header.doc.Helpers;
import io.uapiguard.header.doc.HelperDocParser;
import io.uapiguard.header.doc.MapperReader;
import io.uapiguard.header.lex.DeclarationParser;
import io.uapiguard.header.lex.HeaderLexer;
import io.uapiguard.header.lex.ThrowingErrorListener;
import io.uapiguard.header.pp.Budget;
import io.uapiguard.header.pp.ConstantEvaluator;
import io.uapiguard.header.pp.Defines;
import io.uapiguard.header.pp.IncludeSource;
import io.uapiguard.header.pp.Limits;
import io.uapiguard.header.pp.PpToken;
import io.uapiguard.header.pp.Preprocessor;
import io.uapiguard.header.pp.TokenArrayStream;
import io.uapiguard.model.Abi;
import io.uapiguard.model.Define;
import io.uapiguard.model.Gap;
import io.uapiguard.model.Helper;
import io.uapiguard.model.Mapper;
import io.uapiguard.model.Problem;
import io.uapiguard.model.StructDecl;
import io.uapiguard.model.UapiModel;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/** Turns the text of one header revision into its model. Thread-safe. */
public final class HeaderParser {

    /** Bumped whenever the model a given text produces may change, so stored models get re-parsed. */
    public static final int VERSION = 2;

    private final Limits limits;
    private final Abi abi;
    private final IncludeSource includes;

    public HeaderParser() {
        this(Limits.DEFAULT);
    }

    /** A parser with other bounds against hostile input (tests use tight ones), for the x86-64 ABI. */
    public HeaderParser(Limits limits) {
        this(limits, Abi.X86_64);
    }

    /** A parser laying out and evaluating for {@code abi}. */
    public HeaderParser(Limits limits, Abi abi) {
        this(limits, abi, IncludeSource.NONE);
    }

    /** A parser following {@code #include} through {@code includes} (the default finds nothing: each is a gap). */
    public HeaderParser(IncludeSource includes) {
        this(Limits.DEFAULT, Abi.X86_64, includes);
    }

    public HeaderParser(Limits limits, Abi abi, IncludeSource includes) {
        this.limits = limits;
        this.abi = abi;
        this.includes = includes;
    }

    /**
     * Parses {@code text}; {@code file} names it in errors.
     *
     * @throws UapiguardException with reason PARSE_ERROR or LIMIT_EXCEEDED, never a partial model
     */
    public UapiModel parse(String file, String text) {
        checkLength(file, text.length());   // before the copy: an oversized text is refused without one
        return parse(file, text.toCharArray(), text, includes, null);
    }

    /**
     * {@link #parse(String, String)} of a text the caller already holds as characters (decoded while reading,
     * say); the parser reads the array in place, so the caller must not change it.
     */
    public UapiModel parse(String file, char[] text) {
        return parse(file, text, includes);
    }

    /**
     * {@link #parse(String, char[])} with {@code #include} found through {@code includes} rather than this parser's
     * own source: for a header whose includes lie in its own revision (a check's candidate tree).
     */
    public UapiModel parse(String file, char[] text, IncludeSource includes) {
        return parse(file, text, includes, null);
    }

    /**
     * A text to parse that is mostly another one, already known: a check's candidate, the header of the base it was
     * made from with a patch applied. {@code text}: the characters as a String too; {@code base}: the base's text.
     */
    public record Edited(String text, String base) {
    }

    /**
     * {@link #parse(String, char[], IncludeSource)} of an {@code edited} text (null: none): the lines it shares with
     * its base are not lexed again, their tokens are taken from the base's, lexed once and kept for the next
     * candidates of that base (by identity of its String). The model is the same either way.
     */
    public UapiModel parse(String file, char[] text, IncludeSource includes, Edited edited) {
        return parse(file, text, edited == null ? null : edited.text(), includes, edited);
    }

    /**
     * {@code asText}: the same characters as a String, when the caller has one (null: none). The lexer's searches and
     * the helper comment's scan read one String; made here when the caller has none, so that it is made once.
     */
    private UapiModel parse(String file, char[] text, String asText, IncludeSource includes, Edited edited) {
        checkLength(file, text.length);
        String string = asText != null ? asText : new String(text);
        Budget budget = new Budget(limits, file);
        Preprocessor.Result pp = new Preprocessor(file, budget, abi, includes)
                .run(text, string, edited == null ? null : edited.base());
        try {
            return model(file, text, string, edited == null ? null : edited.base(), budget, pp);
        } catch (UapiguardException e) {
            throw Gap.explain(e, pp.gaps());
        }
    }

    /** {@code asText}: {@code text} as a String; {@code base}: the text it is an edit of, or null. */
    private UapiModel model(String file, char[] text, String asText, String base, Budget budget,
                            Preprocessor.Result pp) {
        checkNesting(pp.tokens(), budget);
        DeclarationParser.TranslationUnitContext tree = parseDeclarations(file, pp.tokens(), budget);
        DeclarationBuilder builder = new DeclarationBuilder(file, budget, abi, pp.tokens());
        DeclarationBuilder.Declarations decls = builder.build(tree);
        budget.checkTime(null);

        ConstantEvaluator evaluator = new ConstantEvaluator(budget, abi);
        List<Define> defines = Defines.of(pp, evaluator, decls.enumeratorValues());
        MapperReader mapperReader = new MapperReader(pp, evaluator);
        Mapper mapper = mapperReader.read();
        HelperDocParser.Result docs = new HelperDocParser().scan(text, asText, base);
        List<Helper> helpers = Helpers.of(decls.enums(), docs.docs());
        List<Problem> problems = Consistency.check(helpers, docs.docs(), mapperReader.explicitIds(),
                docs.malformed());
        if (problems.stream().anyMatch(p -> Problem.MAPPER_ID_MISMATCH.equals(p.kind()))) {
            // Ids compared without lines; a mismatch to report is placed at its entry.
            problems = Consistency.check(helpers, docs.docs(), mapperReader.explicitEntries(), docs.malformed());
        }
        StructLayout layout = new StructLayout(abi, decls.recordsByTag(), decls.typedefs());
        List<StructDecl> structs = new ArrayList<>(decls.records().size());
        try {
            for (RecordDecl r : decls.records()) {
                structs.add(layout.layout(r, decls.typedefName(r)));
            }
        } catch (UapiguardException e) {
            // Layout knows lines, not the file: name it, as every other error of the front end does.
            throw e.file() != null ? e
                    : new UapiguardException(e.reason(), e.getMessage(), file, e.line(), e.column(), e);
        }
        budget.checkTime(null);
        return new UapiModel(UapiModel.SCHEMA_VERSION, helpers, mapper, decls.enums(), defines, structs, problems,
                gaps(pp.gaps(), builder.gaps()));
    }

    private static List<Gap> gaps(List<Gap> preprocessing, List<Gap> declarations) {
        if (declarations.isEmpty()) {
            return preprocessing;
        }
        List<Gap> all = new ArrayList<>(preprocessing);
        all.addAll(declarations);
        return all;
    }

    private void checkLength(String file, int length) {
        if (length > limits.maxInputChars()) {
            throw new UapiguardException(UapiguardException.Reason.LIMIT_EXCEEDED,
                    "header is " + length + " characters long, more than the " + limits.maxInputChars()
                            + " accepted", file, 0, 0, null);
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
            parser.addErrorListener(new ThrowingErrorListener(file, "") {
                @Override
                protected String fileOf(Object offendingSymbol) {
                    return offendingSymbol instanceof PpToken t && t.file != null ? t.file : file;
                }
            });
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            return parser.translationUnit();
        }
    }
}
