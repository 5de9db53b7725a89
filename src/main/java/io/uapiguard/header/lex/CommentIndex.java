package io.uapiguard.header.lex;

import java.util.Arrays;

/**
 * Where the long block comments of a text are and where their lines end, as the lexer found them while it
 * scanned them: whoever reads such a comment line by line afterwards (the helper documentation is 60 % of
 * bpf.h) need not look for line ends and the comment's end again. Comments shorter than {@link #LONG}
 * characters are not kept.
 */
public final class CommentIndex {

    /** The shortest comment kept, in characters. */
    public static final int LONG = 1024;

    /** Offsets of the line ends ('\n') inside the kept comments, in order. */
    private int[] newlines = new int[1024];
    private int newlineCount;
    /** Per kept comment: start offset, end offset (after its closing star-slash), line of its start, and the
     *  range of its line ends in {@link #newlines}. */
    private int[] comments = new int[5 * 8];
    private int commentCount;

    /** Where the next comment's line ends will go: the lexer hands it back to {@link #comment} or {@link #drop}. */
    int mark() {
        return newlineCount;
    }

    void newline(int offset) {
        if (newlineCount == newlines.length) {
            newlines = Arrays.copyOf(newlines, newlineCount * 2);
        }
        newlines[newlineCount++] = offset;
    }

    /** The comment [start, end) at {@code line}, whose line ends were recorded since {@code mark}. */
    void comment(int start, int end, int line, int mark) {
        if (end - start < LONG) {
            drop(mark);
            return;
        }
        if (5 * (commentCount + 1) > comments.length) {
            comments = Arrays.copyOf(comments, comments.length * 2);
        }
        int at = 5 * commentCount++;
        comments[at] = start;
        comments[at + 1] = end;
        comments[at + 2] = line;
        comments[at + 3] = mark;
        comments[at + 4] = newlineCount;
    }

    /** Forgets the line ends recorded since {@code mark} (a short or an unterminated comment). */
    void drop(int mark) {
        newlineCount = mark;
    }

    /**
     * The lines of the kept comment holding {@code offset} from the line that holds it on: or null when no kept
     * comment holds it.
     */
    public Lines linesFrom(int offset) {
        int lo = 0;
        int hi = commentCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int at = 5 * mid;
            if (offset < comments[at]) {
                hi = mid - 1;
            } else if (offset >= comments[at + 1]) {
                lo = mid + 1;
            } else {
                int first = comments[at + 3];
                int last = comments[at + 4];
                int before = Arrays.binarySearch(newlines, first, last, offset);   // no '\n' is at offset itself
                int k = before >= 0 ? before : -before - 1;   // line ends before offset: k - first
                return new Lines(newlines, k, last, comments[at + 2] + (k - first));
            }
        }
        return null;
    }

    /**
     * Lines of a comment, the first holding the offset asked for: line {@code i} ({@code 0 <= i < count()}) ends at
     * {@link #end(int)}, and the next one starts after it. The comment's last line, which closes it, is not
     * counted: it has no line end.
     */
    public static final class Lines {
        private final int[] newlines;
        private final int from;
        private final int to;
        private final int firstLine;

        private Lines(int[] newlines, int from, int to, int firstLine) {
            this.newlines = newlines;
            this.from = from;
            this.to = to;
            this.firstLine = firstLine;
        }

        /** The 1-based line number of line 0. */
        public int firstLine() {
            return firstLine;
        }

        public int count() {
            return to - from;
        }

        /** The offset of the '\n' ending line {@code i}. */
        public int end(int i) {
            return newlines[from + i];
        }
    }
}
