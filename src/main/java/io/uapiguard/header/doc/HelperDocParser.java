package io.uapiguard.header.doc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.uapiguard.header.lex.LineStarts;
import io.uapiguard.header.lex.TextChange;
import io.uapiguard.header.lex.TextSearch;
import io.uapiguard.header.lex.WordTable;
import io.uapiguard.model.CTypes;
import io.uapiguard.model.HelperDoc;
import io.uapiguard.model.Param;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Extracts the documented helper signatures from the header's helper description comment.
 *
 * <p>The comment starts at the line holding {@value #START_MARKER} and ends at the first {@code *}{@code /}.
 * Inside it, descriptions are indented (a tab or spaces after {@code " * "}); a <em>signature candidate</em> is a
 * line {@code " * "} followed directly by a non-blank character, holding a {@code (} (so the bare section keywords
 * {@code Description} / {@code Return}, which the header sometimes fails to indent, are not). A candidate parses as
 * {@code <return type> <name>(<params>)}, each parameter {@code <type> <name>}, a bare type ({@code u64},
 * {@code unsigned long}, {@code struct sk_buff *}: name null), or {@code ...};
 * {@code (void)} and {@code ()} give no parameters. A candidate that does not parse is not dropped: {@link #scan}
 * returns it as {@link Malformed}, and {@link Consistency} reports it as {@code helper-doc-malformed}.
 *
 * <p>One linear pass, no regular expressions. Thread-safe (stateless).
 */
public final class HelperDocParser {

    /** The line that opens the helper documentation in bpf.h. */
    public static final String START_MARKER = "Start of BPF helper function descriptions:";

    /** The prefix that documented function names carry and {@code BPF_FUNC_} names do not. */
    public static final String FUNCTION_PREFIX = "bpf_";

    /** Words that end a type, never name a parameter: {@code unsigned long} is a type without a name. */
    private static final Set<String> TYPE_KEYWORDS = Set.of("void", "char", "short", "int", "long", "float", "double",
            "signed", "unsigned", "_Bool", "const", "volatile");
    private static final Set<String> TAGS_AND_QUALIFIERS = Set.of("struct", "union", "enum", "const", "volatile");
    /** Signature words are interned as the lexer's are: the same few hundred recur in every revision. */
    private static final WordTable WORDS = WordTable.shared();
    /**
     * Signatures read before, by their text: nearly every one recurs in the next revision and in every check's
     * candidate. The doc (at line 0) or why the signature is malformed.
     */
    private static final Cache<String, Object> SIGNATURES = Caffeine.newBuilder().maximumSize(8192).build();
    /**
     * The scans of the last few texts that an edit was scanned against (a check's bases), by identity of the text:
     * a check's candidate takes the signatures of the lines its change left alone from its base's scan.
     */
    private static final Cache<String, Scanned> BASES = Caffeine.newBuilder().weakKeys().maximumSize(4).build();

    /**
     * A text's scan, where its comment's marker, the marker's line end and the comment's end are (-1 when absent), and
     * its line starts (null without a marker).
     */
    private record Scanned(Result result, int marker, int markerEnd, int close, LineStarts lines) {
    }

    /** A signature candidate that did not parse: its 1-based line, its text after {@code " * "}, and why. */
    public record Malformed(int line, String text, String reason) {
    }

    /** Everything found in the helper comment: parsed signatures and malformed candidates, each in line order. */
    public record Result(List<HelperDoc> docs, List<Malformed> malformed) {

        public Result {
            docs = List.copyOf(docs);
            malformed = List.copyOf(malformed);
        }
    }

    /** Every documented signature in {@code headerText}, in order, with 1-based lines. */
    public List<HelperDoc> parse(String headerText) {
        return scan(headerText).docs();
    }

    /** Signatures and malformed candidates; both empty when the header has no helper comment. */
    public Result scan(String headerText) {
        return scan(headerText.toCharArray(), headerText);
    }

    /** {@link #scan(String)} of a header's characters. */
    public Result scan(char[] text) {
        return scan(text, new String(text));
    }

    /**
     * {@link #scan(String)} of a header's characters, {@code string} the same as a String. The lines of the comment
     * that holds the marker, after the marker's line, each read if it may hold a signature; the line that closes the
     * comment holds none. Lines and the comment's end are found by {@link TextSearch}.
     */
    public Result scan(char[] text, String string) {
        List<HelperDoc> docs = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        int marker = TextSearch.indexOf(string, START_MARKER, 0);
        if (marker < 0) {
            return new Result(docs, malformed);
        }
        int close = TextSearch.commentClose(string, marker);
        int end = lineEnd(string, marker);
        int line = 1 + TextSearch.lineEnds(string, 0, marker);
        while (close < 0 || end < close) {
            int start = end + 1;
            if (start > text.length) {
                break;
            }
            line++;
            end = lineEnd(string, start);
            if (close >= 0 && close < end) {
                break;   // the line that closes the comment holds no signature
            }
            candidate(text, start, end, line, docs, malformed);
        }
        return new Result(docs, malformed);
    }

    /**
     * {@link #scan(char[], String)} of an edit of {@code base} (a check's candidate): the signatures of the lines the
     * change left alone are the base's, moved to their lines, and only the lines of the change's hunks are read, as
     * long as the comment's marker line and end stand where the base's did; else the whole comment is read. The
     * base's scan is kept for the next edit of it.
     */
    public Result scan(char[] text, String string, String base) {
        if (base == null || base == string) {
            return scan(text, string);
        }
        Scanned was = BASES.get(base, HelperDocParser::scanned);
        Result edited = was.marker() < 0 ? null : edited(text, string, was, TextChange.between(base, string));
        return edited != null ? edited : scan(text, string);
    }

    /** The base's scan; without a helper comment (most UAPI headers), no more than that it has none. */
    private static Scanned scanned(String base) {
        int marker = TextSearch.indexOf(base, START_MARKER, 0);
        if (marker < 0) {
            return new Scanned(new Result(List.of(), List.of()), -1, -1, -1, null);
        }
        return new Scanned(new HelperDocParser().scan(base.toCharArray(), base), marker, lineEnd(base, marker),
                TextSearch.commentClose(base, marker), LineStarts.kept(base));
    }

    /** The edit's scan from the base's, null when the comment's marker line or end moved otherwise than its text. */
    private static Result edited(char[] text, String string, Scanned was, TextChange change) {
        int marker = TextSearch.indexOf(string, START_MARKER, 0);
        if (marker < 0) {
            return null;
        }
        int markerEnd = lineEnd(string, marker);
        int close = TextSearch.commentClose(string, marker);
        if (change.moved(was.marker()) != marker || change.moved(was.markerEnd()) != markerEnd
                || (was.close() < 0 ? close >= 0 : change.moved(was.close()) != close)) {
            return null;
        }
        List<HelperDoc> docs = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        // The base's signatures on lines the change left alone (the newline before and after each unchanged).
        for (HelperDoc doc : was.result().docs()) {
            int shift = lineShift(change, was.lines(), doc.line());
            if (shift != Integer.MIN_VALUE) {
                docs.add(shift == 0 ? doc : new HelperDoc(doc.line() + shift, doc.returnType(), doc.function(),
                        doc.params()));
            }
        }
        for (Malformed m : was.result().malformed()) {
            int shift = lineShift(change, was.lines(), m.line());
            if (shift != Integer.MIN_VALUE) {
                malformed.add(shift == 0 ? m : new Malformed(m.line() + shift, m.text(), m.reason()));
            }
        }
        // The lines of each hunk's new text, from the line its start is on to the line that starts where it ends.
        int next = 0;   // where the lines read so far end
        for (int i = 0; i < change.size(); i++) {
            int start = change.newFrom(i) == 0 ? 0 : string.lastIndexOf('\n', change.newFrom(i) - 1) + 1;
            int line = was.lines().lineOf(change.oldFrom(i)) + change.linesBefore(i);
            for (; start <= change.newTo(i) && start <= text.length; line++) {
                int end = lineEnd(string, start);
                if (start >= next && start > markerEnd && (close < 0 || end < close)) {
                    candidate(text, start, end, line, docs, malformed);
                }
                next = Math.max(next, end + 1);
                start = end + 1;
            }
        }
        docs.sort(Comparator.comparingInt(HelperDoc::line));
        malformed.sort(Comparator.comparingInt(Malformed::line));
        return new Result(docs, malformed);
    }

    /**
     * How far the base's line {@code line} moved in the edit when the change left it alone, the newline before it
     * included (so that it starts a line of the edit where it did); Integer.MIN_VALUE when a hunk touched it, or its
     * newline before or after. Its end comes from the base's index: the base's text, long promoted, is not read.
     */
    private static int lineShift(TextChange change, LineStarts base, int line) {
        int start = base.start(line);
        int i = start < 0 ? -1 : change.stretchOf(start);
        if (i < 0 || (i > 0 && start == change.stretchStart(i)) || change.stretchOf(base.end(line)) != i) {
            return Integer.MIN_VALUE;
        }
        return change.linesBefore(i);
    }

    /** The index of the line end at or after {@code from}, the text's length on the last line. */
    private static int lineEnd(String text, int from) {
        int i = text.indexOf('\n', from);
        return i < 0 ? text.length() : i;
    }

    /** Parses the line [start, end) if it is a signature candidate. */
    private static void candidate(char[] text, int start, int end, int line, List<HelperDoc> docs,
                                  List<Malformed> malformed) {
        int stop = end > start && text[end - 1] == '\r' ? end - 1 : end;
        if (isCandidate(text, start, stop)) {
            String signature = new String(text, start + 3, stop - start - 3);
            Object parsed = SIGNATURES.get(signature, HelperDocParser::parsed);
            if (parsed instanceof HelperDoc doc) {
                docs.add(new HelperDoc(line, doc.returnType(), doc.function(), doc.params()));
            } else {
                malformed.add(new Malformed(line, signature.strip(), (String) parsed));
            }
        }
    }

    /** The signature's doc (at line 0), or why it is malformed. */
    private static Object parsed(String signature) {
        try {
            return parseSignature(signature, 0);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * The {@code BPF_FUNC_} names a documented function may stand for, most likely first: {@code bpf_map_lookup_elem}
     * → [{@code map_lookup_elem}, {@code bpf_map_lookup_elem}]. Both occur: some revisions document
     * {@code get_local_storage} without the prefix, others list {@code FN(bpf_per_cpu_ptr)} with it. A doc belongs
     * to the first candidate that the enum holds.
     */
    public static List<String> helperCandidates(String function) {
        return function.startsWith(FUNCTION_PREFIX) && function.length() > FUNCTION_PREFIX.length()
                ? List.of(function.substring(FUNCTION_PREFIX.length()), function)
                : List.of(function);
    }

    private static boolean isCandidate(char[] s, int start, int stop) {
        if (stop - start < 4 || s[start] != ' ' || s[start + 1] != '*' || s[start + 2] != ' ') {
            return false;
        }
        char first = s[start + 3];
        if (first == ' ' || first == '\t') {
            return false;
        }
        int paren = start + 3;
        while (paren < stop && s[paren] != '(') {
            paren++;
        }
        return paren < stop;
    }

    /** Parses {@code <ret> <name>(<params>)}; throws IllegalArgumentException saying what was expected. */
    static HelperDoc parseSignature(String text, int line) {
        return parseSignature(text.toCharArray(), 0, text.length(), line);
    }

    /** {@link #parseSignature(String, int)} of the characters {@code s[start, end)}. */
    private static HelperDoc parseSignature(char[] s, int start, int end, int line) {
        List<String> tokens = tokenize(s, start, end);
        int open = tokens.indexOf("(");
        if (open < 2) {
            throw new IllegalArgumentException("expected a return type and a function name before '('");
        }
        String function = tokens.get(open - 1);
        if (!isIdentifier(function)) {
            throw new IllegalArgumentException("expected a function name before '(', found '" + function + "'");
        }
        String returnType = typeOf(tokens, 0, open - 1, 0);
        if (!")".equals(tokens.get(tokens.size() - 1))) {
            throw new IllegalArgumentException("expected the signature to end with ')'");
        }
        int close = tokens.size() - 1;
        List<Param> params = new ArrayList<>();
        boolean voidOnly = close - open == 2 && "void".equals(tokens.get(open + 1));
        if (close > open + 1 && !voidOnly) {
            int from = open + 1;
            for (int i = open + 1; i <= close; i++) {
                String t = tokens.get(i);
                if (i < close && !",".equals(t)) {
                    if ("(".equals(t) || ")".equals(t)) {
                        throw new IllegalArgumentException("unexpected '" + t + "' in parameter " + (params.size() + 1));
                    }
                    continue;
                }
                params.add(param(tokens, from, i, params.size() + 1));
                if ("...".equals(params.get(params.size() - 1).type()) && i < close) {
                    throw new IllegalArgumentException("'...' must be the last parameter");
                }
                from = i + 1;
            }
        }
        return new HelperDoc(line, returnType, function, params);
    }

    private static Param param(List<String> tokens, int from, int to, int index) {
        if (to == from) {
            throw new IllegalArgumentException("parameter " + index + " is empty");
        }
        if (to - from == 1 && "...".equals(tokens.get(from))) {
            return new Param("...", null);
        }
        String last = tokens.get(to - 1);
        if (to - from >= 2 && isIdentifier(last) && !TYPE_KEYWORDS.contains(last) && !onlyTagOrQualifier(tokens, from,
                to - 1)) {
            return new Param(typeOf(tokens, from, to - 1, index), last);
        }
        return new Param(typeOf(tokens, from, to, index), null);
    }

    /** {@code struct}, {@code const}, ...: words that cannot be a whole type, so the word after them is no name. */
    private static boolean onlyTagOrQualifier(List<String> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!TAGS_AND_QUALIFIERS.contains(tokens.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The type written in tokens [from, to) (words and {@code *} only), spelled as the model spells types: the
     * return type when {@code param} is 0, else that parameter's.
     */
    private static String typeOf(List<String> tokens, int from, int to, int param) {
        if (to - from == 1 && isIdentifier(tokens.get(from))) {
            return tokens.get(from);   // u64, int: most types are one word
        }
        boolean word = false;
        for (int i = from; i < to; i++) {
            String t = tokens.get(i);
            if (!"*".equals(t) && !isIdentifier(t)) {
                throw new IllegalArgumentException("unexpected '" + t + "' in " + what(param));
            }
            word |= isIdentifier(t);
        }
        if (!word) {
            throw new IllegalArgumentException("expected a " + what(param));
        }
        return CTypes.join(tokens.subList(from, to));
    }

    /** Built only for an error: a signature has hundreds of parameters to name otherwise. */
    private static String what(int param) {
        return param == 0 ? "return type" : "type of parameter " + param;
    }

    private static boolean isIdentifier(String t) {
        char c = t.charAt(0);
        return CTypes.isWordChar(c) && !(c >= '0' && c <= '9');
    }

    /** The words (interned: signatures repeat across revisions) and punctuation of {@code s[from, to)}. */
    private static List<String> tokenize(char[] s, int from, int to) {
        List<String> tokens = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = s[i];
            if (c == ' ' || c == '\t') {
                i++;
            } else if (CTypes.isWordChar(c)) {
                int start = i;
                int hash = 0;
                while (i < to && CTypes.isWordChar(s[i])) {
                    hash = 31 * hash + s[i];
                    i++;
                }
                tokens.add(WORDS.text(s, start, i - start, hash));
            } else if (c == '*' || c == '(' || c == ')' || c == ',') {
                tokens.add(c == '*' ? "*" : c == '(' ? "(" : c == ')' ? ")" : ",");
                i++;
            } else if (c == '.' && i + 2 < to && s[i + 1] == '.' && s[i + 2] == '.') {
                tokens.add("...");
                i += 3;
            } else {
                throw new IllegalArgumentException("unexpected character '" + c + "' at column " + (i - from + 4));
            }
        }
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("empty signature");
        }
        return tokens;
    }
}
