package io.uapiguard.compat;

import java.util.List;

/** The immutable result of comparing two revisions; renderers only read it. */
public record Comparison(List<Finding> findings) {

    public static final int SCHEMA_VERSION = 1;

    public Comparison {
        findings = List.copyOf(findings);
    }

    /** "breaking" when any finding that is not accepted is breaking, else "compatible". */
    public String verdict() {
        return failsAt(Severity.BREAKING) ? "breaking" : "compatible";
    }

    /** True when any finding that is not accepted is at least as severe as {@code threshold}. */
    public boolean failsAt(Severity threshold) {
        return findings.stream().anyMatch(f -> !f.accepted() && f.severity().atLeast(threshold));
    }
}
