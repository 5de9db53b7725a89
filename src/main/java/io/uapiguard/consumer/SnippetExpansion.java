package io.uapiguard.consumer;

import io.uapiguard.UapiguardException;
import io.uapiguard.header.pp.Budget;
import io.uapiguard.header.pp.Limits;
import io.uapiguard.header.pp.PpToken;
import io.uapiguard.header.pp.Preprocessor;
import io.uapiguard.model.Abi;
import io.uapiguard.model.MapperMacro;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A C snippet's expansion after a header's mapper macros, as the tool's own preprocessor makes it ({@link #whole}),
 * and the same made entry by entry ({@link #byEntries}), which a history walk can afford on every distinct mapper.
 *
 * <p>A snippet of the usual shape — its {@code #define}s, then text with one {@code __BPF_FUNC_MAPPER(X)} — expands
 * to: the text before the call, then for each entry of the mapper {@code X(args)} expanded and the separator
 * between entries, then the text after. Entry by entry gives the same tokens when nothing can tie an entry to its
 * neighbours, which is checked, else the snippet is expanded whole: the mapper's entries are those of the model's
 * expansion of {@code __BPF_FUNC_MAPPER} for a symbolic FN, when the mapper macros alone list the same words;
 * the snippet's macros name no mapper macro, no identifier of the mapper bodies nor any entry's argument (so the
 * tokens an entry is made of, and what the mapper macros hide, cannot meet them); the text after the call does not
 * begin with {@code (} (nor does the next entry: each begins with X), so no function-like name that an entry's
 * expansion ends with takes arguments from beyond it; the call is inside no parentheses (no macro's argument); each
 * entry passes one word (no spacing for {@code #} to see). What each entry expands to is kept, per snippet, across
 * mappers. {@code ConsumerCorpusTest} checks that both ways give the same tokens on every revision of the corpus.
 */
final class SnippetExpansion {

    static final Limits LIMITS = new Limits(1024 * 1024, 200, 200_000, Duration.ofSeconds(1));
    private static final String MAPPER = "__BPF_FUNC_MAPPER";
    /** The FN the model's expansion of the mapper was made with (see header.doc.MapperReader). */
    private static final String SYMBOLIC_FN = "FN";
    private static final String CUT = "__uapiguard_cut__";
    private static final Pattern DEFINE = Pattern.compile("(?m)^\\s*#\\s*define\\s+([A-Za-z_][A-Za-z_0-9]*)");
    private static final Pattern CALL = Pattern.compile("__BPF_FUNC_MAPPER\\s*\\(\\s*([A-Za-z_][A-Za-z_0-9]*)\\s*\\)");

    /** The tokens of the snippet's lines, or the problem that stopped the preprocessor. */
    record Result(List<String> tokens, String problem) {
    }

    private final Consumer consumer;
    /** The snippet cut around its call: directives, text before, X, text after; null when it is not of that shape. */
    private final String directives;
    private final String before;
    private final String fn;
    private final String after;
    private final Set<String> defined = new HashSet<>();
    private List<String> beforeTokens;
    private List<String> afterTokens;
    private final Map<String, List<String>> entries = new HashMap<>();

    SnippetExpansion(Consumer consumer) {
        this.consumer = consumer;
        String text = consumer.snippet().text();
        Matcher d = DEFINE.matcher(text);
        while (d.find()) {
            defined.add(d.group(1));
        }
        // the directives first, then the text with the one call
        int textStart = 0;
        for (String line : text.split("\n", -1)) {
            if (line.strip().startsWith("#") || line.isBlank() || text.substring(0, textStart).endsWith("\\\n")) {
                textStart += line.length() + 1;
            } else {
                break;
            }
        }
        textStart = Math.min(textStart, text.length());
        String rest = text.substring(textStart);
        Matcher call = CALL.matcher(rest);
        boolean fits = textStart > 0 && rest.indexOf('#') < 0 && call.find()
                && !rest.substring(call.end()).contains("BPF_FUNC_MAPPER")
                && !rest.substring(0, call.start()).contains("BPF_FUNC_MAPPER")
                && !text.substring(0, textStart).contains("BPF_FUNC_MAPPER")
                && !rest.substring(call.end()).stripLeading().startsWith("(")
                && balanced(rest.substring(0, call.start()))
                && !defined.contains(SYMBOLIC_FN) && !defined.contains(CUT) && !text.contains(CUT);
        this.directives = fits ? text.substring(0, textStart) : null;
        this.before = fits ? rest.substring(0, call.start()) : null;
        this.fn = fits ? call.group(1) : null;
        this.after = fits ? rest.substring(call.end()) : null;
    }

    /**
     * The snippet after {@code macros}, preprocessed in one piece: every token out of the preprocessor (the
     * definitions give none; a token keeps the line it was written on, which for a pasted or substituted one may be
     * a mapper macro's).
     */
    Result whole(List<MapperMacro> macros) {
        StringBuilder source = definitions(macros);
        source.append(consumer.snippet().text()).append('\n');
        try {
            List<String> tokens = new ArrayList<>();
            for (PpToken t : run(source.toString())) {
                tokens.add(t.getText());
            }
            return new Result(tokens, null);
        } catch (UapiguardException e) {
            if (e.reason() == UapiguardException.Reason.INTERNAL) {
                throw e;
            }
            return new Result(List.of(), "the snippet does not preprocess: " + e.getMessage());
        }
    }

    /** The same tokens as {@link #whole}, made entry by entry where that is sure to give them; else {@code whole}. */
    Result byEntries(List<MapperMacro> macros, String expansion) {
        Entries forwarded = directives == null || expansion == null ? null : fromModel(expansion, macros);
        if (forwarded == null) {
            return whole(macros);
        }
        List<String> args = forwarded.args();
        List<List<String>> separators = forwarded.separators();
        for (String a : args) {
            if (defined.contains(a)) {
                return whole(macros);   // the snippet defines a word an entry is made of
            }
        }
        synchronized (this) {
            try {
                if (beforeTokens == null) {
                    List<List<String>> parts = pieces(before + "\n" + CUT + "\n" + after);
                    if (parts.size() != 2) {
                        return whole(macros);
                    }
                    beforeTokens = parts.get(0);
                    afterTokens = parts.get(1);
                }
                List<String> missing = new ArrayList<>();
                for (String a : args) {
                    if (!entries.containsKey(a) && !missing.contains(a)) {
                        missing.add(a);
                    }
                }
                if (!missing.isEmpty()) {
                    StringBuilder calls = new StringBuilder();
                    for (String a : missing) {
                        calls.append(fn).append('(').append(a).append(")\n").append(CUT).append('\n');
                    }
                    List<List<String>> parts = pieces(calls.toString());
                    if (parts.size() != missing.size() + 1) {
                        return whole(macros);
                    }
                    for (int k = 0; k < missing.size(); k++) {
                        entries.put(missing.get(k), parts.get(k));
                    }
                }
            } catch (UapiguardException e) {
                if (e.reason() == UapiguardException.Reason.INTERNAL) {
                    throw e;
                }
                return whole(macros);   // whole says what the problem is, as it would have
            }
            List<String> out = new ArrayList<>(beforeTokens);
            for (int k = 0; k < args.size(); k++) {
                out.addAll(entries.get(args.get(k)));
                out.addAll(separators.get(k));
            }
            out.addAll(afterTokens);
            return new Result(out, null);
        }
    }

    /**
     * The model's {@code __BPF_FUNC_MAPPER(FN)} for a symbolic FN (the front end's expansion, with the header's
     * macros) as its entries: each word the mapper hands to FN, with what stands between them. Null unless that is
     * what the mapper macros alone give: each entry's word is, in order, the first argument of the entries of the
     * mapper macro that lists them, each entry is one word, and the snippet defines no word the mapper macros use.
     */
    private Entries fromModel(String expansion, List<MapperMacro> macros) {
        for (MapperMacro m : macros) {
            if (defined.contains(m.name())) {
                return null;
            }
            for (String name : defined) {
                if (wordAt(m.body() == null ? "" : m.body(), name, 0) >= 0) {
                    return null;
                }
            }
        }
        return mapperEntries(expansion, macros);
    }

    /**
     * The mapper's entries as FN receives them: each entry's one word, and the tokens between it and the next. The
     * same for every snippet of one model, so made once per expansion.
     */
    record Entries(List<String> args, List<List<String>> separators) {
    }

    /** The last few {@link #mapperEntries} by expansion (the same string for every snippet of one model). */
    private static final Object[][] RECENT = new Object[4][];
    private static int recentNext;

    /**
     * The expansion's entries when each entry's word is, in order, the first argument of the entries of the mapper
     * macro that lists them, each entry is {@code FN(word)} and nothing between entries opens a parenthesis; else
     * null. The same for every snippet: kept for the last few expansions.
     */
    private static Entries mapperEntries(String expansion, List<MapperMacro> macros) {
        synchronized (RECENT) {
            for (Object[] r : RECENT) {
                if (r != null && r[0] == expansion) {
                    return (Entries) r[1];
                }
            }
        }
        List<String> listed = null;
        for (MapperMacro m : macros) {
            String body = m.body() == null ? "" : m.body();
            for (String param : m.params()) {
                List<String> words = new ArrayList<>();
                for (int at = wordAt(body, param, 0); at >= 0; at = wordAt(body, param, at + 1)) {
                    int j = skipBlanks(body, at + param.length());
                    if (j < body.length() && body.charAt(j) == '(') {
                        j = skipBlanks(body, j + 1);
                        int k = j;
                        while (k < body.length() && isWordChar(body.charAt(k))) {
                            k++;
                        }
                        if (k > j) {
                            words.add(body.substring(j, k));
                        }
                    }
                }
                if (listed == null || words.size() > listed.size()) {
                    listed = words;
                }
            }
        }
        List<String> tokens = tokens(expansion);
        List<String> words = new ArrayList<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).equals(SYMBOLIC_FN) && tokens.get(i + 1).equals("(")) {
                words.add(tokens.get(i + 2));
            }
        }
        Entries entries = listed != null && listed.equals(words) ? split(List.copyOf(tokens)) : null;
        synchronized (RECENT) {
            RECENT[recentNext] = new Object[] {expansion, entries};
            recentNext = (recentNext + 1) % RECENT.length;
        }
        return entries;
    }

    /**
     * The entries of the expansion's tokens: {@code FN ( word )} followed by the separator tokens up to the next
     * FN; null when they are not all of that shape (an entry of several tokens: spacing for # to see; a parenthesis
     * between entries).
     */
    private static Entries split(List<String> forwarded) {
        List<String> args = new ArrayList<>();
        List<List<String>> separators = new ArrayList<>();
        int i = 0;
        while (i < forwarded.size()) {
            if (!forwarded.get(i).equals(SYMBOLIC_FN) || i + 1 >= forwarded.size() || !forwarded.get(i + 1).equals("(")) {
                return null;
            }
            int depth = 0;
            int close = -1;
            for (int j = i + 1; j < forwarded.size() && close < 0; j++) {
                String t = forwarded.get(j);
                if (t.equals("(")) {
                    depth++;
                } else if (t.equals(")") && --depth == 0) {
                    close = j;
                }
            }
            if (close != i + 3 || forwarded.get(i + 2).equals(SYMBOLIC_FN)) {
                return null;   // one word per entry, and not FN itself
            }
            args.add(forwarded.get(i + 2));
            int next = close + 1;
            while (next < forwarded.size() && !forwarded.get(next).equals(SYMBOLIC_FN)) {
                if (forwarded.get(next).equals("(")) {
                    return null;
                }
                next++;
            }
            separators.add(forwarded.subList(close + 1, next));
            i = next;
        }
        return new Entries(List.copyOf(args), List.copyOf(separators));
    }

    /** The C tokens of a normalised token text: words, numbers, {@code ##} and single punctuators. */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int j = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (isWordChar(c)) {
                while (j < text.length() && (isWordChar(text.charAt(j)) || (Character.isDigit(c)
                        && text.charAt(j) == '.'))) {
                    j++;
                }
            } else if (c == '#' && j < text.length() && text.charAt(j) == '#') {
                j++;
            }
            out.add(text.substring(i, j));
            i = j;
        }
        return out;
    }

    /** Where {@code word} stands as a whole word in {@code text} from {@code from} on, -1 when it does not. */
    private static int wordAt(String text, String word, int from) {
        for (int at = text.indexOf(word, from); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !isWordChar(text.charAt(at - 1))) && (end == text.length()
                    || !isWordChar(text.charAt(end)))) {
                return at;
            }
        }
        return -1;
    }

    private static int skipBlanks(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isWordChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The snippet's directives and {@code text}, preprocessed: the tokens of {@code text} cut at each CUT. */
    private List<List<String>> pieces(String text) {
        String source = directives + (directives.endsWith("\n") ? "" : "\n");
        List<List<String>> out = new ArrayList<>();
        List<String> piece = new ArrayList<>();
        for (PpToken t : run(source + text + "\n")) {
            if (t.getText().equals(CUT)) {
                out.add(piece);
                piece = new ArrayList<>();
            } else {
                piece.add(t.getText());
            }
        }
        out.add(piece);
        return out;
    }

    /** Whether every '(' of {@code text} is closed in it: the call is no macro's argument. */
    private static boolean balanced(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            }
        }
        return depth == 0;
    }

    private static StringBuilder definitions(List<MapperMacro> macros) {
        StringBuilder source = new StringBuilder();
        for (MapperMacro m : macros) {
            source.append("#define ").append(m.name()).append('(').append(String.join(", ", m.params())).append(") ")
                    .append(m.body() == null ? "" : m.body()).append('\n');
        }
        return source;
    }

    private List<PpToken> run(String source) {
        String who = "consumer " + consumer.name();
        return new Preprocessor(who, new Budget(LIMITS, who), Abi.X86_64).run(source).tokens();
    }
}
