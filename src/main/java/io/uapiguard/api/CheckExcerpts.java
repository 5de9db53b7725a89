package io.uapiguard.api;

import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.header.lex.LineStarts;
import io.uapiguard.header.lex.TextChange;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The header lines around each finding's line, kept with a stored check so that its page needs no parse: per side
 * ("new", the candidate; "old", the base, around the base's line of whatever is gone: {@link #baseLine}), line
 * number to text. Bounded: the first {@link #MAX_FINDINGS} findings with a line, {@link #AROUND} lines either
 * side, each cut at {@link #MAX_LINE_CHARS} characters. A candidate's lines are found through the change from its
 * base that the check found already (its digest's), from the base's line starts, kept for the last few bases:
 * walking bpf.h to its helper enum, 6,000 lines in, was half of what storing a check cost the service.
 */
public final class CheckExcerpts {

    public static final int AROUND = 2;
    static final int MAX_FINDINGS = 200;
    static final int MAX_LINE_CHARS = 240;

    private CheckExcerpts() {
    }

    /** The excerpts of {@code findings} on {@code path}; the base's text is read only when a finding needs it. */
    static Map<String, Map<Integer, String>> of(List<Finding> findings, String path, String candidate,
                                                Supplier<String> base) {
        NavigableSet<Integer> oldLines = new TreeSet<>();
        NavigableSet<Integer> newLines = new TreeSet<>();
        findings.stream().filter(f -> f.location() != null && f.location().line() > 0
                        && path.equals(f.location().path()))
                .limit(MAX_FINDINGS)
                .forEach(f -> {
                    int baseLine = baseLine(f);
                    NavigableSet<Integer> lines = baseLine > 0 ? oldLines : newLines;
                    int at = baseLine > 0 ? baseLine : f.location().line();
                    for (int n = Math.max(1, at - AROUND); n <= at + AROUND; n++) {
                        lines.add(n);
                    }
                });
        Map<String, Map<Integer, String>> sides = new TreeMap<>();
        if (!newLines.isEmpty()) {
            TextChange change = TextChange.foundLastTo(candidate);
            sides.put("new", lines(candidate, newLines, change == null ? LineStarts.of(candidate)
                    : LineStarts.edited(candidate, LineStarts.kept(change.oldText()), change)));
        }
        if (!oldLines.isEmpty()) {
            String text = base.get();
            sides.put("old", lines(text, oldLines, LineStarts.kept(text)));
        }
        return sides;
    }

    /**
     * The base's line of a finding about something that is gone, whose lines shown are the base's: its old line when
     * it was placed in the candidate ({@link Comparison#OLD_LINE}; its own line is then the candidate's), else its
     * line. 0 for any other finding.
     */
    public static int baseLine(Finding finding) {
        return baseLine(finding.attachments().get("side"), finding.attachments().get(Comparison.OLD_LINE),
                finding.location().line());
    }

    /** {@link #baseLine(Finding)} from a finding's side, old line (null: not placed) and line, as its JSON has them. */
    public static int baseLine(String side, String oldLine, int line) {
        if (!"old".equals(side)) {
            return 0;
        }
        return oldLine == null ? line : Integer.parseInt(oldLine);
    }

    /** The wanted lines of {@code text} (1-based; lines past its end are left out). */
    static Map<Integer, String> lines(String text, NavigableSet<Integer> wanted) {
        return lines(text, wanted, LineStarts.of(text));
    }

    /** The wanted lines of {@code text}, whose lines start at {@code starts}. */
    static Map<Integer, String> lines(String text, NavigableSet<Integer> wanted, LineStarts starts) {
        Map<Integer, String> out = new TreeMap<>();
        for (int line : wanted) {
            int start = starts.start(line);
            if (start < 0) {
                break;   // past the end (there is no line after a final newline)
            }
            int end = lineEnd(text, start);
            int shown = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            out.put(line, shown - start > MAX_LINE_CHARS
                    ? text.subSequence(start, start + MAX_LINE_CHARS) + "…"
                    : text.subSequence(start, shown).toString());
        }
        return out;
    }

    /** Where the line starting at {@code from} ends: its {@code '\n'}, or the text's length. */
    private static int lineEnd(String text, int from) {
        int i = text.indexOf('\n', from);
        return i < 0 ? text.length() : i;
    }
}
