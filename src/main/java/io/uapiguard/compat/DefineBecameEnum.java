package io.uapiguard.compat;

import java.util.Objects;

/** A macro became an enumerator of the same value: C code still builds, but #ifdef on it stops working. */
final class DefineBecameEnum extends Rule<Match.DefineRemoved> {

    DefineBecameEnum() {
        super(Match.DefineRemoved.class, RuleInfo.of("define.became-enum", Severity.WARNING, Impact.API,
                "Macro became an enumerator",
                "An object-like macro is gone and an enumerator of the same name and value took its place: code"
                        + " using the value still builds, but #ifdef on the name is now false."));
    }

    @Override
    void judge(Match.DefineRemoved m, Findings out) {
        if (!sameValue(m)) {
            return;
        }
        var d = m.oldDefine();
        out.of(info()).symbol(d.name())
                .message("Macro %s became an enumerator of %s with the same value %s: #ifdef %s stops working.",
                        d.name(), Enums.label(m.newEnum()), d.value(), d.name())
                .values(d.value(), m.newConstant().value())
                .at(m.newConstant().line(), Findings.Side.NEW)
                .attach("define", d.name()).attach("enum", Enums.attachName(m.newEnum())).add();
    }

    static boolean sameValue(Match.DefineRemoved m) {
        return m.newConstant() != null && m.oldDefine().value() != null
                && Objects.equals(m.oldDefine().value(), m.newConstant().value());
    }
}
