package io.uapiguard.compat;

import io.uapiguard.model.Problem;

/** A helper now shares its id with another helper, where the old header had no such duplicate. */
final class HelperDuplicateId extends Rule<Match.ProblemIntroduced> {

    HelperDuplicateId() {
        super(Match.ProblemIntroduced.class, RuleInfo.of("helper.duplicate-id", Severity.BREAKING, Impact.ABI,
                "Helper id duplicated",
                "Two helpers of enum bpf_func_id have the same id in the new header, and did not in the old one. A"
                        + " BPF_CALL instruction carries only the id, so programs written for one of them call the"
                        + " other."));
    }

    @Override
    void judge(Match.ProblemIntroduced m, Findings out) {
        if (!Problem.DUPLICATE_ID.equals(m.problem().kind()) || m.newHelper() == null) {
            return;
        }
        var h = m.newHelper();
        // The problem's message names both helpers: "Helper bpf_foo (id 7) has the same id as bpf_bar (line 40)."
        out.of(info()).symbol(HelperText.symbol(h))
                .message("%s", m.problem().message())
                .values(null, h.id())
                .at(m.problem().line(), Findings.Side.NEW)
                .attach("helper", h.name()).attach("id", h.id()).add();
    }
}
