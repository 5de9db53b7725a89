package io.uapiguard.header.pp;

import io.uapiguard.UapiguardException;
import io.uapiguard.header.lex.DirectiveParser;
import io.uapiguard.header.lex.DirectiveParserBaseVisitor;
import io.uapiguard.header.lex.HeaderLexer;
import io.uapiguard.header.lex.ThrowingErrorListener;
import io.uapiguard.header.lex.TokenKinds;
import io.uapiguard.model.Abi;
import io.uapiguard.model.Gap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Translation phases 3 and 4 for one header: lexes the text once, runs its directives (macro definitions,
 * conditional inclusion, {@code #include} followed through the {@link IncludeSource}) and expands macros in the
 * text between them. The result is the token sequence the declaration parser reads, each token keeping where it
 * was written and in which file. An include the source does not find is a gap of the result, not an error.
 * The macro table starts with the target's predefined macros ({@link Abi#predefinedMacros()}, {@code __x86_64__},
 * {@code __BYTE_ORDER__}, ...); the result's table lists only those the header and its includes defined.
 */
public final class Preprocessor {

    /**
     * What preprocessing leaves: the expanded tokens, the macro table at the end of the file, the includes, and
     * the expander over
     * the final macro table, which later stages use to evaluate macros without reaching back into this stage.
     */
    public record Result(List<PpToken> tokens, Map<String, Macro> macros, List<String> includes, Map<String, Integer> macroIds,
                  MacroExpander expander, List<Gap> gaps) {
    }

    /** Each target's predefined macros, read once: a macro's body is never changed by an expansion. */
    private static final Map<Abi, List<Macro>> PREDEFINED = new ConcurrentHashMap<>();
    private static final String BUILT_IN = "<built-in>";

    private static final Set<String> IGNORED_DIRECTIVES = Set.of("pragma", "line", "ident", "warning", "sccs");

    private final String file;
    private final Budget budget;
    private final MacroTable macros = new MacroTable();
    private final Map<String, Integer> macroIds = new HashMap<>();
    private final MacroExpander expander;
    private final ConstantEvaluator evaluator;
    private final Deque<Conditional> conditionals = new ArrayDeque<>();
    /** The open groups of the files that include the current one, which it cannot close. */
    private int conditionalsOfIncluder;
    private final List<String> includes = new ArrayList<>();
    private final ArrayList<PpToken> out = new ArrayList<>();
    /** The active text's tokens since the last directive, expanded together. */
    private List<PpToken> textRun = new ArrayList<>();
    /** The directive whose line has not ended yet, null outside one. */
    private List<PpToken> pendingDirective;
    private final DirectiveParser parser;
    private final DirectiveVisitor visitor = new DirectiveVisitor();
    private final BailErrorStrategy bail = new BailErrorStrategy();
    private final DefaultErrorStrategy report = new DefaultErrorStrategy();
    private final IncludeSource includeSource;
    private final List<Gap> gaps = new ArrayList<>();
    /** The content keys of the files that said {@code #pragma once}. */
    private final Set<String> once = new HashSet<>();
    /** The file being read: null for the header itself, else an included file's path. */
    private String current;
    private String currentKey;
    private char[] text;
    private int includeDepth;
    /** The include directive being run is {@code #include_next}. */
    private boolean includeNext;
    /** The target's predefined macros, each at the index of its id. */
    private final List<Macro> predefined;

    /** One open {@code #if} group: whether its enclosing group is active, whether a branch was taken. */
    private static final class Conditional {
        final PpToken at;
        final boolean parentActive;
        boolean taken;
        boolean active;
        boolean sawElse;

        Conditional(PpToken at, boolean parentActive, boolean active) {
            this.at = at;
            this.parentActive = parentActive;
            this.active = active;
            this.taken = active || !parentActive;
        }
    }

    public Preprocessor(String file, Budget budget, Abi abi) {
        this(file, budget, abi, IncludeSource.NONE);
    }

    /** A preprocessor following includes through {@code includes}. */
    public Preprocessor(String file, Budget budget, Abi abi, IncludeSource includes) {
        this(file, budget, abi, includes, true);
    }

    private Preprocessor(String file, Budget budget, Abi abi, IncludeSource includes, boolean predefine) {
        this.file = file;
        this.includeSource = includes;
        this.budget = budget;
        this.expander = new MacroExpander(macros, budget, file);
        this.evaluator = new ConstantEvaluator(budget, abi);
        this.parser = new DirectiveParser(null);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.removeErrorListeners();
        parser.addErrorListener(new ThrowingErrorListener(file, "in preprocessing directive: ") {
            @Override
            protected String fileOf(Object offendingSymbol) {
                return offendingSymbol instanceof PpToken t && t.file != null ? t.file : file;
            }
        });
        this.predefined = predefine ? predefined(abi) : List.of();
        for (Macro m : predefined) {
            macros.define(m);
            macroIds.put(m.name(), m.id());
        }
    }

    /**
     * This preprocessor expands every run of text itself, taking no run an earlier parse kept and keeping none (tests:
     * what a parse gives with nothing kept, whatever parses run beside it).
     */
    Preprocessor keepingNoRuns() {
        expander.keepsRuns = false;
        return this;
    }

    /** How many runs of text this preprocessor made again from a kept expansion rather than expanding them. */
    int runsRemade() {
        return expander.runsRemade;
    }

    /** The target's predefined macros, with the ids 0.. that each parse gives them before its own. */
    static List<Macro> predefined(Abi abi) {
        return PREDEFINED.computeIfAbsent(abi, a -> List.copyOf(
                new Preprocessor(BUILT_IN, new Budget(Limits.DEFAULT, BUILT_IN), a, IncludeSource.NONE, false)
                        .run(a.predefinedSource()).macros().values()));
    }

    public Result run(String source) {
        return run(source.toCharArray(), source, null);
    }

    /** {@link #run(String)} of characters the caller hands over and no longer changes. */
    public Result run(char[] chars) {
        return run(chars, null, null);
    }

    /**
     * {@link #run(char[])}, {@code asText} the same characters as a String (null: none at hand), of a text that is
     * mostly {@code similar} (a check's candidate and its base's text; null: none): the tokens of the lines they share
     * are taken from {@code similar}'s rather than lexed again. The result is the one {@link #run(char[])} gives.
     */
    public Result run(char[] chars, String asText, String similar) {
        try {
            LexedFile lexed = similar == null || asText == null ? LexedFile.header(chars, asText, budget)
                    : LexedFile.lexLike(chars, asText, similar, budget);
            out.ensureCapacity(lexed.tokens.length);   // about a token out for each token in
            readTokens(lexed, false);
            requireConditionalsClosed(0);
            expandTextRun();
        } catch (UapiguardException e) {
            throw Gap.explain(e, gaps);
        }
        return new Result(out, ownMacros(), includes, macroIds, expander, gaps);
    }

    /** The final table without the predefined macros the header left as they were. */
    private Map<String, Macro> ownMacros() {
        Map<String, Macro> own = new LinkedHashMap<>();
        for (Macro m : macros.values()) {
            if (m.id() >= predefined.size() || predefined.get(m.id()) != m) {
                own.put(m.name(), m);
            }
        }
        return own;
    }

    /**
     * Every token of a lexed file to its place: a line end closes a directive; a directive's tokens go to it, the
     * active text's to the expander, a run at a time. Shared tokens (an included file's) are copied first.
     */
    private void readTokens(LexedFile lexed, boolean shared) {
        PpToken[] tokens = lexed.tokens;
        byte[] before = lexed.before;
        char[] previousText = text;
        text = lexed.text;
        for (int i = 0; i < tokens.length; i++) {
            if ((before[i] & LexedFile.LINE_BEFORE) != 0) {
                endDirective();
            }
            PpToken t = tokens[i];
            if (shared) {
                budget.lexed(t);
                if (pendingDirective == null && t.getType() != HeaderLexer.DIRECTIVE_START && !active()) {
                    continue;   // text of a skipped group: dropped, so not worth a copy
                }
                t = t.copy();
                t.file = current;
                t.expansionFile = current;
            }
            t.spaceBefore = (before[i] & LexedFile.SPACE_BEFORE) != 0;
            place(t);
        }
        endDirective();
        text = previousText;
    }

    /** A token on the default channel: into the open directive, opening one, or into the active text's run. */
    private void place(PpToken t) {
        if (pendingDirective != null) {
            pendingDirective.add(t);
        } else if (t.getType() == HeaderLexer.DIRECTIVE_START) {
            expandTextRun();
            pendingDirective = new ArrayList<>();
            pendingDirective.add(t);
        } else if (active()) {
            textRun.add(t);
        }
    }

    /** Runs the open directive, if any (its line has ended). */
    private void endDirective() {
        if (pendingDirective != null) {
            List<PpToken> d = pendingDirective;
            pendingDirective = null;
            directive(d);
        }
    }

    /** Expands the text read since the last directive into {@link #out}. */
    private void expandTextRun() {
        if (!textRun.isEmpty()) {
            expander.expandRun(textRun, out);
            textRun = new ArrayList<>();
        }
    }

    private void requireConditionalsClosed(int outer) {
        if (conditionals.size() > outer) {
            Conditional open = conditionals.peek();
            throw parseError("unterminated #" + open.at.getText() + ": expected #endif before the end of the file",
                    open.at);
        }
    }

    private boolean active() {
        return conditionals.isEmpty() || conditionals.peek().active;
    }

    private void directive(List<PpToken> d) {
        int kind = d.size() > 1 ? d.get(1).getType() : -1;
        boolean conditional = kind == HeaderLexer.IF || kind == HeaderLexer.IFDEF || kind == HeaderLexer.IFNDEF;
        boolean continuation = kind == HeaderLexer.ELIF || kind == HeaderLexer.ELSE || kind == HeaderLexer.ENDIF;
        if (!active() && !conditional && !continuation) {
            return;
        }
        if (!active() && conditional) {
            conditionals.push(new Conditional(d.get(1), false, false));
            return;
        }
        if (continuation) {
            if (conditionals.size() <= conditionalsOfIncluder) {
                throw parseError("#" + d.get(1).getText() + " without #if", d.get(1));
            }
            Conditional top = conditionals.peek();
            if (top.sawElse && kind != HeaderLexer.ENDIF) {
                throw parseError("#" + d.get(1).getText() + " after #else", d.get(1));
            }
            if (!top.parentActive) {
                if (kind == HeaderLexer.ENDIF) {
                    conditionals.pop();
                } else if (kind == HeaderLexer.ELSE) {
                    top.sawElse = true;
                }
                return;
            }
        }
        if (kind == HeaderLexer.DEFINE || kind == HeaderLexer.UNDEF || kind == HeaderLexer.IFDEF
                || kind == HeaderLexer.IFNDEF) {
            // GCC's wording; the grammar alone would only say "no viable alternative".
            if (d.size() < 3) {
                throw parseError("no macro name given in #" + d.get(1).getText() + " directive", d.get(1));
            }
            if (d.get(2).getType() != HeaderLexer.IDENTIFIER) {
                throw parseError("macro names must be identifiers, found '" + d.get(2).getText() + "'", d.get(2));
            }
        }
        visitor.tokens = d;
        parse(d).accept(visitor);
    }

    /**
     * Bails out at the first error, skipping the default strategy's resynchronisation before every token of a
     * replacement list; an error is then parsed again with it, for the message.
     */
    private DirectiveParser.DirectiveContext parse(List<PpToken> d) {
        parser.setTokenStream(new TokenArrayStream(d, file));
        parser.setErrorHandler(bail);
        try {
            return parser.directive();
        } catch (ParseCancellationException e) {
            parser.setTokenStream(new TokenArrayStream(d, file));
            parser.setErrorHandler(report);
            return parser.directive();
        }
    }

    private final class DirectiveVisitor extends DirectiveParserBaseVisitor<Void> {
        List<PpToken> tokens;

        private List<PpToken> span(org.antlr.v4.runtime.ParserRuleContext ctx) {
            int from = ctx.getStart().getTokenIndex();
            int to = ctx.getStop() == null ? from - 1 : ctx.getStop().getTokenIndex();
            if (to < from) {
                return List.of();
            }
            return tokens.subList(from, Math.min(to + 1, tokens.size()));
        }

        @Override
        public Void visitDefineObjectLike(DirectiveParser.DefineObjectLikeContext ctx) {
            PpToken name = (PpToken) ctx.IDENTIFIER().getSymbol();
            List<PpToken> body = span(ctx.replacementList());
            checkPasting(body);
            define(name, false, List.of(), List.of(), false, body);
            return null;
        }

        @Override
        public Void visitDefineFunctionLike(DirectiveParser.DefineFunctionLikeContext ctx) {
            PpToken name = (PpToken) ctx.IDENTIFIER().getSymbol();
            List<String> params = new ArrayList<>();
            List<String> written = new ArrayList<>();
            boolean variadic = false;
            if (ctx.macroParameters() != null) {
                List<DirectiveParser.MacroParameterContext> list = ctx.macroParameters().macroParameter();
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < list.size(); i++) {
                    DirectiveParser.MacroParameterContext p = list.get(i);
                    String param;
                    if (p instanceof DirectiveParser.NamedVariadicParameterContext v) {
                        param = v.IDENTIFIER().getText();
                        written.add(param + "...");
                        variadic = true;
                    } else if (p instanceof DirectiveParser.AnonymousVariadicParameterContext) {
                        param = "__VA_ARGS__";
                        written.add("...");
                        variadic = true;
                    } else {
                        param = p.getText();
                        written.add(param);
                    }
                    if (variadic && i < list.size() - 1) {
                        throw parseError("a variadic parameter must be the last one of macro '" + name.getText()
                                + "'", (PpToken) p.getStart());
                    }
                    if (!seen.add(param)) {
                        throw parseError("duplicate macro parameter '" + param + "'", (PpToken) p.getStart());
                    }
                    params.add(param);
                }
            }
            List<PpToken> body = span(ctx.replacementList());
            for (int i = 0; i < body.size(); i++) {
                PpToken t = body.get(i);
                if (t.getType() == HeaderLexer.HASH
                        && (i + 1 >= body.size() || !params.contains(body.get(i + 1).getText()))) {
                    throw parseError("'#' is not followed by a macro parameter", t);
                }
            }
            checkPasting(body);
            define(name, true, params, written, variadic, body);
            return null;
        }

        private void checkPasting(List<PpToken> body) {
            if (!body.isEmpty() && body.get(0).getType() == HeaderLexer.HASHHASH) {
                throw parseError("'##' cannot appear at either end of a macro expansion", body.get(0));
            }
            if (!body.isEmpty() && body.get(body.size() - 1).getType() == HeaderLexer.HASHHASH) {
                throw parseError("'##' cannot appear at either end of a macro expansion", body.get(body.size() - 1));
            }
        }

        private void define(PpToken name, boolean functionLike, List<String> params, List<String> written,
                            boolean variadic, List<PpToken> body) {
            String n = name.getText();
            if (n.equals("defined")) {
                throw parseError("\"defined\" cannot be used as a macro name", name);
            }
            int id = macroIds.computeIfAbsent(n, k -> macroIds.size());
            macros.define(new Macro(id, n, functionLike, params, written, variadic, body, name.getLine(),
                    name.column(), name.file));
        }

        @Override
        public Void visitUndef(DirectiveParser.UndefContext ctx) {
            macros.undefine(ctx.IDENTIFIER().getText());
            return null;
        }

        @Override
        public Void visitInclude(DirectiveParser.IncludeContext ctx) {
            includeNext = false;
            return ctx.includeTarget().accept(this);
        }

        /** GNU {@code #include_next}: the search goes on after the directory the current file was found in. */
        @Override
        public Void visitIncludeNext(DirectiveParser.IncludeNextContext ctx) {
            includeNext = true;
            return ctx.includeTarget().accept(this);
        }

        @Override
        public Void visitQuotedInclude(DirectiveParser.QuotedIncludeContext ctx) {
            String quoted = ctx.getText();
            includes.add(quoted);
            include(quoted.substring(1, quoted.length() - 1), true, quoted, tokens.get(0));
            return null;
        }

        @Override
        public Void visitAngledInclude(DirectiveParser.AngledIncludeContext ctx) {
            int start = ctx.getStart().getStartIndex();
            String angled = new String(text, start, ctx.getStop().getStopIndex() + 1 - start);
            includes.add(angled);
            include(angled.substring(1, angled.length() - 1).strip(), false, angled, tokens.get(0));
            return null;
        }

        @Override
        public Void visitIf(DirectiveParser.IfContext ctx) {
            boolean value = condition(span(ctx.condition()));
            conditionals.push(new Conditional((PpToken) ctx.IF().getSymbol(), true, value));
            return null;
        }

        @Override
        public Void visitIfdef(DirectiveParser.IfdefContext ctx) {
            boolean value = macros.containsKey(ctx.IDENTIFIER().getText());
            conditionals.push(new Conditional((PpToken) ctx.IFDEF().getSymbol(), true, value));
            return null;
        }

        @Override
        public Void visitIfndef(DirectiveParser.IfndefContext ctx) {
            boolean value = !macros.containsKey(ctx.IDENTIFIER().getText());
            conditionals.push(new Conditional((PpToken) ctx.IFNDEF().getSymbol(), true, value));
            return null;
        }

        @Override
        public Void visitElif(DirectiveParser.ElifContext ctx) {
            Conditional top = conditionals.peek();
            if (top.taken) {
                top.active = false;
            } else {
                top.active = condition(span(ctx.condition()));
                top.taken = top.active;
            }
            return null;
        }

        @Override
        public Void visitElse(DirectiveParser.ElseContext ctx) {
            Conditional top = conditionals.peek();
            top.sawElse = true;
            top.active = !top.taken;
            top.taken = true;
            return null;
        }

        @Override
        public Void visitEndif(DirectiveParser.EndifContext ctx) {
            conditionals.pop();
            return null;
        }

        @Override
        public Void visitOtherDirective(DirectiveParser.OtherDirectiveContext ctx) {
            PpToken name = (PpToken) ctx.OTHER_DIRECTIVE().getSymbol();
            if (name.getText().equals("error")) {
                StringBuilder sb = new StringBuilder("#error");
                for (PpToken t : tokens.subList(2, tokens.size())) {
                    sb.append(' ').append(t.getText());
                }
                throw parseError(sb.toString(), name);
            }
            if (name.getText().equals("pragma") && tokens.size() == 3 && tokens.get(2).getText().equals("once")) {
                once.add(currentKey == null ? "" : currentKey);
                return null;
            }
            if (name.getText().equals("pragma") && tokens.size() > 2 && tokens.get(2).getText().equals("pack")) {
                pragmaPack(tokens.get(2), tokens.subList(3, tokens.size()));
                return null;
            }
            if (!IGNORED_DIRECTIVES.contains(name.getText())) {
                throw parseError("invalid preprocessing directive #" + name.getText(), name);
            }
            return null;
        }

        @Override
        public Void visitNullDirective(DirectiveParser.NullDirectiveContext ctx) {
            return null;
        }
    }

    /**
     * Reads the file {@code name} names where the directive stands, as a compiler does: found through the include
     * source, its shared tokens (lexed once per content in the process), skipped when its include guard is defined
     * or it said {@code #pragma once}; not found, a gap naming the directive's file and line.
     */
    private void include(String name, boolean quoted, String written, PpToken at) {
        // In the header itself #include_next is #include, as gcc reads it there.
        boolean next = includeNext && current != null;
        IncludeSource.Found found = next ? includeSource.findNext(name, current)
                : includeSource.find(name, quoted, current == null ? file : current);
        if (found == null) {
            gaps.add(new Gap(current == null ? file : current, at.getLine(),
                    (next ? "#include_next " : "#include ") + written, Gap.INCLUDE_NOT_FOUND));
            return;
        }
        if (once.contains(found.key())) {
            return;
        }
        LexedFile lexed = LexedFile.shared(found, budget.limits());
        if (lexed.guard != null && macros.containsKey(lexed.guard)) {
            return;
        }
        budget.checkDepth(includeDepth + 1, "#include", at);
        String includer = current;
        String includerKey = currentKey;
        int outer = conditionalsOfIncluder;
        includeDepth++;
        current = found.path();
        currentKey = found.key();
        conditionalsOfIncluder = conditionals.size();
        try {
            readTokens(lexed, true);
            requireConditionalsClosed(conditionalsOfIncluder);
            expandTextRun();
        } finally {
            includeDepth--;
            current = includer;
            currentKey = includerKey;
            conditionalsOfIncluder = outer;
        }
    }

    /**
     * {@code #pragma pack(...)} stays where it stood, for the declarations: a PRAGMA_PACK token and its arguments,
     * not macro-expanded (gcc on Linux reads {@code pack(NAME)} as an unknown action). Other pragmas are ignored.
     */
    private void pragmaPack(PpToken pack, List<PpToken> arguments) {
        out.add(PpToken.at(HeaderLexer.PRAGMA_PACK, pack.getText(), pack));
        out.addAll(arguments);
    }

    /** The value of an {@code #if} / {@code #elif} condition (C11 6.10.1). */
    private boolean condition(List<PpToken> tokens) {
        List<PpToken> withDefined = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            PpToken t = tokens.get(i);
            if (t.getType() != HeaderLexer.IDENTIFIER || !t.getText().equals("defined")) {
                withDefined.add(t);
                continue;
            }
            int j = i + 1;
            boolean paren = j < tokens.size() && tokens.get(j).getType() == HeaderLexer.LPAREN;
            if (paren) {
                j++;
            }
            if (j >= tokens.size() || !TokenKinds.isWord(tokens.get(j).getType())) {
                throw parseError("operator \"defined\" requires an identifier", j < tokens.size() ? tokens.get(j) : t);
            }
            boolean isDefined = macros.containsKey(tokens.get(j).getText());
            if (paren) {
                j++;
                if (j >= tokens.size() || tokens.get(j).getType() != HeaderLexer.RPAREN) {
                    throw parseError("missing ')' after \"defined\"", j < tokens.size() ? tokens.get(j) : t);
                }
            }
            withDefined.add(PpToken.at(HeaderLexer.NUMBER, isDefined ? "1" : "0", t));
            i = j;
        }
        List<PpToken> expanded = new ArrayList<>();
        expander.expand(withDefined, expanded);
        try {
            return !evaluator.evaluate(expanded, id -> CValue.ZERO, true).isZero();
        } catch (ConstantEvaluator.EvalException e) {
            PpToken at = e.at != null ? e.at : tokens.isEmpty() ? null : tokens.get(0);
            throw parseError("in #if: " + e.getMessage(), at);
        }
    }

    private UapiguardException parseError(String message, PpToken at) {
        return new UapiguardException(UapiguardException.Reason.PARSE_ERROR, message,
                at == null || at.file == null ? file : at.file, at == null ? 0 : at.getLine(), at == null ? 0 : at.column(), null);
    }
}
