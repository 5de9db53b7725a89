package io.uapiguard.header.doc;

import io.uapiguard.UapiguardException;
import io.uapiguard.header.lex.HeaderLexer;
import io.uapiguard.header.lex.TokenKinds;
import io.uapiguard.header.pp.ConstantEvaluator;
import io.uapiguard.header.pp.HideSet;
import io.uapiguard.header.pp.Macro;
import io.uapiguard.header.pp.MacroExpander;
import io.uapiguard.header.pp.PpToken;
import io.uapiguard.header.pp.Preprocessor;
import io.uapiguard.header.pp.TokenText;
import io.uapiguard.model.Helper;
import io.uapiguard.model.Mapper;
import io.uapiguard.model.MapperMacro;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads the helper mapper X-macros from the final macro table by evaluating them, whatever their shape:
 * each macro named like {@code BPF_FUNC_MAPPER} as written, what {@code __BPF_FUNC_MAPPER(FN)} gives a user
 * for a symbolic {@code FN}, and the {@code FN(name, id, ...)} entries of a mapper that passes explicit ids.
 */
public final class MapperReader {

    static final String MAPPER = "__BPF_FUNC_MAPPER";
    private static final String SYMBOLIC_FN = "FN";

    private final Preprocessor.Result pp;
    private final MacroExpander expander;
    private final ConstantEvaluator evaluator;
    private List<Macro> mapperMacros;

    public MapperReader(Preprocessor.Result pp, ConstantEvaluator evaluator) {
        this.pp = pp;
        this.expander = pp.expander();
        this.evaluator = evaluator;
    }

    /** Mapper macros in line order; found once (among the header's thousand or more macros). */
    List<Macro> mapperMacros() {
        if (mapperMacros == null) {
            List<Macro> out = new ArrayList<>();
            for (Macro m : pp.macros().values()) {
                if (m.name().contains("BPF_FUNC_MAPPER")) {
                    out.add(m);
                }
            }
            out.sort(Comparator.comparingInt(Macro::line).thenComparingInt(Macro::column));
            mapperMacros = List.copyOf(out);
        }
        return mapperMacros;
    }

    public Mapper read() {
        List<MapperMacro> macros = new ArrayList<>();
        for (Macro m : mapperMacros()) {
            macros.add(describe(m));
        }
        return new Mapper(macros, expansion());
    }

    /** Where the body invokes a parameter as a function: that parameter's index and the first such '(' . */
    private record FnUse(int param, int openParen) {
    }

    private static FnUse fnUse(Macro m) {
        List<PpToken> body = m.body();
        for (int i = 0; i + 1 < body.size(); i++) {
            if (TokenKinds.isWord(body.get(i).getType()) && body.get(i + 1).getType() == HeaderLexer.LPAREN) {
                int p = m.paramIndex(body.get(i).getText());
                if (p >= 0) {
                    return new FnUse(p, i + 1);
                }
            }
        }
        return null;
    }

    /** Index of the ')' closing the '(' at {@code open}, or -1. */
    private static int closing(List<PpToken> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            int type = tokens.get(i).getType();
            if (type == HeaderLexer.LPAREN) {
                depth++;
            } else if (type == HeaderLexer.RPAREN && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The number of arguments of the first FN(...) entry in the body; 0 when it has none or is unclosed. */
    private static int fnArity(Macro m, FnUse use) {
        List<PpToken> body = m.body();
        int close = closing(body, use.openParen());
        if (close < 0) {
            return 0;
        }
        int arity = close == use.openParen() + 1 ? 0 : 1;
        int depth = 0;
        for (int i = use.openParen() + 1; i < close; i++) {
            int type = body.get(i).getType();
            if (type == HeaderLexer.LPAREN) {
                depth++;
            } else if (type == HeaderLexer.RPAREN) {
                depth--;
            } else if (type == HeaderLexer.COMMA && depth == 0) {
                arity++;
            }
        }
        return arity;
    }

    private static MapperMacro describe(Macro m) {
        int arity = 0;
        String separator = "";
        FnUse use = m.functionLike() ? fnUse(m) : null;
        if (use != null) {
            List<PpToken> body = m.body();
            int close = closing(body, use.openParen());
            if (close > 0) {
                arity = fnArity(m, use);
                String fn = m.params().get(use.param());
                int end = close + 1;
                while (end < body.size() && !(body.get(end).getText().equals(fn) && end + 1 < body.size()
                        && body.get(end + 1).getType() == HeaderLexer.LPAREN)) {
                    end++;
                }
                separator = TokenText.of(body.subList(close + 1, end));
            }
        }
        return new MapperMacro(m.name(), m.paramsAsWritten(), arity, separator, m.line(), TokenText.of(m.body()));
    }

    /** {@code __BPF_FUNC_MAPPER(FN)} expanded with an FN that no macro can replace; null if it is not defined. */
    String expansion() {
        Macro m = pp.macros().get(MAPPER);
        if (m == null) {
            return null;
        }
        List<PpToken> call = new ArrayList<>();
        call.add(new PpToken(HeaderLexer.IDENTIFIER, MAPPER, m.line(), 0));
        if (m.functionLike()) {
            call.add(new PpToken(HeaderLexer.LPAREN, "(", m.line(), 0));
            for (int i = 0; i < m.params().size(); i++) {
                if (i > 0) {
                    call.add(new PpToken(HeaderLexer.COMMA, ",", m.line(), 0));
                }
                call.add(symbolicFn(m.line()));
            }
            call.add(new PpToken(HeaderLexer.RPAREN, ")", m.line(), 0));
        }
        try {
            return expander.expandToText(call);
        } catch (UapiguardException e) {
            if (e.reason() == UapiguardException.Reason.LIMIT_EXCEEDED) {
                throw e;
            }
            return null;
        }
    }

    private PpToken symbolicFn(int line) {
        PpToken fn = new PpToken(HeaderLexer.IDENTIFIER, SYMBOLIC_FN, line, 0);
        Integer id = pp.macroIds().get(SYMBOLIC_FN);
        if (id != null) {
            fn.hideSet = HideSet.EMPTY.with(id);
        }
        return fn;
    }

    /**
     * The entries {@code FN(name, id, ...)} of every mapper whose FN takes two or more arguments, the id evaluated,
     * the line that of the entry. Empty for the positional shape.
     */
    public List<Helper> explicitEntries() {
        return explicitEntries(true);
    }

    /**
     * {@link #explicitEntries()} without their lines (each 0), read from an earlier parse's expansion of the mapper
     * when its macros are written the same: a check's candidate rarely changes them, and expanding bpf.h's 211
     * entries again was 2.7 % of a check under load. For comparing ids; a problem to report needs the lines.
     */
    public List<Helper> explicitIds() {
        return explicitEntries(false);
    }

    private List<Helper> explicitEntries(boolean placed) {
        List<Helper> out = new ArrayList<>();
        for (Macro m : mapperMacros()) {
            FnUse use = m.functionLike() ? fnUse(m) : null;
            if (use == null || fnArity(m, use) < 2) {
                continue;
            }
            List<PpToken> call = new ArrayList<>();
            call.add(new PpToken(HeaderLexer.IDENTIFIER, m.name(), m.line(), 0));
            call.add(new PpToken(HeaderLexer.LPAREN, "(", m.line(), 0));
            int fixed = m.variadic() ? m.params().size() - 1 : m.params().size();
            for (int i = 0; i < fixed; i++) {
                if (i > 0) {
                    call.add(new PpToken(HeaderLexer.COMMA, ",", m.line(), 0));
                }
                if (i == use.param()) {
                    call.add(symbolicFn(m.line()));
                }
            }
            call.add(new PpToken(HeaderLexer.RPAREN, ")", m.line(), 0));
            List<Entry> entries;
            try {
                if (placed) {
                    List<PpToken> expanded = new ArrayList<>();
                    expander.expand(call, expanded);
                    entries = entries(expanded, true);
                } else {
                    entries = expander.expandToValue(call, "mapper entries", expanded -> entries(expanded, false));
                }
            } catch (UapiguardException e) {
                if (e.reason() == UapiguardException.Reason.LIMIT_EXCEEDED) {
                    throw e;
                }
                continue;
            }
            for (Entry entry : entries) {
                try {
                    long id = evaluator.evaluate(entry.id(), t -> null, false).value().longValueExact();
                    out.add(new Helper(entry.name(), id, entry.line(), List.of()));
                } catch (ConstantEvaluator.EvalException | ArithmeticException e) {
                    // An entry whose id is not a constant has no id to compare.
                }
            }
        }
        return out;
    }

    /** An entry {@code FN(name, id, ...)}: the name, its line (0: not placed) and the id's tokens. */
    private record Entry(String name, int line, List<PpToken> id) {
    }

    /**
     * The entries of an expansion whose first argument is a single word. {@code placed}: with their lines and their
     * own tokens; otherwise with neither, the id's tokens copies that hold on to nothing of the parse.
     */
    private static List<Entry> entries(List<PpToken> tokens, boolean placed) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).getText().equals(SYMBOLIC_FN) || tokens.get(i + 1).getType() != HeaderLexer.LPAREN) {
                continue;
            }
            int close = closing(tokens, i + 1);
            if (close < 0) {
                break;
            }
            List<List<PpToken>> args = new ArrayList<>();
            List<PpToken> current = new ArrayList<>();
            int depth = 0;
            for (int k = i + 2; k < close; k++) {
                PpToken t = tokens.get(k);
                if (t.getType() == HeaderLexer.LPAREN) {
                    depth++;
                } else if (t.getType() == HeaderLexer.RPAREN) {
                    depth--;
                } else if (t.getType() == HeaderLexer.COMMA && depth == 0) {
                    args.add(current);
                    current = new ArrayList<>();
                    continue;
                }
                current.add(t);
            }
            args.add(current);
            if (args.size() >= 2 && args.get(0).size() == 1 && TokenKinds.isWord(args.get(0).get(0).getType())) {
                PpToken name = args.get(0).get(0);
                out.add(placed ? new Entry(name.getText(), name.getLine(), args.get(1))
                        : new Entry(name.getText(), 0, spelled(args.get(1))));
            }
            i = close;
        }
        return List.copyOf(out);
    }

    /** Tokens of the same types and texts that stand nowhere. */
    private static List<PpToken> spelled(List<PpToken> tokens) {
        List<PpToken> out = new ArrayList<>(tokens.size());
        for (PpToken t : tokens) {
            out.add(new PpToken(t.getType(), t.getText(), 0, 0));
        }
        return List.copyOf(out);
    }
}
