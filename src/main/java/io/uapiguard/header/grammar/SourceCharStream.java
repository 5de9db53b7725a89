package io.uapiguard.header.grammar;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A header's text as ANTLR's char stream, over the one char array that {@link HeaderLexerBase} also scans
 * directly. {@link CharStreams#fromString} would copy the text once more, char by char, for every parse.
 */
public final class SourceCharStream implements CharStream {

    private final char[] chars;
    private final String name;
    private int index;

    private SourceCharStream(char[] chars, String name) {
        this.chars = chars;
        this.name = name;
    }

    /**
     * The stream of {@code text}. A text with characters outside the BMP, where char and code point indices
     * differ, gets ANTLR's own code point stream instead (and the lexer then lexes it without shortcuts).
     */
    public static CharStream of(String text, String name) {
        char[] chars = text.toCharArray();
        for (char c : chars) {
            if (Character.isSurrogate(c)) {
                return CharStreams.fromString(text, name);
            }
        }
        return new SourceCharStream(chars, name);
    }

    /** The text itself; the lexer must not change it. */
    char[] chars() {
        return chars;
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
