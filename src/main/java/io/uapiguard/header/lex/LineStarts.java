package io.uapiguard.header.lex;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;

/**
 * Where each line of a text starts: found once for a text read again and again (a check's base), or through the
 * {@link TextChange} from such a text for an edit of it (a check's candidate). A line of the edit outside the change's
 * hunks starts where the base's line did, moved by the hunks before it; only a line that starts inside a hunk's new
 * text is looked for in the text. Lines are 1-based, and the line after a final newline does not exist.
 */
public final class LineStarts {

    /** The whole indexes of the last few texts read again and again (a check's bases), by identity of the text. */
    private static final Cache<String, LineStarts> KEPT = Caffeine.newBuilder().weakKeys().maximumSize(4).build();

    private final String text;
    /** A whole index: 0, then the offset after each newline (the text's length after a final one). */
    private final int[] starts;
    /** An edit: the base's whole index and the change from the base's text to this one. */
    private final LineStarts base;
    private final TextChange change;
    /** Per hunk of an edit: the edit's line holding its start (0-based). */
    private final int[] hunkLines;

    private LineStarts(String text, int[] starts, LineStarts base, TextChange change) {
        this.text = text;
        this.starts = starts;
        this.base = base;
        this.change = change;
        hunkLines = new int[change == null ? 0 : change.size()];
        for (int i = 0; i < hunkLines.length; i++) {
            hunkLines[i] = base.lineOf(change.oldFrom(i)) - 1 + change.linesBefore(i);
        }
    }

    /** The whole index of {@code text}: one pass over it. */
    public static LineStarts of(String text) {
        int[] starts = new int[Math.max(16, text.length() / 32)];
        int n = 0;
        starts[n++] = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
            }
            starts[n++] = i + 1;
        }
        return new LineStarts(text, Arrays.copyOf(starts, n), null, null);
    }

    /**
     * {@link #of} of a text read again and again (a check's base: its excerpts and its helper comment's carried
     * signatures), found once and kept for the last few such texts.
     */
    public static LineStarts kept(String text) {
        return KEPT.get(text, LineStarts::of);
    }

    /**
     * The lines of {@code text}, an edit of {@code base}'s text by {@code change} (found from that text to this one),
     * without reading what the change left alone.
     *
     * @throws IllegalArgumentException when {@code base} is not a whole index or {@code change} is not between the two
     */
    public static LineStarts edited(String text, LineStarts base, TextChange change) {
        if (base.starts == null || !change.isBetween(base.text, text)) {
            throw new IllegalArgumentException("the change is not from the base's text to this one");
        }
        return new LineStarts(text, null, base, change);
    }

    /** The text whose lines these are. */
    public String text() {
        return text;
    }

    /**
     * The 1-based line that holds {@code offset} of a whole index's text: the newlines before it, plus one.
     *
     * @throws IllegalStateException for an edit's lines
     */
    public int lineOf(int offset) {
        if (starts == null) {
            throw new IllegalStateException("the line of an offset is known for a whole index only");
        }
        int k = Arrays.binarySearch(starts, offset);
        return (k >= 0 ? k : -k - 2) + 1;
    }

    /**
     * Where line {@code line} of a whole index's text ends: its newline, or the text's length on a last line without
     * one.
     *
     * @throws IllegalStateException for an edit's lines
     */
    public int end(int line) {
        if (starts == null) {
            throw new IllegalStateException("a line's end is known for a whole index only");
        }
        return line < starts.length ? starts[line] - 1 : text.length();
    }

    /** Where line {@code line} starts, -1 when the text has no such line. */
    public int start(int line) {
        if (line < 1) {
            return -1;
        }
        int at = starts != null ? (line <= starts.length ? starts[line - 1] : -1) : inEdit(line - 1);
        return at >= 0 && at < text.length() ? at : -1;
    }

    /**
     * Line {@code index} (0-based) of the edit. Before hunk i the edit's text is the base's moved by the hunks before
     * it ({@link TextChange#charsBefore}, {@link TextChange#linesBefore}): a base line start {@code b} whose newline
     * lies in that stretch, {@code oldTo(i - 1) < b <= oldFrom(i)}, is the start of the edit's line {@code b}'s index
     * plus the lines before, at b plus the characters before.
     * A line that starts in a hunk's new text is found by reading from the start of the line holding the hunk's start.
     */
    private int inEdit(int index) {
        int[] b = base.starts;
        int walkFrom = 0;
        int walkLine = 0;
        for (int i = 0; i <= hunkLines.length; i++) {
            int from = change.stretchStart(i);
            int to = i < hunkLines.length ? change.oldFrom(i) : base.text.length();
            int m = index - change.linesBefore(i);
            if (m >= 0 && m < b.length && (b[m] > from || i == 0) && b[m] <= to) {
                return b[m] + change.charsBefore(i);
            }
            if (i == hunkLines.length || hunkLines[i] > index) {
                break;   // every later hunk starts on a later line
            }
            walkLine = hunkLines[i];
            walkFrom = change.newFrom(i);
        }
        int at = walkFrom == 0 ? 0 : text.lastIndexOf('\n', walkFrom - 1) + 1;
        for (int line = walkLine; line < index; line++) {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                return -1;
            }
            at = end + 1;
        }
        return at;
    }
}
