package io.uapiguard.output;

import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.Severity;

/** Counts every format shows: findings not accepted, per severity, and the accepted ones. */
record Summary(int breaking, int warning, int info, int accepted) {

    /** What every format says when no watched header changed (verdict not-applicable). */
    static final String NOTHING_JUDGED = "No watched UAPI header changed: nothing was judged.";

    static Summary of(Comparison c) {
        int b = 0;
        int w = 0;
        int i = 0;
        int a = 0;
        for (Finding f : c.findings()) {
            if (f.accepted()) {
                a++;
            } else if (f.severity() == Severity.BREAKING) {
                b++;
            } else if (f.severity() == Severity.WARNING) {
                w++;
            } else {
                i++;
            }
        }
        return new Summary(b, w, i, a);
    }

    /** "2 breaking, 1 warning, 3 info, 1 accepted". */
    String text() {
        return breaking + " breaking, " + warning + " warning, " + info + " info, " + accepted + " accepted";
    }
}
