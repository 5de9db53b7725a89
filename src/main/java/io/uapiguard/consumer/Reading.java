package io.uapiguard.consumer;

import io.uapiguard.header.lex.TextChange;
import io.uapiguard.header.lex.TextSearch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;

/**
 * What one {@link Extraction} read from one text: its {@link Outcome}, and where it read (the start text, the region
 * of lines it read, each entry's line start), so that the next revision's reading is made from this one and the
 * {@link TextChange} between the texts ({@link #next}) by reading only the changed lines, as reading the whole new
 * text would ({@code ConsumersTest} and {@code ConsumerCorpusTest} compare the two on every pair of the history).
 */
final class Reading {

    private final Consumer consumer;
    /** The entries, their lines and the character offset of each line; the model's list; why nothing was read. */
    private final List<String> output;
    private final int[] lines;
    private final int[] offsets;
    private final List<String> expected;
    private final String problem;
    /** Where the start text is (-1: no start text, or a problem), the first line read and its number. */
    private final int marker;
    private final int regionStart;
    private final int regionLine;
    /** With a {@code while} regex: the start of the line it stopped at (read, not matched), or the text's end. */
    private final int regionEnd;
    private volatile Outcome outcome;

    private Reading(Consumer consumer, List<String> output, int[] lines, int[] offsets, List<String> expected,
                    String problem, int marker, int regionStart, int regionLine, int regionEnd) {
        this.consumer = consumer;
        this.output = output;
        this.lines = lines;
        this.offsets = offsets;
        this.expected = expected;
        this.problem = problem;
        this.marker = marker;
        this.regionStart = regionStart;
        this.regionLine = regionLine;
        this.regionEnd = regionEnd;
    }

    private Reading(Consumer consumer, Entries entries, List<String> expected, int marker, int regionStart,
                    int regionLine, int regionEnd) {
        this(consumer, entries.output(), entries.lines(), entries.offsets(), expected, null, marker, regionStart,
                regionLine, regionEnd);
    }

    /** What the extraction made of the text, as the rule reads it. */
    Outcome outcome() {
        Outcome o = outcome;
        if (o == null) {
            List<Integer> boxed = new ArrayList<>(lines.length);
            for (int line : lines) {
                boxed.add(line);
            }
            o = new Outcome(consumer, output, boxed, expected, problem);
            outcome = o;
        }
        return o;
    }

    /**
     * Whether {@code next}, made from this reading, read no entry anew and lost none: its entries are these (moved,
     * perhaps) and it has the same model's list, so that the two cannot disagree otherwise than these did.
     */
    boolean sameAs(Reading next) {
        return next.output == output && next.expected.equals(expected) && next.problem == null && problem == null;
    }

    /** Reads the whole {@code text}. */
    static Reading of(Consumer c, String text, List<String> expected, BoundedText.Budget budget) {
        Extraction x = c.extraction();
        int pos = 0;
        int line = 1;
        int marker = -1;
        if (x.start() != null) {
            Region region = region(x, text);
            if (region == null) {
                return absent(c, expected);
            }
            marker = region.marker();
            pos = region.start();
            if (pos < 0) {
                return new Reading(c, List.of(), new int[0], new int[0], expected, "the header ends after '"
                        + x.start() + "'", marker, -1, 0, -1);
            }
            line += TextSearch.lineEnds(text, 0, marker) + x.skip() + 1;
        }
        Entries out = new Entries(null);
        int first = line;
        int end = new Lines(c, text, budget).read(pos, () -> first, text.length(), out);
        return new Reading(c, out, expected, marker, pos, line, end);
    }

    /**
     * The reading of {@code newText}, made from this reading of {@code oldText} and the change between them: the
     * entries of unchanged lines kept (moved by the lines inserted and removed above them), the changed lines read.
     * Read whole when the change touches the start text or the lines skipped after it, or when this one found a
     * problem.
     */
    Reading next(Consumer c, String oldText, TextChange change, String newText, List<String> expected,
                 BoundedText.Budget budget) {
        Extraction x = c.extraction();
        if (problem != null && stillAbsent(x, change, newText)) {
            return absent(c, expected);
        }
        if (problem != null || !startKept(x, oldText, change, newText)) {
            return of(c, newText, expected, budget);
        }
        // No hunk touches the start text's line or the lines skipped after it: each lies before the start text's
        // line (it only moves the region) or at or after the region's first line.
        int newMarker = marker < 0 ? -1 : marker + shiftAt(change, marker, false, false);
        int newRegionStart = regionStart + shiftAt(change, regionStart, false, true);
        int newRegionLine = regionLine + shiftAt(change, regionStart, true, true);
        Lines reader = new Lines(c, newText, budget);
        Entries out = new Entries(output);
        int k = 0;                 // the next old entry
        int offsetShift = 0;       // what the hunks seen so far add to old offsets and lines
        int lineShift = 0;
        for (int h = 0; h < change.size(); h++) {
            int from = change.oldFrom(h);
            int to = change.oldTo(h);
            if (from >= regionStart) {
                if (x.whilePattern() != null && from > regionEnd) {
                    break;   // past the line the while regex stopped at: nothing further is read
                }
                out.keep(k, from, offsets, lines, lineShift, offsetShift);
                k = out.kept;
                int shift = lineShift;
                IntSupplier line = () -> lineOf(oldText, from) + shift;   // counted only if an entry needs it
                if (x.whilePattern() != null) {
                    // In the region, or at the line that ended it: read anew from here as far as the regex goes.
                    out.dropFrom(k);
                    int end = reader.read(change.newFrom(h), line, newText.length(), out);
                    return new Reading(c, out, expected, newMarker, newRegionStart, newRegionLine, end);
                }
                while (k < offsets.length && offsets[k] < to) {
                    k++;   // its line was changed
                    out.drop();
                }
                reader.read(change.newFrom(h), line, change.newTo(h), out);
            }
            offsetShift += change.offsetDelta(h);
            lineShift += change.lineDelta(h);
        }
        out.keep(k, Integer.MAX_VALUE, offsets, lines, lineShift, offsetShift);
        int newRegionEnd = regionEnd == oldText.length() ? newText.length()
                : regionEnd + shiftAt(change, regionEnd, false, false);
        return new Reading(c, out, expected, newMarker, newRegionStart, newRegionLine, newRegionEnd);
    }

    /**
     * Whether the change could make a difference to what this extraction reads, judged from the change alone (no
     * earlier reading): it reads a text from a start text, and no changed line after it is one it would use. False
     * only when that is sure; a {@code while} region or a line filter that is absent make every change count.
     */
    static boolean untouched(Consumer c, String oldText, TextChange change, String newText,
                             BoundedText.Budget budget) {
        Extraction x = c.extraction();
        if (x.whilePattern() != null || x.lines() == null) {
            return false;
        }
        int first = 0;
        if (x.start() != null) {
            Reading where = locate(c, oldText);
            if (where == null) {
                // no start text (or nothing after it): untouched if no changed line brings one
                return TextSearch.indexOf(oldText, x.start(), 0) < 0
                        && absent(c, List.of()).stillAbsent(x, change, newText);
            }
            if (!where.startKept(x, oldText, change, newText)) {
                return false;
            }
            first = where.regionStart;
        }
        Lines oldLines = new Lines(c, oldText, budget);
        Lines newLines = new Lines(c, newText, budget);
        for (int h = 0; h < change.size(); h++) {
            int from = change.oldFrom(h);
            int to = change.oldTo(h);
            if (from >= first && (oldLines.anyUsed(from, to) || newLines.anyUsed(change.newFrom(h), change.newTo(h)))) {
                return false;
            }
        }
        return true;
    }

    /** Where the start text and the region begin in {@code text}, without reading; null when there is a problem. */
    private static Reading locate(Consumer c, String text) {
        Region region = region(c.extraction(), text);
        return region == null || region.start() < 0 ? null : new Reading(c, List.of(), new int[0], new int[0],
                List.of(), null, region.marker(), region.start(), 0, text.length());
    }

    /** Where the start text begins, and the region after it and the lines it skips (-1: the header ends first). */
    private record Region(int marker, int start) {
    }

    /** The region of {@code x} in {@code text}, null when the start text is absent. */
    private static Region region(Extraction x, String text) {
        int marker = TextSearch.indexOf(text, x.start(), 0);
        if (marker < 0) {
            return null;
        }
        int pos = marker;
        for (int i = 0; i <= x.skip() && pos >= 0; i++) {
            pos = nextLine(text, pos);
        }
        return new Region(marker, pos);
    }

    /**
     * Whether the start text is where it was (on an unchanged line, and no changed line before it now holds it) and
     * the lines skipped after it are unchanged, so the region begins on the same line.
     */
    private boolean startKept(Extraction x, String oldText, TextChange change, String newText) {
        if (x.start() == null) {
            return true;
        }
        if (x.start().indexOf('\n') >= 0) {
            return false;
        }
        int markerLine = oldText.lastIndexOf('\n', marker) + 1;
        for (int h = 0; h < change.size(); h++) {
            int from = change.oldFrom(h);
            int to = change.oldTo(h);
            if ((from < regionStart && to > markerLine) || (from > markerLine && from < regionStart)) {
                return false;   // the start text's line or a skipped one changed, or lines were put between them
            }
            if (to <= markerLine && TextSearch.indexOf(newText, x.start(), change.newFrom(h), change.newTo(h)) >= 0) {
                return false;   // a new line before it holds the start text: the first one is there now
            }
        }
        return true;
    }

    /**
     * What the hunks before {@code offset} (a line start on an unchanged line) add to it: offsets, or lines when
     * {@code lines}. {@code beforeInsertions}: lines inserted at {@code offset} itself count as after it.
     */
    private static int shiftAt(TextChange change, int offset, boolean lines, boolean beforeInsertions) {
        int shift = 0;
        for (int h = 0; h < change.size(); h++) {
            int from = change.oldFrom(h);
            int to = change.oldTo(h);
            if (to > offset || (beforeInsertions && from == offset)) {
                break;
            }
            shift += lines ? change.lineDelta(h) : change.offsetDelta(h);
        }
        return shift;
    }

    /** The 1-based number of the line that starts at {@code offset} of the old text, counted from the nearest entry. */
    private int lineOf(String oldText, int offset) {
        int k = Arrays.binarySearch(offsets, offset);
        if (k >= 0) {
            return lines[k];
        }
        int before = -k - 2;   // the last entry before offset
        if (before >= 0) {
            return lines[before] + TextSearch.lineEnds(oldText, offsets[before], offset);
        }
        if (regionStart >= 0 && regionStart <= offset) {
            return regionLine + TextSearch.lineEnds(oldText, regionStart, offset);
        }
        return 1 + TextSearch.lineEnds(oldText, 0, offset);
    }

    /** The reading of a text without the start text. */
    private static Reading absent(Consumer c, List<String> expected) {
        return new Reading(c, List.of(), new int[0], new int[0], expected, "the text '" + c.extraction().start()
                + "' is not in the header", -1, -1, 0, -1);
    }

    /** Whether this reading found no start text, and no changed line of the new text holds it. */
    private boolean stillAbsent(Extraction x, TextChange change, String newText) {
        if (x.start() == null || marker >= 0 || x.start().indexOf('\n') >= 0) {
            return false;
        }
        for (int h = 0; h < change.size(); h++) {
            if (TextSearch.indexOf(newText, x.start(), change.newFrom(h), change.newTo(h)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The start of the line after the one holding {@code pos}, -1 at the last line. */
    static int nextLine(String text, int pos) {
        int nl = text.indexOf('\n', pos);
        return nl < 0 ? -1 : nl + 1;
    }

    /**
     * Entries as they are read or kept from an older reading: value, line, offset of the line. When nothing was read
     * anew nor dropped, the older reading's list of values is kept as it is.
     */
    private static final class Entries {
        private final List<String> older;
        private final List<String> output = new ArrayList<>();
        private int[] lines = new int[64];
        private int[] offsets = new int[64];
        private int size;
        /** Older entries kept so far (the index of the next one), and whether any was dropped or read anew. */
        int kept;
        private boolean changed;

        Entries(List<String> older) {
            this.older = older;
            this.changed = older == null;
        }

        void add(String value, int line, int offset) {
            changed = true;
            append(value, line, offset);
        }

        /** Keeps the older entries from index {@code from} whose offsets are below {@code before}, moved. */
        void keep(int from, int before, int[] olderOffsets, int[] olderLines, int lineShift, int offsetShift) {
            int k = from;
            while (k < olderOffsets.length && olderOffsets[k] < before) {
                append(older.get(k), olderLines[k] + lineShift, olderOffsets[k] + offsetShift);
                k++;
            }
            kept = k;
        }

        void drop() {
            changed = true;
        }

        /** Drops the older entries from index {@code k} on (they will be read anew), if there are any. */
        void dropFrom(int k) {
            if (older != null && k < older.size()) {
                changed = true;
            }
        }

        private void append(String value, int line, int offset) {
            if (size == lines.length) {
                lines = Arrays.copyOf(lines, size * 2);
                offsets = Arrays.copyOf(offsets, size * 2);
            }
            output.add(value);
            lines[size] = line;
            offsets[size] = offset;
            size++;
        }

        List<String> output() {
            return changed ? List.copyOf(output) : older;
        }

        int[] lines() {
            return Arrays.copyOf(lines, size);
        }

        int[] offsets() {
            return Arrays.copyOf(offsets, size);
        }
    }

    /**
     * The extraction's regexes over the lines of one text, each line read through a {@link BoundedText} window; a
     * regex that runs past the budget ends the run with a BAD_INPUT error naming the consumer and where it was
     * described.
     */
    private static final class Lines {
        private final Consumer c;
        private final Extraction x;
        private final String text;
        private final BoundedText window;
        private final Matcher whileMatcher;
        private final Matcher linesMatcher;
        private final Matcher unlessMatcher;
        private final Matcher capture;
        /** A text every line the line filter uses holds (at its start when {@code anchored}), or null. */
        private final String literal;
        private final boolean anchored;
        /** A text every line the line filter uses ends with (but for a final line terminator), or null. */
        private final String suffix;
        /** The first occurrence of {@code literal} in {@code [hitFrom, hitTo)} or after, -1: none in that range. */
        private int hit = -1;
        private int hitFrom = Integer.MAX_VALUE;
        private int hitTo;

        Lines(Consumer c, String text, BoundedText.Budget budget) {
            this.c = c;
            this.x = c.extraction();
            this.text = text;
            this.window = new BoundedText(text, budget);
            this.whileMatcher = x.whilePattern() == null ? null : x.whilePattern().matcher("");
            this.linesMatcher = x.lines() == null ? null : x.lines().matcher("");
            this.unlessMatcher = x.unless() == null ? null : x.unless().matcher("");
            this.capture = x.capture().matcher("");
            this.literal = x.linesLiteral();
            this.anchored = x.lines() != null && x.lines().pattern().startsWith("^");
            this.suffix = x.linesSuffix();
        }

        /**
         * Reads the lines from {@code pos} (a line start, whose line number {@code lineAtPos} gives when an entry
         * needs it) up to {@code until}, or up to the first line the while regex does not match; returns the start
         * of that line, or the text's length.
         */
        int read(int pos, IntSupplier lineAtPos, int until, Entries out) {
            try {
                int knownPos = pos;
                int knownLine = -1;
                for (; pos >= 0 && pos < until; pos = nextLine(text, pos)) {
                    int end = text.indexOf('\n', pos);
                    if (end < 0) {
                        end = text.length();
                    }
                    if (whileMatcher != null && !whileMatcher.reset(window.window(pos, end)).lookingAt()) {
                        return pos;
                    }
                    if (literal != null && whileMatcher == null && !anchored) {
                        // jump to the line holding the next occurrence of the literal: no line before it is used
                        int hit = nextHit(pos, until);
                        if (hit < 0) {
                            break;
                        }
                        if (hit >= end) {
                            pos = text.lastIndexOf('\n', hit - 1);   // nextLine moves to the line after it
                            continue;
                        }
                    }
                    String entry = entry(pos, end);
                    if (entry != null) {
                        if (knownLine < 0) {
                            knownLine = lineAtPos.getAsInt();
                        }
                        knownLine += TextSearch.lineEnds(text, knownPos, pos);
                        knownPos = pos;
                        out.add(entry, knownLine, pos);
                    }
                }
                return text.length();
            } catch (BoundedText.Exceeded e) {
                throw Consumers.exceeded(c, e);
            }
        }

        /** Whether any line of {@code [from, to)} (line starts) passes the line filter. */
        boolean anyUsed(int from, int to) {
            try {
                for (int pos = from; pos >= 0 && pos < to; pos = nextLine(text, pos)) {
                    int end = text.indexOf('\n', pos);
                    if (end < 0) {
                        end = text.length();
                    }
                    if (passes(pos, end)) {
                        return true;
                    }
                }
                return false;
            } catch (BoundedText.Exceeded e) {
                throw Consumers.exceeded(c, e);
            }
        }

        private boolean passes(int pos, int end) {
            if (literal != null) {
                if (anchored ? !text.startsWith(literal, pos) : nextHit(pos, end) < 0) {
                    return false;
                }
            }
            if (suffix != null) {
                int last = end;
                if (last > pos && isTerminator(text.charAt(last - 1))) {
                    last--;   // $ matches before one final line terminator too
                }
                if (last - pos < suffix.length() || !text.startsWith(suffix, last - suffix.length())) {
                    return false;
                }
            }
            return (linesMatcher == null || linesMatcher.reset(window.window(pos, end)).find())
                    && (unlessMatcher == null || !unlessMatcher.reset(window.window(pos, end)).find());
        }

        /**
         * The first occurrence of the literal in {@code [pos, limit)}, -1 when none; ascending calls share one scan.
         */
        private int nextHit(int pos, int limit) {
            if (!(pos >= hitFrom && (hit >= pos || (hit < 0 && limit <= hitTo)))) {
                hit = TextSearch.indexOf(text, literal, pos, limit);
                hitFrom = pos;
                hitTo = limit;
            }
            return hit >= 0 && hit + literal.length() <= limit ? hit : -1;
        }

        /** The line terminators {@code $} lets through at the end of a line read without its newline. */
        private static boolean isTerminator(char c) {
            return c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
        }

        /** The entry of the line {@code [pos, end)}, null when it gives none. */
        private String entry(int pos, int end) {
            if (!passes(pos, end)) {
                return null;
            }
            int from = pos;
            int to = end;
            if (x.field() > 0) {
                int[] f = field(pos, end, x.field());
                from = f[0];
                to = f[1];
            }
            if (capture.reset(window.window(from, to)).find()) {
                return capture.group(1) == null ? "" : capture.group(1);
            }
            return x.emptyWhenUnmatched() ? "" : null;
        }

        /** awk's {@code $n} of the line {@code [from, to)}: fields are separated by runs of blanks. */
        private int[] field(int from, int to, int n) {
            int i = from;
            for (int k = 1; ; k++) {
                while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    i++;
                }
                int start = i;
                while (i < to && text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                    i++;
                }
                if (k == n || start == to) {
                    return new int[] {start, i};
                }
            }
        }
    }
}
