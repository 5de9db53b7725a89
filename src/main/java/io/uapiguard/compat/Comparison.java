package io.uapiguard.compat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/** The immutable result of comparing two revisions; renderers only read it. */
public record Comparison(List<Finding> findings) {

    public static final int SCHEMA_VERSION = 1;

    /** The attachment a placed removal keeps its old header's line in. */
    public static final String OLD_LINE = "oldLine";

    public Comparison {
        findings = List.copyOf(findings);
    }

    /**
     * This comparison with every finding about something removed ({@code side = old}) placed in the new header:
     * its line becomes {@code newLineOf} its old line (where the text was removed), and the old line is kept in the
     * attachment {@value #OLD_LINE}. {@code newLineOf} is asked for only when there is such a finding, so a caller
     * that has both texts can hand over a line diff that costs nothing when no removal needs it; it may answer
     * null (the old text is not at hand), and the findings stay as they are.
     */
    public Comparison placeRemovals(Supplier<? extends IntUnaryOperator> newLineOf) {
        if (findings.stream().noneMatch(Comparison::unplacedRemoval)) {
            return this;
        }
        IntUnaryOperator lines = newLineOf.get();
        if (lines == null) {
            return this;
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (!unplacedRemoval(f)) {
                out.add(f);
                continue;
            }
            Map<String, String> attachments = new HashMap<>(f.attachments());
            attachments.put(OLD_LINE, Integer.toString(f.location().line()));
            out.add(new Finding(f.rule(), f.severity(), f.symbol(), f.message(), f.oldValue(), f.newValue(),
                    new Location(f.location().path(), lines.applyAsInt(f.location().line())), attachments,
                    f.accepted(), f.justification()));
        }
        return new Comparison(out);
    }

    private static boolean unplacedRemoval(Finding f) {
        return "old".equals(f.attachments().get("side")) && f.location().line() > 0
                && !f.attachments().containsKey(OLD_LINE);
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
