package io.uapiguard.header.pp;

import io.uapiguard.UapiguardException;
import io.uapiguard.header.lex.HeaderLexer;
import io.uapiguard.header.lex.TokenKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Macro expansion by the C rules (C11 6.10.3, with GNU's named variadics and {@code , ##args} comma
 * deletion), using Prosser's hide sets: a token is never expanded by a macro in its hide set, which is how
 * "no re-expansion inside its own expansion" survives rescanning and argument pre-expansion.
 * Every produced token is accounted against the {@link Budget}; nesting is bounded.
 */
public final class MacroExpander {

    /** Stands for an empty argument next to {@code ##} (C11 6.10.3.3p2); never leaves a substitution. */
    private static final int PLACEMARKER = -2;

    private final Map<String, Macro> macros;
    private final Budget budget;
    private final String file;

    MacroExpander(Map<String, Macro> macros, Budget budget, String file) {
        this.macros = macros;
        this.budget = budget;
        this.file = file;
    }

    /** Appends the full expansion of {@code input} to {@code out}. */
    public void expand(List<PpToken> input, List<PpToken> out) {
        expand(input, out, 0);
    }

    private void expand(List<PpToken> input, List<PpToken> out, int depth) {
        Input in = new Input(input);
        PpToken t;
        while ((t = in.next()) != null) {
            Macro m = TokenKinds.isWord(t.getType()) ? macros.get(t.getText()) : null;
            if (m == null || t.hideSet.contains(m.id())) {
                out.add(t);
                continue;
            }
            if (!m.functionLike()) {
                in.push(substitute(m, t, null, t.hideSet.with(m.id()), depth), t);
                continue;
            }
            PpToken next = in.peek();
            if (next == null || next.getType() != HeaderLexer.LPAREN) {
                out.add(t);
                continue;
            }
            in.next();
            List<List<PpToken>> args = new ArrayList<>();
            PpToken rparen = collectArguments(in, m, t, args);
            HideSet hs = t.hideSet.intersect(rparen.hideSet).with(m.id());
            in.push(substitute(m, t, args, hs, depth), t);
        }
    }

    private PpToken collectArguments(Input in, Macro m, PpToken name, List<List<PpToken>> args) {
        int params = m.params().size();
        List<PpToken> current = new ArrayList<>();
        int nesting = 0;
        while (true) {
            PpToken t = in.next();
            if (t == null) {
                throw error("unterminated argument list invoking macro '" + m.name() + "'", name);
            }
            int type = t.getType();
            if (type == HeaderLexer.LPAREN) {
                nesting++;
            } else if (type == HeaderLexer.RPAREN) {
                if (nesting == 0) {
                    args.add(current);
                    break;
                }
                nesting--;
            } else if (type == HeaderLexer.COMMA && nesting == 0
                    && !(m.variadic() && args.size() == params - 1)) {
                args.add(current);
                current = new ArrayList<>();
                continue;
            }
            current.add(t);
        }
        PpToken rparen = in.lastTaken;
        if (params == 0 && args.size() == 1 && args.get(0).isEmpty()) {
            args.clear();
        } else if (m.variadic() && args.size() == params - 1) {
            args.add(new ArrayList<>());
        }
        if (args.size() != params) {
            throw error("macro '" + m.name() + "' " + (args.size() < params
                    ? "requires " + params + " arguments, but only " + args.size() + " given"
                    : "passed " + args.size() + " arguments, but takes just " + params), name);
        }
        return rparen;
    }

    /** The replacement list of {@code m} for one invocation, hide set {@code hs} added to every token. */
    /**
     * {@code ## rightToken} in {@code m}'s body: pastes the token (or the first of the argument it names) onto the
     * last one of {@code out}; a placemarker or nothing before it is replaced. GNU's {@code , ## args} drops the
     * comma when the variable arguments are empty, and pastes nothing otherwise.
     */
    private void pasteOnto(List<PpToken> out, Macro m, List<List<PpToken>> args, PpToken rightToken) {
        int p = args == null ? -1 : m.paramIndex(rightToken.getText());
        PpToken left = out.isEmpty() ? null : out.get(out.size() - 1);
        if (p >= 0 && m.variadic() && p == m.params().size() - 1 && left != null
                && left.getType() == HeaderLexer.COMMA && !left.fromArgument) {
            List<PpToken> va = args.get(p);
            if (va.isEmpty()) {
                out.remove(out.size() - 1);
            } else {
                appendArgument(out, va, rightToken);
            }
            return;
        }
        List<PpToken> right;
        if (p >= 0) {
            right = new ArrayList<>();
            appendArgument(right, args.get(p), rightToken);
        } else {
            PpToken c = rightToken.copy();
            c.fromArgument = false;
            right = List.of(c);
        }
        if (right.isEmpty()) {
            return;
        }
        if (left == null || left.getType() == PLACEMARKER) {
            if (left != null) {
                out.remove(out.size() - 1);
            }
            out.addAll(right);
        } else {
            out.set(out.size() - 1, paste(left, right.get(0)));
            out.addAll(right.subList(1, right.size()));
        }
    }

    private List<PpToken> substitute(Macro m, PpToken invocation, List<List<PpToken>> args, HideSet hs, int depth) {
        List<PpToken> body = m.body();
        int n = body.size();
        List<PpToken> out = new ArrayList<>(n + 8);
        List<PpToken>[] expanded = null;
        boolean placemarkers = false;
        for (int i = 0; i < n; i++) {
            PpToken b = body.get(i);
            int type = b.getType();
            if (args != null && type == HeaderLexer.HASH && i + 1 < n && m.paramIndex(body.get(i + 1).getText()) >= 0) {
                PpToken s = stringize(args.get(m.paramIndex(body.get(++i).getText())), b);
                s.spaceBefore = b.spaceBefore;
                out.add(s);
                continue;
            }
            if (type == HeaderLexer.HASHHASH && i + 1 < n) {
                pasteOnto(out, m, args, body.get(++i));
                continue;
            }
            int p = args == null || !TokenKinds.isWord(type) ? -1 : m.paramIndex(b.getText());
            if (p >= 0) {
                boolean beforePaste = i + 1 < n && body.get(i + 1).getType() == HeaderLexer.HASHHASH;
                List<PpToken> source;
                if (beforePaste) {
                    source = args.get(p);
                    if (source.isEmpty()) {
                        out.add(PpToken.at(PLACEMARKER, "", b));
                        placemarkers = true;
                        continue;
                    }
                } else {
                    if (expanded == null) {
                        @SuppressWarnings("unchecked")
                        List<PpToken>[] fresh = new List[m.params().size()];
                        expanded = fresh;
                    }
                    if (expanded[p] == null) {
                        budget.checkDepth(depth + 1, "macro expansion", invocation);
                        List<PpToken> e = new ArrayList<>();
                        expand(args.get(p), e, depth + 1);
                        expanded[p] = e;
                    }
                    source = expanded[p];
                }
                appendArgument(out, source, b);
                continue;
            }
            PpToken c = b.copy();
            c.fromArgument = false;
            out.add(c);
        }
        if (placemarkers) {
            out.removeIf(t -> t.getType() == PLACEMARKER);
        }
        for (PpToken t : out) {
            t.hideSet = t.hideSet.union(hs);
            t.expansionLine = invocation.expansionLine;
            t.expansionColumn = invocation.expansionColumn;
            t.expansionFile = invocation.expansionFile;
            t.fromArgument = false;
        }
        if (!out.isEmpty()) {
            out.get(0).spaceBefore = invocation.spaceBefore;
        }
        budget.produced(out.size(), invocation);
        return out;
    }

    private static void appendArgument(List<PpToken> out, List<PpToken> arg, PpToken param) {
        for (int k = 0; k < arg.size(); k++) {
            PpToken c = arg.get(k).copy();
            c.fromArgument = true;
            if (k == 0) {
                c.spaceBefore = param.spaceBefore;
            }
            out.add(c);
        }
    }

    /**
     * {@code left ## right}: one token whose text is both texts. It stands where the operand that came from a
     * macro argument was written (the instance rather than the pattern), else where the left one was.
     */
    private PpToken paste(PpToken left, PpToken right) {
        String text = left.getText() + right.getText();
        int type = TokenKinds.typeOf(text);
        if (type < 0) {
            throw error("pasting \"" + left.getText() + "\" and \"" + right.getText()
                    + "\" does not give a valid preprocessing token", left);
        }
        PpToken at = right.fromArgument && !left.fromArgument ? right : left;
        PpToken t = PpToken.at(type, text, at);
        t.hideSet = left.hideSet.intersect(right.hideSet);
        t.spaceBefore = left.spaceBefore;
        t.fromArgument = left.fromArgument || right.fromArgument;
        return t;
    }

    /** {@code #arg}: a string literal of the argument's spelling, one space wherever it had whitespace. */
    private static PpToken stringize(List<PpToken> arg, PpToken hash) {
        StringBuilder sb = new StringBuilder("\"");
        for (int k = 0; k < arg.size(); k++) {
            PpToken t = arg.get(k);
            if (k > 0 && t.spaceBefore) {
                sb.append(' ');
            }
            String s = t.getText();
            boolean literal = t.getType() == HeaderLexer.STRING || t.getType() == HeaderLexer.CHAR_CONST;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (literal && (c == '"' || c == '\\')) {
                    sb.append('\\');
                }
                sb.append(c);
            }
        }
        sb.append('"');
        return PpToken.at(HeaderLexer.STRING, sb.toString(), hash);
    }

    /** Reported where the file's text invokes the expansion that failed (GCC's "in expansion of macro"). */
    private UapiguardException error(String message, PpToken at) {
        return new UapiguardException(UapiguardException.Reason.PARSE_ERROR, message,
                at.expansionFile != null ? at.expansionFile : file, at.expansionLine, at.expansionColumn + 1, null);
    }

    /** The rest of the input: a stack of token lists, an expansion pushed in front of what follows it. */
    private final class Input {
        private final List<List<PpToken>> lists = new ArrayList<>();
        private int[] positions = new int[8];
        PpToken lastTaken;

        Input(List<PpToken> first) {
            lists.add(first);
        }

        PpToken next() {
            for (int top = lists.size() - 1; top >= 0; top--) {
                List<PpToken> l = lists.get(top);
                if (positions[top] < l.size()) {
                    lastTaken = l.get(positions[top]++);
                    return lastTaken;
                }
                if (top > 0) {
                    lists.remove(top);
                }
            }
            return null;
        }

        PpToken peek() {
            for (int top = lists.size() - 1; top >= 0; top--) {
                List<PpToken> l = lists.get(top);
                if (positions[top] < l.size()) {
                    return l.get(positions[top]);
                }
            }
            return null;
        }

        void push(List<PpToken> tokens, PpToken invocation) {
            int top = lists.size() - 1;
            while (top > 0 && positions[top] >= lists.get(top).size()) {
                lists.remove(top--);
            }
            if (tokens.isEmpty()) {
                return;
            }
            budget.checkDepth(lists.size(), "macro expansion", invocation);
            if (lists.size() == positions.length) {
                positions = java.util.Arrays.copyOf(positions, positions.length * 2);
            }
            positions[lists.size()] = 0;
            lists.add(tokens);
        }
    }
}
