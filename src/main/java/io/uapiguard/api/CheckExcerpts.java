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
 * ("new", the candidate; "old", the base, for findings whose line is the base's), line number to text. Bounded: the
 * first {@link #MAX_FINDINGS} findings with a line, {@link #AROUND} lines either side, each cut at
 * {@link #MAX_LINE_CHARS} characters. A candidate's lines are found through the change from its base that the check
 * found already (its digest's), from the base's line starts, kept for the last few bases: walking bpf.h to its helper
 * enum, 6,000 lines in, was half of what storing a check cost the service.
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
                    NavigableSet<Integer> lines = oldSide(f) ? oldLines : newLines;
                    for (int n = Math.max(1, f.location().line() - AROUND); n <= f.location().line() + AROUND; n++) {
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
     * Whether the finding's line is the base's: something that is gone and was not placed in the candidate (a placed
     * removal keeps its old line in {@link Comparison#OLD_LINE} and its line is the candidate's).
     */
    static boolean oldSide(Finding finding) {
        return "old".equals(finding.attachments().get("side")) && !finding.attachments().containsKey(Comparison.OLD_LINE);
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
