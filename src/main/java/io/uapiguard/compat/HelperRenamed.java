package io.uapiguard.compat;

/** The same id now carries another, new name. */
final class HelperRenamed extends Rule<Match.HelperRenamed> {

    HelperRenamed() {
        super(Match.HelperRenamed.class, RuleInfo.of("helper.renamed", Severity.BREAKING, Impact.API,
                "Helper renamed",
                "A helper id now carries a name that did not exist before, in place of a name that is gone:"
                        + " compiled programs still work, but sources using BPF_FUNC_<old name> no longer build."));
    }

    @Override
    void judge(Match.HelperRenamed m, Findings out) {
        var o = m.oldHelper();
        var n = m.newHelper();
        out.of(info()).symbol(HelperText.symbol(o))
                .message("Helper %s (id %d) was renamed to %s.", HelperText.symbol(o), o.id(), HelperText.symbol(n))
                .values(o.name(), n.name())
                .at(n.line(), Findings.Side.NEW)
                .attach("helper", o.name()).attach("id", o.id()).add();
    }
}
