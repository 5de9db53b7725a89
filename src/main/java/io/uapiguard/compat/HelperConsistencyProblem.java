package io.uapiguard.compat;

import io.uapiguard.model.Problem;

/**
 * The new header has an inconsistency between the helper enum, its documentation and the mapper's ids that the old
 * one had not (a duplicate id is {@link HelperDuplicateId}'s).
 */
final class HelperConsistencyProblem extends Rule<Match.ProblemIntroduced> {

    HelperConsistencyProblem() {
        super(Match.ProblemIntroduced.class, RuleInfo.of("helper.consistency-problem", Severity.WARNING, Impact.TEXT,
                "Helper inconsistency introduced",
                "The new header has an inconsistency that the old one had not: a helper of enum bpf_func_id without"
                        + " documentation, documentation of a helper the enum lacks, a mapper id that differs from the"
                        + " enum's, or a documentation line that does not parse as a signature. Bindings generated from"
                        + " the header (bpf_helper_defs.h) come out incomplete or wrong."));
    }

    @Override
    void judge(Match.ProblemIntroduced m, Findings out) {
        var p = m.problem();
        if (Problem.DUPLICATE_ID.equals(p.kind())) {
            return;
        }
        if (Problem.UNDOCUMENTED.equals(p.kind()) && m.oldHelper() != null && !m.oldHelper().docs().isEmpty()) {
            return;   // a helper that lost its documentation: helper.doc-missing says so
        }
        var h = m.newHelper();
        Findings.Draft d = out.of(info()).symbol(h != null ? HelperText.symbol(h) : p.symbol())
                .message("%s", p.message())
                .at(p.line(), Findings.Side.NEW)
                .attach("problem", p.kind());
        if (h != null) {
            d.attach("helper", h.name()).attach("id", h.id());
        }
        d.add();
    }
}
