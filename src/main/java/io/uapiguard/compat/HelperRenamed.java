package io.uapiguard.compat;

/** The same id now carries another, new name. */
final class HelperRenamed implements Rule<Match.HelperRenamed> {

    static final RuleInfo INFO = RuleInfo.of("helper.renamed", Severity.BREAKING,
            "Helper renamed",
            "A helper id now carries a name that did not exist before, in place of a name that is gone:"
                    + " compiled programs still work, but sources using BPF_FUNC_<old name> no longer build.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<Match.HelperRenamed> judges() {
        return Match.HelperRenamed.class;
    }

    @Override
    public void judge(Match.HelperRenamed m, Findings out) {
        var o = m.oldHelper();
        var n = m.newHelper();
        out.of(INFO).symbol(HelperText.symbol(o))
                .message("Helper %s (id %d) was renamed to %s.", HelperText.symbol(o), o.id(), HelperText.symbol(n))
                .values(o.name(), n.name())
                .at(n.line(), Findings.Side.NEW)
                .attach("helper", o.name()).attach("id", o.id()).add();
    }
}
