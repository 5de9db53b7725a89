package io.uapiguard.compat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * The immutable result of comparing two revisions; renderers only read it. {@code headers} lists the paths of the
 * headers that were judged, in order (each finding's location names one of them); an empty list means nothing was
 * judged (a patch that touches no watched header) and the verdict is {@value #NOT_APPLICABLE}. Null when the list
 * was not kept (a comparison built from findings alone): such a comparison is never {@value #NOT_APPLICABLE}.
 */
public record Comparison(List<Finding> findings, List<String> headers) {

    /** The JSON result's version (docs/json-output.md); 2 added the verdict {@value #NOT_APPLICABLE}. */
    public static final int SCHEMA_VERSION = 2;

    public static final String BREAKING = "breaking";
    public static final String COMPATIBLE = "compatible";
    /** The verdict when no watched header changed, so there was nothing to judge. */
    public static final String NOT_APPLICABLE = "not-applicable";

    /** The attachment a placed removal keeps its old header's line in. */
    public static final String OLD_LINE = "oldLine";

    public Comparison {
        findings = List.copyOf(findings);
        headers = headers == null ? null : List.copyOf(new LinkedHashSet<>(headers));
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
        return withFindings(out);
    }

    private static boolean unplacedRemoval(Finding f) {
        return "old".equals(f.attachments().get("side")) && f.location().line() > 0
                && !f.attachments().containsKey(OLD_LINE);
    }

    /** Findings whose headers are not listed: the verdict is breaking or compatible. */
    public Comparison(List<Finding> findings) {
        this(findings, null);
    }

    /** No watched header changed: nothing judged, verdict {@value #NOT_APPLICABLE}. */
    public static Comparison nothingJudged() {
        return new Comparison(List.of(), List.of());
    }

    /** The same judged headers with other findings: what a step after the rules (the policy) hands on. */
    public Comparison withFindings(List<Finding> other) {
        return new Comparison(other, headers);
    }

    /** The findings about {@code path}, as the comparison of that one header. */
    public Comparison header(String path) {
        return new Comparison(findings.stream().filter(f -> path.equals(f.location().path())).toList(),
                List.of(path));
    }

    /** True when no watched header changed, so nothing was judged. */
    public boolean judgedNothing() {
        return headers != null && headers.isEmpty();
    }

    /**
     * {@value #NOT_APPLICABLE} when nothing was judged, else {@value #BREAKING} when any finding that is not
     * accepted is breaking, else {@value #COMPATIBLE}.
     */
    public String verdict() {
        if (judgedNothing()) {
            return NOT_APPLICABLE;
        }
        return failsAt(Severity.BREAKING) ? BREAKING : COMPATIBLE;
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
