package io.uapiguard.compat;

/** A helper name disappears and no new name took its id. */
final class HelperRemoved implements Rule<Match.HelperRemoved> {

    static final RuleInfo INFO = RuleInfo.of("helper.removed", Severity.BREAKING,
            "Helper removed",
            "A helper disappears from enum bpf_func_id and its id is not taken by a new name:"
                    + " programs that call it no longer build, and BPF_FUNC_<name> is gone for user space.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<Match.HelperRemoved> judges() {
        return Match.HelperRemoved.class;
    }

    @Override
    public void judge(Match.HelperRemoved m, Findings out) {
        var h = m.oldHelper();
        out.of(INFO).symbol(HelperText.symbol(h))
                .message("Helper %s (id %d) was removed.", HelperText.symbol(h), h.id())
                .values(h.name(), null)
                .at(h.line(), Findings.Side.OLD)
                .attach("helper", h.name()).attach("id", h.id()).add();
    }
}
