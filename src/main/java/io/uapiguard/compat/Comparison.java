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

    /**
     * True when any finding that is not accepted, of a rule whose impact is at least as wide as {@code threshold},
     * is more than info (a finding at info severity, such as a struct that grew, breaks nothing whatever its rule).
     */
    public boolean failsAt(Impact threshold) {
        RuleCatalog catalog = RuleCatalog.standard();
        return findings.stream().anyMatch(f -> !f.accepted() && f.severity() != Severity.INFO
                && catalog.find(f.rule()).map(r -> r.impact().atLeast(threshold)).orElse(false));
    }

    /** True when any finding that is not accepted is at least as severe as {@code threshold}. */
    public boolean failsAt(Severity threshold) {
        return findings.stream().anyMatch(f -> !f.accepted() && f.severity().atLeast(threshold));
    }
}
