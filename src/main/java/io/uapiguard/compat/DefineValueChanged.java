package io.uapiguard.compat;

/** An object-like macro's integer value differs. */
final class DefineValueChanged extends Rule<Match.DefinePair> {

    DefineValueChanged() {
        super(Match.DefinePair.class, RuleInfo.of("define.value-changed", Severity.BREAKING, Impact.ABI,
                "Macro value changed",
                "An object-like macro that evaluates to an integer has another value: binaries compiled with the"
                        + " old value now say something else to the kernel. Macros that do not evaluate to an integer"
                        + " on both sides are not judged; sentinels are define.sentinel-moved."));
    }

    @Override
    void judge(Match.DefinePair m, Findings out) {
        var o = m.oldDefine();
        var n = m.newDefine();
        if (!Enums.sentinel(n.name()) && o.value() != null && n.value() != null && !o.value().equals(n.value())) {
            out.of(info()).symbol(n.name())
                    .message("Value of %s changed from %s to %s.", n.name(), o.value(), n.value())
                    .values(o.value(), n.value())
                    .at(n.line(), Findings.Side.NEW)
                    .attach("define", n.name()).add();
        }
    }
}
