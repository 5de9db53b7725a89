package io.uapiguard.header.lex;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A header's text as ANTLR's char stream, over the one char array that {@link HeaderLexerBase} also scans
 * directly. ANTLR's {@code CharStreams.fromString} would copy the text once more, code point by code point, for
 * every parse.
 */
public final class SourceCharStream implements CharStream {

    private final char[] chars;
    /** The same text as a String: the caller's, or made when first asked for. */
    private String string;
    private final String name;
    private int index;

    private SourceCharStream(char[] chars, String string, String name) {
        this.chars = chars;
        this.string = string;
        this.name = name;
    }

    /**
     * The stream of {@code text}. Its indices, and so every column the front end reports, count UTF-16 code
     * units, as Java strings do and as SARIF's default {@code columnKind} expects; a character outside the BMP
     * outside a comment or literal lexes as two {@code OTHER} tokens rather than one, an error either way.
     */
    public static SourceCharStream of(String text, String name) {
        return new SourceCharStream(text.toCharArray(), text, name);
    }

    /** The stream of {@code text}, which the caller must not change. */
    public static SourceCharStream of(char[] text, String name) {
        return new SourceCharStream(text, null, name);
    }

    /**
     * The stream of {@code text}, which the caller must not change; {@code sameText}: the same characters as a String
     * (null: none at hand), which the lexer's searches read rather than make another of a header's size.
     */
    public static SourceCharStream of(char[] text, String sameText, String name) {
        return new SourceCharStream(text, sameText, name);
    }

    /** True when {@code s} holds {@code prefix} at {@code at}. */
    public static boolean startsWith(char[] s, int at, String prefix) {
        if (at < 0 || at + prefix.length() > s.length) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (s[at + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The text itself; the lexer must not change it. */
    char[] chars() {
        return chars;
    }

    /** The text as a String, for the JDK's vectorised searches: the caller's, or one made once. */
    String string() {
        if (string == null) {
            string = new String(chars);
        }
        return string;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.max(interval.a, 0);
        int stop = Math.min(interval.b, chars.length - 1);
        return stop < start ? "" : new String(chars, start, stop - start + 1);
    }

    @Override
    public void consume() {
        if (index >= chars.length) {
            throw new IllegalStateException("cannot consume EOF");
        }
        index++;
    }

    @Override
    public int LA(int i) {
        if (i == 0) {
            return 0;   // undefined, as in ANTLR's own streams
        }
        int at = i > 0 ? index + i - 1 : index + i;
        return at < 0 || at >= chars.length ? IntStream.EOF : chars[at];
    }

    @Override
    public int mark() {
        return -1;   // the whole text is in memory: nothing to keep
    }

    @Override
    public void release(int marker) {
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public void seek(int index) {
        this.index = Math.min(index, chars.length);
    }

    @Override
    public int size() {
        return chars.length;
    }

    @Override
    public String getSourceName() {
        return name == null || name.isEmpty() ? IntStream.UNKNOWN_SOURCE_NAME : name;
    }

    @Override
    public String toString() {
        return new String(chars);
    }
}
