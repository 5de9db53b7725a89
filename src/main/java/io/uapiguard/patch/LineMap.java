package io.uapiguard.patch;

import java.nio.charset.StandardCharsets;
import java.util.function.IntUnaryOperator;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * Where each line of an old text is in a new one, from JGit's histogram line diff of the two (what {@code git diff}
 * uses): an unchanged line moves by the lines inserted and removed above it; a removed line lands where its text
 * was removed (a replaced block maps line by line onto its replacement, as far as that goes). Lines are 1-based and
 * every answer lies in the new text ({@code 1..lines}), so a finding placed with it points into the file it names.
 */
public final class LineMap implements IntUnaryOperator {

    private final EditList edits;
    private final int newLines;

    private LineMap(EditList edits, int newLines) {
        this.edits = edits;
        this.newLines = newLines;
    }

    /** The map from {@code oldText}'s lines to {@code newText}'s. */
    public static LineMap between(String oldText, String newText) {
        RawText a = new RawText(oldText.getBytes(StandardCharsets.UTF_8));
        RawText b = new RawText(newText.getBytes(StandardCharsets.UTF_8));
        return new LineMap(new HistogramDiff().diff(RawTextComparator.DEFAULT, a, b), b.size());
    }

    /** The new text's line for {@code oldLine}; 0 (unknown) stays 0. */
    public int newLine(int oldLine) {
        if (oldLine <= 0) {
            return oldLine;
        }
        int a = oldLine - 1;   // JGit's edits are 0-based, end-exclusive
        int shift = 0;
        for (Edit e : edits) {
            if (a < e.getBeginA()) {
                break;
            }
            if (a < e.getEndA()) {
                int span = e.getEndB() - e.getBeginB();
                return clamp(e.getBeginB() + Math.min(a - e.getBeginA(), Math.max(0, span - 1)) + 1);
            }
            shift = e.getEndB() - e.getEndA();
        }
        return clamp(a + shift + 1);
    }

    @Override
    public int applyAsInt(int oldLine) {
        return newLine(oldLine);
    }

    private int clamp(int line) {
        return Math.max(1, Math.min(line, Math.max(1, newLines)));
    }
}
