package io.uapiguard.compat;

/** A macro disappears (and did not become an enumerator of the same value). */
final class DefineRemoved extends Rule<Match.DefineRemoved> {

    DefineRemoved() {
        super(Match.DefineRemoved.class, RuleInfo.of("define.removed", Severity.BREAKING, Impact.API,
                "Macro removed",
                "An object-like macro disappears: sources using it no longer build."));
    }

    @Override
    void judge(Match.DefineRemoved m, Findings out) {
        var d = m.oldDefine();
        if (DefineBecameEnum.sameValue(m)) {
            return;
        }
        out.of(info()).symbol(d.name())
                .message(d.value() == null ? "Macro %s was removed." : "Macro %s (value %s) was removed.", d.name(), d.value())
                .values(d.value() != null ? d.value() : d.text(), null)
                .at(d.line(), Findings.Side.OLD)
                .attach("define", d.name()).add();
    }
}
