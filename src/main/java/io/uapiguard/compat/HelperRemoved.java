package io.uapiguard.compat;

/** A helper name disappears and no new name took its id. */
final class HelperRemoved extends Rule<Match.HelperRemoved> {

    HelperRemoved() {
        super(Match.HelperRemoved.class, RuleInfo.of("helper.removed", Severity.BREAKING, Impact.API,
                "Helper removed",
                "A helper disappears from enum bpf_func_id and its id is not taken by a new name:"
                        + " programs that call it no longer build, and BPF_FUNC_<name> is gone for user space."));
    }

    @Override
    void judge(Match.HelperRemoved m, Findings out) {
        var h = m.oldHelper();
        out.of(info()).symbol(HelperText.symbol(h))
                .message("Helper %s (id %d) was removed.", HelperText.symbol(h), h.id())
                .values(h.name(), null)
                .at(h.line(), Findings.Side.OLD)
                .attach("helper", h.name()).attach("id", h.id()).add();
    }
}
