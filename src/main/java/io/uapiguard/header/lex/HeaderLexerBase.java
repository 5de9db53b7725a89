package io.uapiguard.header.lex;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.WritableToken;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.AtomTransition;
import org.antlr.v4.runtime.atn.EpsilonTransition;
import org.antlr.v4.runtime.atn.RuleStartState;
import org.antlr.v4.runtime.atn.RuleStopState;
import org.antlr.v4.runtime.atn.Transition;

/**
 * What {@link HeaderLexer} asks about the characters before the current token, and a shortcut for the token
 * kinds that make up nearly all of bpf.h: block comments (85% of its 286 KB, the helper documentation 60%),
 * blanks, line ends, continuations, line comments, words, numbers and punctuators. Over a
 * {@link SourceCharStream}, these are scanned directly in the default mode instead of one DFA step per character
 * (a fresh process otherwise spends most of its parse filling ANTLR's DFA and interpreting its simulator); every
 * other token is ANTLR's. The off-channel tokens it scans are skipped, {@link #skippedBefore()} saying what went
 * before each token. Each shortcut token is exactly what the grammar's rule produces (tests compare both, through
 * {@link HeaderTokens}, with ANTLR lexing every token of another stream); keywords and punctuators are read from
 * the grammar's own ATN, so the grammar stays the one definition. The front end lexes through {@link HeaderTokens}.
 */
public abstract class HeaderLexerBase extends Lexer {

    /**
     * The default mode's fixed-text rules (keywords, punctuators), text to token type; a holder, as the ATN is
     * the subclass's.
     */
    private static final class Literals {
        static final Map<String, Integer> BY_TEXT = literals(HeaderLexer._ATN);
        /** The punctuators by first character, longest first, as ANTLR's longest match picks them. */
        static final String[][] PUNCTUATORS = punctuators(BY_TEXT);
        /** {@link #PUNCTUATORS}' token types. */
        static final int[][] PUNCTUATOR_TYPES = types(PUNCTUATORS, BY_TEXT);
    }

    /**
     * The text of every word and number lexed in this process, one String per distinct text (bounded, lossy):
     * no copy for a word seen before, and the names that end up in maps hash once and compare by identity.
     */
    private static final WordTable WORDS = WordTable.shared();

    /** {@link #skippedBefore()}: blanks, a comment or a continuation came before the token. */
    static final int SKIPPED_SPACE = 1;
    /** {@link #skippedBefore()}: a line end came before the token. */
    static final int SKIPPED_NEWLINE = 2;

    /** What {@link #shortcut} returns for a token it skipped. */
    private static final Token SKIPPED = new CommonToken(Token.INVALID_TYPE);

    /** The source's characters; null when the input is not a {@link SourceCharStream}: ANTLR then lexes it all. */
    private char[] source;
    /** The source stream, which gives {@link #source} as a String for the JDK's vectorised searches. */
    private final SourceCharStream sourceStream;
    /** {@link #newlineFrom}'s last search: where it began and what it found (-1: no line end after it). */
    private int newlineSearchedFrom = Integer.MAX_VALUE;
    private int nextNewline = -1;
    private int skipped;

    /** The shortcuts work on a {@link SourceCharStream}. */
    protected HeaderLexerBase(CharStream input) {
        super(input);
        this.sourceStream = input instanceof SourceCharStream text ? text : null;
        this.source = sourceStream != null ? sourceStream.chars() : null;
    }

    /** {@link #SKIPPED_SPACE} and {@link #SKIPPED_NEWLINE}: what was skipped before the last token returned. */
    int skippedBefore() {
        return skipped;
    }

    /**
     * The default mode's fixed texts (keywords and punctuators, each spelling of a keyword rule with
     * alternatives) with their token types, read from the grammar's ATN.
     */
    public static Map<String, Integer> literalTypes() {
        return Literals.BY_TEXT;
    }

    /** True when only blanks precede the current token on its line: a '#' there starts a directive. */
    protected boolean atLineStart() {
        int offset = _tokenStartCharIndex - _input.index();
        for (int k = offset - 1; ; k--) {
            int c = _input.LA(k);
            if (c == '\n' || c == IntStream.EOF) {
                return true;
            }
            if (!isBlank((char) c)) {
                return false;
            }
        }
    }

    /**
     * Goes on lexing from {@code offset}, the start of line {@code line}, as if the text before it had just been
     * lexed and had left the lexer in its default mode: only where no token, comment or continuation spans the line
     * end before {@code offset}.
     */
    void restartAt(int offset, int line) {
        _input.seek(offset);
        _mode = DEFAULT_MODE;
        _modeStack.clear();
        _hitEOF = false;
        _token = null;
        setLine(line);
        setCharPositionInLine(0);
        newlineSearchedFrom = Integer.MAX_VALUE;
        nextNewline = -1;
    }

    @Override
    public Token nextToken() {
        skipped = 0;
        while (source != null && _mode == DEFAULT_MODE && !_hitEOF) {
            Token t = shortcut(_input.index());
            if (t == null) {
                break;
            }
            if (t != SKIPPED) {
                return t;
            }
        }
        return super.nextToken();
    }

    /** The token at {@code start} if it is one of the scanned kinds, or null to let ANTLR lex it. */
    private Token shortcut(int start) {
        char[] s = source;
        int n = s.length;
        if (start >= n) {
            return null;
        }
        char c = s[start];
        char next = start + 1 < n ? s[start + 1] : 0;
        int end = start + 1;
        if (c == '/' && next == '*') {
            return blockComment(start);
        }
        if (c == '/' && next == '/') {
            while (end < n && s[end] != '\r' && s[end] != '\n') {
                end++;
            }
            return hidden(HeaderLexer.LINE_COMMENT, start, end, getLine(),
                    getCharPositionInLine() + (end - start));
        }
        if (c == '\n' || c == '\r' && next == '\n') {
            end = c == '\n' ? start + 1 : start + 2;
            while (end < n && (s[end] == ' ' || s[end] == '\t')) {
                end++;
            }
            return hidden(HeaderLexer.NEWLINE, start, end, getLine() + 1,
                    end - start - (c == '\n' ? 1 : 2));
        }
        if (isBlank(c)) {
            while (end < n && isBlank(s[end])) {
                end++;
            }
            return hidden(HeaderLexer.WS, start, end, getLine(),
                    getCharPositionInLine() + (end - start));
        }
        if (c == '\\') {
            while (end < n && (s[end] == ' ' || s[end] == '\t')) {
                end++;
            }
            if (end < n && s[end] == '\r') {
                end++;
            }
            return end < n && s[end] == '\n'
                    ? hidden(HeaderLexer.LINE_CONTINUATION, start, end + 1, getLine() + 1, 0)
                    : null;
        }
        if (isWordStart(c)) {
            int hash = c;
            while (end < n && isWordPart(s[end])) {
                hash = 31 * hash + s[end];
                end++;
            }
            int length = end - start;
            char after = end < n ? s[end] : 0;
            if ((after == '\'' || after == '"') && (length == 1 && (c == 'L' || c == 'u' || c == 'U')
                    || length == 2 && c == 'u' && next == '8')) {
                return null;   // a prefixed character or string literal
            }
            WordTable.Word word = WORDS.word(s, start, length, hash);
            // A word's keyword type is looked up once per table entry, by its interned text.
            Token t = emit(word.kind(HeaderLexerBase::wordType), Token.DEFAULT_CHANNEL, start, end);
            ((WritableToken) t).setText(word.text());
            return t;
        }
        if (c >= '0' && c <= '9') {
            int hash = c;
            while (end < n) {
                char d = s[end];
                if ((d == 'e' || d == 'E' || d == 'p' || d == 'P') && end + 1 < n
                        && (s[end + 1] == '+' || s[end + 1] == '-')) {
                    hash = 31 * (31 * hash + d) + s[end + 1];
                    end += 2;
                } else if (isNumberPart(d)) {
                    hash = 31 * hash + d;
                    end++;
                } else {
                    break;
                }
            }
            Token t = emit(HeaderLexer.NUMBER, Token.DEFAULT_CHANNEL, start, end);
            ((WritableToken) t).setText(WORDS.text(s, start, end - start, hash));
            return t;
        }
        if (c == '#' && next != '#' && blanksBefore(start)) {
            // DIRECTIVE_START, whose predicate keeps ANTLR from caching this DFA edge: each '#' would cost a
            // full ATN simulation.
            Token t = emit(HeaderLexer.DIRECTIVE_START, Token.DEFAULT_CHANNEL, start, start + 1);
            pushMode(HeaderLexer.DIRECTIVE);
            return t;
        }
        // '.5' is a number, quotes open literals: ANTLR's.
        if (c < 128 && !(c == '.' && next >= '0' && next <= '9')) {
            String[] candidates = Literals.PUNCTUATORS[c];
            for (int k = 0; k < candidates.length; k++) {
                String p = candidates[k];
                if (SourceCharStream.startsWith(s, start, p)) {
                    Token t = emit(Literals.PUNCTUATOR_TYPES[c][k], Token.DEFAULT_CHANNEL, start, start + p.length());
                    ((WritableToken) t).setText(p);
                    return t;
                }
            }
        }
        return null;
    }

    /** {@link #atLineStart} for a token starting at {@code start}. */
    private boolean blanksBefore(int start) {
        for (int k = start - 1; k >= 0; k--) {
            char c = source[k];
            if (c == '\n') {
                return true;
            }
            if (!isBlank(c)) {
                return false;
            }
        }
        return true;
    }

    /** A terminated comment from {@code start}, or null (ANTLR then reports it unterminated). */
    private Token blockComment(int start) {
        int close = TextSearch.commentClose(sourceText(), start + 2);
        if (close < 0) {
            return null;
        }
        int line = getLine();
        int lastNewline = -1;
        for (int i = newlineFrom(start + 2); i >= 0 && i < close; i = newlineFrom(i + 1)) {
            line++;
            lastNewline = i;
        }
        int end = close + 2;
        int column = lastNewline < 0 ? getCharPositionInLine() + (end - start) : end - lastNewline - 1;
        return hidden(HeaderLexer.BLOCK_COMMENT, start, end, line, column);
    }

    /**
     * The first line end at or after {@code from}, or -1. The last answer is kept: while it still lies at or after
     * {@code from} it is the answer again, so no character is searched twice however many comments share a line
     * (a million on one line had made each search run on to that line's end).
     */
    private int newlineFrom(int from) {
        if (from < newlineSearchedFrom || nextNewline >= 0 && nextNewline < from) {
            nextNewline = sourceText().indexOf('\n', from);
            newlineSearchedFrom = from;
        }
        return nextNewline;
    }

    /** The source as a String (the caller's, or made at the first block comment). */
    private String sourceText() {
        return sourceStream.string();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == 0x0B;
    }

    private static boolean isWordStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || c >= '0' && c <= '9';
    }

    /** NUMBER's [0-9a-zA-Z_.]: no '$', which a word takes. */
    private static boolean isNumberPart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.';
    }

    /** {@link #SKIPPED} for an off-channel token of {@code type}, after moving past it. */
    private Token hidden(int type, int start, int end, int endLine, int endColumn) {
        skipped |= type == HeaderLexer.NEWLINE ? SKIPPED_NEWLINE : SKIPPED_SPACE;
        moveTo(end, endLine, endColumn);
        return SKIPPED;
    }

    /** The token of [start, end), which holds no line end. */
    private Token emit(int type, int channel, int start, int end) {
        return emit(type, channel, start, end, getLine(), getCharPositionInLine() + (end - start));
    }

    /** The token of [start, end), after which the simulator stands at {@code endLine}:{@code endColumn}. */
    private Token emit(int type, int channel, int start, int end, int endLine, int endColumn) {
        Token t = _factory.create(_tokenFactorySourcePair, type, null, channel, start, end - 1, getLine(),
                getCharPositionInLine());
        moveTo(end, endLine, endColumn);
        _token = t;
        return t;
    }

    private void moveTo(int end, int endLine, int endColumn) {
        _input.seek(end);
        getInterpreter().setLine(endLine);
        getInterpreter().setCharPositionInLine(endColumn);
    }

    /**
     * The texts matched by the default mode's rules that are a fixed set of texts (plain literals and their
     * alternatives, no commands, no predicates), each with its rule's token type; the first rule wins a tie, as in
     * ANTLR. A HashMap, not {@code Map.copyOf}: a miss in an immutable map probes and compares where a HashMap finds
     * an empty bucket (7 % of a check's CPU, by JFR, when every word was looked up here).
     */
    /** A word's token type: its keyword's, else an identifier's. */
    private static int wordType(String word) {
        return Literals.BY_TEXT.getOrDefault(word, HeaderLexer.IDENTIFIER);
    }

    static Map<String, Integer> literals(ATN atn) {
        Map<String, Integer> out = new HashMap<>();
        for (Transition toRule : atn.modeToStartState.get(DEFAULT_MODE).getTransitions()) {
            if (!(toRule.target instanceof RuleStartState rule)) {
                continue;
            }
            List<String> words = new ArrayList<>();
            if (words(rule, new StringBuilder(), words, 0)) {
                for (String w : words) {
                    if (!w.isEmpty()) {
                        out.putIfAbsent(w, atn.ruleToTokenType[rule.ruleIndex]);
                    }
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The literals that are not words, indexed by their first (ASCII) character, longest first. */
    private static String[][] punctuators(Map<String, Integer> literals) {
        String[][] out = new String[128][];
        for (char c = 0; c < 128; c++) {
            char first = c;
            out[c] = literals.keySet().stream()
                    .filter(p -> p.charAt(0) == first && !isWordStart(first) && !(first >= '0' && first <= '9'))
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .toArray(String[]::new);
        }
        return out;
    }

    private static int[][] types(String[][] texts, Map<String, Integer> byText) {
        int[][] out = new int[texts.length][];
        for (int c = 0; c < texts.length; c++) {
            out[c] = new int[texts[c].length];
            for (int k = 0; k < texts[c].length; k++) {
                out[c][k] = byText.get(texts[c][k]);
            }
        }
        return out;
    }

    /** Collects the words from {@code state} to the rule's end; false when the rule is not a finite word set. */
    private static boolean words(ATNState state, StringBuilder prefix, List<String> out, int depth) {
        if (depth > 64) {
            return false;
        }
        if (state instanceof RuleStopState) {
            out.add(prefix.toString());
            return true;
        }
        for (Transition t : state.getTransitions()) {
            if (t instanceof EpsilonTransition) {
                if (!words(t.target, prefix, out, depth + 1)) {
                    return false;
                }
            } else if (t instanceof AtomTransition atom) {
                prefix.append((char) atom.label);
                boolean ok = words(t.target, prefix, out, depth + 1);
                prefix.setLength(prefix.length() - 1);
                if (!ok) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }
}
