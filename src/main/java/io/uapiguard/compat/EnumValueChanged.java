package io.uapiguard.compat;

import java.util.Objects;

/** An enumerator's value differs (not a sentinel: those are enum.sentinel-moved). */
final class EnumValueChanged extends Rule<Match.EnumConstantPair> {

    EnumValueChanged() {
        super(Match.EnumConstantPair.class, RuleInfo.of("enum.value-changed", Severity.BREAKING, Impact.ABI,
                "Enumerator value changed",
                "An enumerator keeps its name but gets another value: binaries compiled with the old value now"
                        + " say something else to the kernel."));
    }

    @Override
    void judge(Match.EnumConstantPair m, Findings out) {
        var o = m.oldConstant();
        var n = m.newConstant();
        if (!Enums.sentinel(n.name()) && !Objects.equals(o.value(), n.value())) {
            out.of(info()).symbol(n.name())
                    .message("Value of %s (%s) changed from %s to %s.", n.name(), Enums.label(m.newEnum()), o.value(), n.value())
                    .values(o.value(), n.value())
                    .at(n.line(), Findings.Side.NEW)
                    .attach("enum", Enums.attachName(m.newEnum())).attach("constant", n.name()).add();
        }
    }
}
