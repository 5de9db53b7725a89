package io.uapiguard.output;

import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;

/** How the people-facing formats say where a finding about something removed came from. */
final class Anchors {

    private Anchors() {
    }

    /** The old header's line of a removal placed in the new header, or null. */
    static String oldLine(Finding f) {
        return f.attachments().get(Comparison.OLD_LINE);
    }

    /** A removal not placed in the new header: its line is the old header's (a comparison of stored models). */
    static boolean onOldSide(Finding f) {
        return "old".equals(f.attachments().get("side")) && oldLine(f) == null;
    }

    /** " (old)" after a line of the old header, " (removed at old line 1045)" after a placed removal's line. */
    static String note(Finding f) {
        String oldLine = oldLine(f);
        return oldLine != null ? " (removed at old line " + oldLine + ")" : onOldSide(f) ? " (old)" : "";
    }
}
