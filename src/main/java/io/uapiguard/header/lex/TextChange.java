package io.uapiguard.header.lex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where two texts differ, in whole lines: the hunks, each a range of the old text replaced by a range of the new one,
 * between blocks that are the same in both. Found on the texts' characters with the JDK's vectorised array comparison:
 * the common start and end, then, inside a large difference, a line of the old text near its middle looked up in the
 * new one and the block around it extended both ways, recursively (a coarse diff: every block it calls common is
 * equal, though it may call less common than a real diff would). Offsets are character offsets.
 */
public final class TextChange {

    /** Below this size on both sides a difference is one hunk: looking inside it costs more than reading it. */
    private static final int SPLIT = 1024;
    private static final int MAX_DEPTH = 16;
    private static final int ANCHOR_TRIES = 4;
    /** An anchor shorter than this (a blank line, " *") would be found anywhere: it takes the lines after it too. */
    private static final int MIN_ANCHOR = 24;
    /** How far before its expected place an anchor is looked for first (lines moved by the changes around it). */
    private static final int SLACK = 4096;

    /** Hunk i replaces old {@code [oldFrom[i], oldTo[i])} with new {@code [newFrom[i], newTo[i])}, in order. */
    private final int[] oldFrom;
    private final int[] oldTo;
    private final int[] newFrom;
    private final int[] newTo;
    /** Lines (newline characters) in each hunk's old and new range. */
    private final int[] oldLines;
    private final int[] newLines;
    /** Lines and characters the hunks before hunk i (before none past the last) add to what follows them. */
    private final int[] linesBefore;
    private final int[] charsBefore;
    /** The texts it was found between, by identity: see {@link #LAST}. */
    private final String oldText;
    private final String newText;

    /**
     * The change found last on this thread: a check asks for the same pair of texts (the same two Strings) in its
     * front end, its consumers and its digest, each a few hundred microseconds through a 300 KB header.
     */
    private static final ThreadLocal<TextChange> LAST = new ThreadLocal<>();

    private TextChange(List<int[]> hunks, String oldText, String newText) {
        this.oldText = oldText;
        this.newText = newText;
        int n = hunks.size();
        oldFrom = new int[n];
        oldTo = new int[n];
        newFrom = new int[n];
        newTo = new int[n];
        oldLines = new int[n];
        newLines = new int[n];
        for (int i = 0; i < n; i++) {
            int[] h = hunks.get(i);
            oldFrom[i] = h[0];
            oldTo[i] = h[1];
            newFrom[i] = h[2];
            newTo[i] = h[3];
            oldLines[i] = TextSearch.lineEnds(oldText, h[0], h[1]);
            newLines[i] = TextSearch.lineEnds(newText, h[2], h[3]);
        }
        linesBefore = new int[n + 1];
        charsBefore = new int[n + 1];
        for (int i = 0; i < n; i++) {
            linesBefore[i + 1] = linesBefore[i] + lineDelta(i);
            charsBefore[i + 1] = charsBefore[i] + offsetDelta(i);
        }
    }

    /** The change from {@code oldText} to {@code newText}, whose characters are {@code oldChars}, {@code newChars}. */
    public static TextChange between(String oldText, char[] oldChars, String newText, char[] newChars) {
        TextChange last = foundLast(oldText, newText);
        if (last != null) {
            return last;
        }
        List<int[]> hunks = new ArrayList<>();
        diff(oldText, oldChars, 0, oldChars.length, newText, newChars, 0, newChars.length, 0, hunks);
        TextChange change = new TextChange(hunks, oldText, newText);
        LAST.set(change);
        return change;
    }

    /** {@link #between(String, char[], String, char[])} of two Strings, whose characters are copied if needed. */
    public static TextChange between(String oldText, String newText) {
        TextChange last = foundLast(oldText, newText);
        if (last != null) {
            return last;
        }
        return between(oldText, oldText.toCharArray(), newText, newText.toCharArray());
    }

    private static TextChange foundLast(String oldText, String newText) {
        TextChange last = LAST.get();
        return last != null && last.isBetween(oldText, newText) ? last : null;
    }

    /**
     * The change this thread found last if it is one to {@code newText} (the very String), else null: for a caller
     * that gains from the change only when it costs nothing (its old text is {@link #oldText}).
     */
    public static TextChange foundLastTo(String newText) {
        TextChange last = LAST.get();
        return last != null && last.newText == newText ? last : null;
    }

    /** Whether this is the change from {@code oldText} to {@code newText}, the very Strings. */
    boolean isBetween(String oldText, String newText) {
        return this.oldText == oldText && this.newText == newText;
    }

    /** The text this change is from. */
    public String oldText() {
        return oldText;
    }

    public int size() {
        return oldFrom.length;
    }

    public int oldFrom(int i) {
        return oldFrom[i];
    }

    public int oldTo(int i) {
        return oldTo[i];
    }

    public int newFrom(int i) {
        return newFrom[i];
    }

    public int newTo(int i) {
        return newTo[i];
    }

    /** Lines added by hunk i (negative when it removes more than it adds). */
    public int lineDelta(int i) {
        return newLines[i] - oldLines[i];
    }

    public int offsetDelta(int i) {
        return (newTo[i] - newFrom[i]) - (oldTo[i] - oldFrom[i]);
    }

    /**
     * The unchanged stretch of the old text that holds {@code oldOffset}: i where {@link #stretchStart stretchStart(i)}
     * {@code <= oldOffset < oldFrom(i)}, {@link #size()} from the last hunk's end to the text's end inclusive; -1 when
     * a hunk replaced it. Where text was only inserted, the offset lies after the insertion.
     */
    public int stretchOf(int oldOffset) {
        for (int i = 0; i < oldFrom.length; i++) {
            if (oldOffset < oldFrom[i]) {
                return oldOffset >= stretchStart(i) ? i : -1;
            }
        }
        return oldOffset >= stretchStart(oldFrom.length) && oldOffset <= oldText.length() ? oldFrom.length : -1;
    }

    /** Where unchanged stretch i ({@link #stretchOf}) begins in the old text. */
    public int stretchStart(int i) {
        return i == 0 ? 0 : oldTo[i - 1];
    }

    /** The lines by which the hunks before it move unchanged stretch i. */
    public int linesBefore(int i) {
        return linesBefore[i];
    }

    /** The characters by which the hunks before it move unchanged stretch i. */
    public int charsBefore(int i) {
        return charsBefore[i];
    }

    /** Where {@code oldOffset} is in the new text; -1 when a hunk replaced it. */
    public int moved(int oldOffset) {
        int i = stretchOf(oldOffset);
        return i < 0 ? -1 : oldOffset + charsBefore[i];
    }

    private static void diff(String a, char[] ab, int a0, int a1, String b, char[] bb, int b0, int b1, int depth,
                             List<int[]> out) {
        int p = Arrays.mismatch(ab, a0, a1, bb, b0, b1);
        if (p < 0) {
            return;   // the same
        }
        // The common start, back to the start of its last line (both sides have the same characters up to p).
        while (p > 0 && ab[a0 + p - 1] != '\n') {
            p--;
        }
        a0 += p;
        b0 += p;
        // The common end, from the start of a line, not reaching into the common start.
        int s = commonSuffix(ab, a0, a1, bb, b0, b1);
        while (s > 0 && !(lineStart(ab, a1 - s, a0) && lineStart(bb, b1 - s, b0))) {
            s--;
        }
        a1 -= s;
        b1 -= s;
        if (depth < MAX_DEPTH && a1 - a0 >= SPLIT && b1 - b0 >= SPLIT
                && split(a, ab, a0, a1, b, bb, b0, b1, depth, out)) {
            return;
        }
        out.add(new int[] {a0, a1, b0, b1});
    }

    /**
     * Looks for a few lines of the old range near its middle (then a quarter, three quarters, ...) that the new
     * range holds at a line start, extends the block around it both ways, and diffs what is left on each side of it.
     */
    private static boolean split(String a, char[] ab, int a0, int a1, String b, char[] bb, int b0, int b1, int depth,
                                 List<int[]> out) {
        for (int t = 0; t < ANCHOR_TRIES; t++) {
            int at = a0 + (int) ((long) (a1 - a0) * (2 * t + 1) / (2 * ANCHOR_TRIES + 2));
            int from = a.indexOf('\n', at) + 1;
            if (from <= 0 || from >= a1) {
                continue;
            }
            // the anchor: whole lines from there, as many as make it long enough not to be found just anywhere
            int end = from;
            while (end < a1 && end - from < MIN_ANCHOR) {
                int nl = a.indexOf('\n', end);
                if (nl < 0 || nl >= a1) {
                    break;
                }
                end = nl + 1;
            }
            if (end - from < MIN_ANCHOR) {
                continue;
            }
            // Searched with the line end before it (from - 1), so that each hit is at a line start, and only within
            // the new range: a search by its first character, a blank in most lines, would stop everywhere.
            String line = a.substring(from - 1, end);
            int found;
            if (b0 == 0 && line.length() - 1 <= b1 && b.regionMatches(0, line, 1, line.length() - 1)) {
                found = 0;
            } else {
                int hit = anchor(b, line, Math.max(b0 - 1, 0), b1, b0 + (from - a0) - Math.abs((b1 - b0) - (a1 - a0)));
                found = hit < 0 ? -1 : hit + 1;
            }
            if (found < 0) {
                continue;
            }
            // The block: from the anchor's start back and forward as long as both sides agree, in whole lines.
            int back = commonSuffix(ab, a0, from, bb, b0, found);
            while (back > 0 && !(lineStart(ab, from - back, a0) && lineStart(bb, found - back, b0))) {
                back--;
            }
            int forward = Arrays.mismatch(ab, from, a1, bb, found, b1);
            if (forward < 0) {
                forward = Math.min(a1 - from, b1 - found);
            }
            while (forward > 0 && ab[from + forward - 1] != '\n') {
                forward--;
            }
            diff(a, ab, a0, from - back, b, bb, b0, found - back, depth + 1, out);
            diff(a, ab, from + forward, a1, b, bb, found + forward, b1, depth + 1, out);
            return true;
        }
        return false;
    }

    /**
     * Where {@code line} occurs in {@code text[from, to)}: first looked for from {@code near} on, where it would stand if
     * the range had moved as a whole (less the difference in the ranges' sizes), then before. The search stops at
     * every line end ({@code line} starts with one), so where it starts decides its time: from the range's start it
     * read half of a 300 KB header at each level of the split.
     */
    private static int anchor(String text, String line, int from, int to, int near) {
        int start = Math.max(from, Math.min(near - SLACK, to));
        int hit = TextSearch.indexOf(text, line, start, to);
        if (hit < 0 && start > from) {
            hit = TextSearch.indexOf(text, line, from, Math.min(to, start + line.length() - 1));
        }
        return hit;
    }

    /** Whether {@code pos} starts a line of the range that begins at {@code lo} (itself a line start). */
    private static boolean lineStart(char[] chars, int pos, int lo) {
        return pos == lo || chars[pos - 1] == '\n';
    }

    /** How many characters {@code [a0, a1)} and {@code [b0, b1)} have in common at their ends. */
    private static int commonSuffix(char[] ab, int a0, int a1, char[] bb, int b0, int b1) {
        int max = Math.min(a1 - a0, b1 - b0);
        int s = 0;
        int step = 64;
        while (s < max) {
            int n = Math.min(step, max - s);
            if (Arrays.equals(ab, a1 - s - n, a1 - s, bb, b1 - s - n, b1 - s)) {
                s += n;
                step *= 2;
            } else if (n <= 16) {
                while (s < max && ab[a1 - 1 - s] == bb[b1 - 1 - s]) {
                    s++;
                }
                return s;
            } else {
                step = n / 2;
            }
        }
        return s;
    }
}
