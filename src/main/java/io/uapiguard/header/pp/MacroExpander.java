package io.uapiguard.header.pp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.uapiguard.UapiguardException;
import io.uapiguard.header.lex.HeaderLexer;
import io.uapiguard.header.lex.TokenKinds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Macro expansion by the C rules (C11 6.10.3, with GNU's named variadics and {@code , ##args} comma
 * deletion), using Prosser's hide sets: a token is never expanded by a macro in its hide set, which is how
 * "no re-expansion inside its own expansion" survives rescanning and argument pre-expansion.
 * Every produced token is accounted against the {@link Budget}; nesting is bounded.
 */
public final class MacroExpander {

    /** Stands for an empty argument next to {@code ##} (C11 6.10.3.3p2); never leaves a substitution. */
    private static final int PLACEMARKER = -2;

    /**
     * What {@link #expandToValue} keeps of one expansion: each name it looked up with how the macro it found was
     * written ({@link Written}), the tokens it produced and the deepest nesting it reached (so that a parse with
     * tighter bounds still fails), and what was read from it.
     */
    private record Remembered(Written[] consulted, int produced, int deepest, Object value) {
    }

    /** The last few expansions of one call, and how many times a parse took one of them rather than expanding. */
    private record Known(List<Remembered> recent, AtomicInteger taken) {
    }

    /**
     * By what was read and the call's text: what {@link #expandToValue} keeps of each call it was given, for every
     * parse. Few calls (one per mapper shape and kind) and few of each: a kept macro's tokens hold on to its header's
     * text.
     */
    private static final Cache<String, Known> REMEMBERED = Caffeine.newBuilder().maximumSize(16).build();
    private static final int REMEMBERED_PER_CALL = 4;

    /**
     * A run of the header's text whose expansion is kept across parses: the run as written (each token's type, text
     * and spacing), the macros its expansion looked up, the tokens it accounted and the deepest nesting it reached,
     * and each token of the expansion as it is made again from the run and those macros ({@link Made}).
     */
    private record KeptRun(Spelling run, Written[] consulted, int produced, int deepest, Made[] made) {
    }

    /**
     * Tokens as written, wherever they stand: each one's type, text and the space before it, copied into arrays that
     * are read in order. The tokens of a parse kept for long are a cache miss apiece under load (bpf.h's mapper has
     * some 1,900), so what is kept is compared through these.
     */
    private record Spelling(int[] types, String[] texts, boolean[] spaces) {

        static Spelling of(List<PpToken> tokens) {
            int n = tokens.size();
            Spelling s = new Spelling(new int[n], new String[n], new boolean[n]);
            for (int i = 0; i < n; i++) {
                PpToken t = tokens.get(i);
                s.types[i] = t.getType();
                s.texts[i] = t.getText();
                s.spaces[i] = t.spaceBefore;
            }
            return s;
        }

        boolean spells(List<PpToken> tokens) {
            if (tokens.size() != types.length) {
                return false;
            }
            for (int i = 0; i < types.length; i++) {
                PpToken t = tokens.get(i);
                String text = t.getText();
                if (t.getType() != types[i] || t.spaceBefore != spaces[i] || text != texts[i] && !text.equals(texts[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A name an expansion looked up, and how the macro it found was written: its parameters and body ({@code body}
     * null: no macro of that name).
     */
    private record Written(String name, int hash, boolean functionLike, boolean variadic, List<String> params,
                           Spelling body) {

        /** Each name of {@code lookedUp} with the macro it found (null: none), as written. */
        static Written[] all(Map<String, Macro> lookedUp) {
            Written[] all = new Written[lookedUp.size()];
            int i = 0;
            for (Map.Entry<String, Macro> e : lookedUp.entrySet()) {
                Macro m = e.getValue();
                all[i++] = m == null ? new Written(e.getKey(), e.getKey().hashCode(), false, false, List.of(), null)
                        : new Written(e.getKey(), e.getKey().hashCode(), m.functionLike(), m.variadic(), m.params(),
                                Spelling.of(m.body()));
            }
            return all;
        }

        /** Whether {@code now}, this name's macro in a parse (null: none), is written as this one was, wherever. */
        boolean writes(Macro now) {
            if (body == null || now == null) {
                return body == null && now == null;
            }
            return now.functionLike() == functionLike && now.variadic() == variadic && now.params().equals(params)
                    && body.spells(now.body());
        }
    }

    /**
     * One token of a kept expansion: the run's token {@code runIndex} itself (not -1), or one made again: where its
     * characters stand (token {@code at} of the run, or of the body of the macro {@code atMacro}), whether it was made
     * by the front end ({@code synthetic}: a paste or a stringizing, positioned at that token) rather than copied
     * from it, the run's token whose invocation it stands for ({@code invocation}), and the macros that hide it.
     */
    private record Made(int runIndex, int type, String text, boolean spaceBefore, String atMacro, int at,
                        boolean synthetic, int invocation, String[] hiddenBy) {
    }

    /**
     * Runs whose expansion produced at least this many tokens more than they hold are kept: bpf.h's helper enum,
     * where the mapper's 211 entries expand, was two-thirds of a parse's expansion.
     */
    static final int KEPT_RUN_GROWTH = 256;
    private static final int KEPT_RUNS = 8;
    /** The kept runs, the newest first; replaced whole, never changed in place. */
    private static volatile List<KeptRun> keptRuns = List.of();
    /** How many times a parse made a kept run's expansion again rather than expanding it (tests read it). */
    static final AtomicInteger RUNS_REMADE = new AtomicInteger();

    /** False: this expander neither takes a kept run nor keeps one (tests: a parse with nothing kept). */
    boolean keepsRuns = true;
    /** How many runs this expander made again from kept ones. */
    int runsRemade;

    private final MacroTable macros;
    private final Budget budget;
    private final String file;
    /** While {@link #expandToText} expands: every name looked up, with what it found. */
    private Map<String, Macro> consulted;
    /** While {@link #expandToText} expands: the deepest nesting reached. */
    private int deepest;

    MacroExpander(MacroTable macros, Budget budget, String file) {
        this.macros = macros;
        this.budget = budget;
        this.file = file;
    }

    /** Appends the full expansion of {@code input} to {@code out}. */
    public void expand(List<PpToken> input, List<PpToken> out) {
        expand(input, out, 0);
    }

    /**
     * {@link #expand(List, List)} of a run of the header's text (the tokens between two directives), whose expansion
     * is taken from an earlier parse's when it is written the same (token types, texts and spacing; not where) and the
     * macros it looked up are written the same ({@link Written}): each token is made again where the run's and
     * the macros' tokens stand in this parse, and the tokens expanding it would produce are accounted. The result is
     * the expansion's, field by field. Only runs whose expansion is large are kept (bpf.h's helper enum).
     */
    void expandRun(List<PpToken> run, List<PpToken> out) {
        for (KeptRun k : keptRuns) {
            if (keepsRuns && k.run().spells(run) && k.deepest() <= budget.limits().maxDepth()
                    && budget.fits(k.produced()) && sameMacros(k.consulted())) {
                budget.produced(k.produced(), run.get(0));
                remake(k, run, out);
                RUNS_REMADE.incrementAndGet();
                runsRemade++;
                return;
            }
        }
        int from = out.size();
        int before = budget.used();
        expand(run, out, 0);
        int produced = budget.used() - before;
        // Kept only when expanding it once more (to note what it looked up) stays within the bound on tokens.
        if (keepsRuns && out.size() - from - run.size() >= KEPT_RUN_GROWTH && budget.fits(produced)) {
            keep(run);
        }
    }

    /** The tokens of {@code k}'s expansion, made again from {@code run} and this parse's macros. */
    private void remake(KeptRun k, List<PpToken> run, List<PpToken> out) {
        for (Made m : k.made()) {
            if (m.runIndex() >= 0) {
                out.add(run.get(m.runIndex()));
                continue;
            }
            PpToken at = m.atMacro() == null ? run.get(m.at()) : macros.get(m.atMacro()).body().get(m.at());
            PpToken t;
            if (m.synthetic()) {
                t = PpToken.at(m.type(), m.text(), at);
            } else {
                t = at.copy();
                t.setType(m.type());
                t.setText(m.text());
            }
            HideSet hs = HideSet.EMPTY;
            for (String name : m.hiddenBy()) {
                hs = hs.with(macros.get(name).id());
            }
            t.hideSet = hs;
            t.spaceBefore = m.spaceBefore();
            PpToken invocation = run.get(m.invocation());
            t.expansionLine = invocation.expansionLine;
            t.expansionColumn = invocation.expansionColumn;
            t.expansionFile = invocation.expansionFile;
            t.fromArgument = false;
            out.add(t);
        }
    }

    /**
     * Expands {@code run} once more, noting the macros it looks up, and keeps how to make its expansion again; keeps
     * nothing when a token cannot be placed by a single token of the run or of those macros' bodies, or the run holds
     * tokens hidden from a macro already.
     */
    private void keep(List<PpToken> run) {
        Map<String, Macro> lookedUp = new HashMap<>();
        List<PpToken> out = new ArrayList<>();
        consulted = lookedUp;
        deepest = 0;
        int before = budget.used();
        int produced;
        try {
            expand(run, out, 0);
        } catch (UapiguardException e) {
            return;   // the parse's time ran out while noting: nothing kept, the parse goes on as if not asked
        } finally {
            consulted = null;
            produced = budget.used() - before;
            budget.giveBack(produced);   // this expansion is the front end's own: the run's was accounted
        }
        Made[] made = recipe(run, out, lookedUp);
        if (made == null) {
            return;
        }
        KeptRun k = new KeptRun(Spelling.of(run), Written.all(lookedUp), produced, deepest, made);
        synchronized (MacroExpander.class) {
            List<KeptRun> next = new ArrayList<>(KEPT_RUNS);
            next.add(k);
            for (KeptRun was : keptRuns) {
                if (next.size() < KEPT_RUNS) {
                    next.add(was);
                }
            }
            keptRuns = List.copyOf(next);
        }
    }

    /** How to make each token of {@code out}, {@code run}'s expansion, again; null when one cannot be placed. */
    private static Made[] recipe(List<PpToken> run, List<PpToken> out, Map<String, Macro> lookedUp) {
        Map<PpToken, Integer> inRun = new IdentityHashMap<>();
        Map<List<Object>, Object[]> where = new HashMap<>();
        Object[] ambiguous = new Object[0];
        for (int i = 0; i < run.size(); i++) {
            PpToken t = run.get(i);
            if (t.hideSet != HideSet.EMPTY) {
                return null;
            }
            inRun.put(t, i);
            where.merge(position(t), new Object[] {null, i}, (a, b) -> ambiguous);
        }
        Map<Integer, String> names = new HashMap<>();
        for (Macro m : lookedUp.values()) {
            if (m == null) {
                continue;
            }
            names.put(m.id(), m.name());
            for (int j = 0; j < m.body().size(); j++) {
                where.merge(position(m.body().get(j)), new Object[] {m.name(), j}, (a, b) -> ambiguous);
            }
        }
        Map<List<Object>, Integer> invocations = new HashMap<>();
        for (int i = run.size() - 1; i >= 0; i--) {
            PpToken t = run.get(i);
            invocations.put(List.of(t.expansionLine, t.expansionColumn, String.valueOf(t.expansionFile)), i);
        }
        Made[] made = new Made[out.size()];
        for (int k = 0; k < out.size(); k++) {
            PpToken t = out.get(k);
            Integer own = inRun.get(t);
            if (own != null) {
                made[k] = new Made(own, 0, null, false, null, -1, false, -1, null);
                continue;
            }
            Object[] at = where.get(position(t));
            Integer invocation = invocations.get(
                    List.of(t.expansionLine, t.expansionColumn, String.valueOf(t.expansionFile)));
            if (at == null || at == ambiguous || invocation == null) {
                return null;
            }
            PpToken source = at[0] == null ? run.get((Integer) at[1])
                    : lookedUp.get((String) at[0]).body().get((Integer) at[1]);
            boolean synthetic = t.getInputStream() == null;
            if (!synthetic && (t.getStartIndex() != source.getStartIndex() || t.getStopIndex() != source.getStopIndex()
                    || t.getInputStream() != source.getInputStream())) {
                return null;
            }
            String[] hiddenBy = new String[t.hideSet.size()];
            for (int h = 0; h < hiddenBy.length; h++) {
                hiddenBy[h] = names.get(t.hideSet.get(h));
                if (hiddenBy[h] == null) {
                    return null;
                }
            }
            made[k] = new Made(-1, t.getType(), t.getText(), t.spaceBefore, (String) at[0], (Integer) at[1], synthetic,
                    invocation, hiddenBy);
        }
        return made;
    }

    /** Where a token's characters stand: its file, line and column. */
    private static List<Object> position(PpToken t) {
        return List.of(String.valueOf(t.file), t.getLine(), t.getCharPositionInLine());
    }

    /** Forgets the kept runs (tests: a parse that expands everything). */
    static void forgetRuns() {
        keptRuns = List.of();
    }

    /**
     * The text ({@link TokenText#of}) of the full expansion of {@code call}, a call the front end makes itself rather
     * than one of the header's text (the helper mapper expanded for a symbolic FN): {@link #expandToValue}. bpf.h's
     * mapper has 211 entries: expanding it was 4.5 % of a check's time under load.
     */
    public String expandToText(List<PpToken> call) {
        return expandToValue(call, "text", TokenText::of);
    }

    /**
     * What {@code read} makes of the full expansion of {@code call}, a call the front end makes itself. {@code read}
     * must depend on the expansion's token types, texts and spacing only, not on where they stand, and hold on to none
     * of its tokens; {@code kind} names what it reads, one kind for one {@code read}. Such a value depends on the
     * call's tokens and on the definitions of the names the expansion looks up: it is kept with them, and a parse
     * whose macros of those names are written the same (parameters, body tokens and their spacing) takes the value,
     * accounting the tokens expanding it would produce. A call with a hide set other than its own name's macro is
     * expanded every time.
     */
    @SuppressWarnings("unchecked")
    public <T> T expandToValue(List<PpToken> call, String kind, Function<List<PpToken>, T> read) {
        String key = key(call, macros);
        if (key == null) {
            List<PpToken> out = new ArrayList<>();
            expand(call, out);
            return read.apply(out);
        }
        key = kind + '\n' + key;
        Known known = REMEMBERED.getIfPresent(key);
        if (known != null) {
            for (Remembered r : known.recent()) {
                if (r.deepest() <= budget.limits().maxDepth() && budget.fits(r.produced()) && sameMacros(r.consulted())) {
                    budget.produced(r.produced(), call.get(0));
                    known.taken().incrementAndGet();
                    return (T) r.value();
                }
            }
        }
        Map<String, Macro> lookedUp = new HashMap<>();
        consulted = lookedUp;
        deepest = 0;
        int before = budget.used();
        T value;
        try {
            List<PpToken> out = new ArrayList<>();
            expand(call, out);
            value = read.apply(out);
        } finally {
            consulted = null;
        }
        Remembered made = new Remembered(Written.all(lookedUp), budget.used() - before, deepest, value);
        REMEMBERED.asMap().compute(key, (k, was) -> {
            List<Remembered> next = new ArrayList<>(REMEMBERED_PER_CALL);
            next.add(made);
            if (was != null) {
                next.addAll(was.recent().subList(0, Math.min(was.recent().size(), REMEMBERED_PER_CALL - 1)));
            }
            return new Known(List.copyOf(next), was == null ? new AtomicInteger() : was.taken());
        });
        return value;
    }

    /**
     * What the call's expansion depends on besides the macros it looks up: each token's type, text, spacing and
     * whether its hide set holds the macro of its own name (a symbolic FN that its own macro must not replace). Null
     * for a call whose hide sets hold anything else: ids are a parse's own, so such a call is not remembered.
     */
    private static String key(List<PpToken> call, MacroTable macros) {
        StringBuilder key = new StringBuilder();
        for (PpToken t : call) {
            boolean hidden = t.hideSet != HideSet.EMPTY;
            if (hidden) {
                Macro own = macros.get(t.getText());
                if (own == null || !t.hideSet.isOnly(own.id())) {
                    return null;
                }
            }
            key.append(t.getType()).append(t.spaceBefore ? " +" : " ").append(hidden ? "!" : "").append(t.getText())
                    .append('\n');
        }
        return key.toString();
    }

    /** How many times parses took a kept text of {@code call} (without hide sets) rather than expanding it. */
    static int timesTaken(List<PpToken> call) {
        return timesTaken(call, "text");
    }

    /** How many times parses took a kept {@code kind} of {@code call} (without hide sets) rather than expanding it. */
    static int timesTaken(List<PpToken> call, String kind) {
        String key = key(call, new MacroTable());
        Known known = key == null ? null : REMEMBERED.getIfPresent(kind + '\n' + key);
        return known == null ? 0 : known.taken().get();
    }

    /**
     * Whether each name of {@code consulted} names, here, a macro written as then (or none); a name that was no macro
     * and that the table's filter turns away is not looked up.
     */
    private boolean sameMacros(Written[] consulted) {
        for (Written w : consulted) {
            Macro now = w.body() != null || macros.mayHold(w.hash()) ? macros.get(w.name()) : null;
            if (!w.writes(now)) {
                return false;
            }
        }
        return true;
    }

    private void expand(List<PpToken> input, List<PpToken> out, int depth) {
        Input in = new Input(input);
        PpToken t;
        while ((t = in.next()) != null) {
            Macro m = TokenKinds.isWord(t.getType()) ? macros.get(t.getText()) : null;
            if (consulted != null && TokenKinds.isWord(t.getType())) {
                consulted.putIfAbsent(t.getText(), m);
            }
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
                        checkDepth(depth + 1, invocation);
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

    private void checkDepth(int depth, PpToken invocation) {
        deepest = Math.max(deepest, depth);
        budget.checkDepth(depth, "macro expansion", invocation);
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
            checkDepth(lists.size(), invocation);
            if (lists.size() == positions.length) {
                positions = java.util.Arrays.copyOf(positions, positions.length * 2);
            }
            positions[lists.size()] = 0;
            lists.add(tokens);
        }
    }
}
