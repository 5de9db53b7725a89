package io.uapiguard.compat;

import java.util.Objects;

/** An enumerator's value differs (not a sentinel: those are enum.sentinel-moved). */
final class EnumValueChanged implements Rule<Match.EnumConstantPair> {

    static final RuleInfo INFO = RuleInfo.of("enum.value-changed", Severity.BREAKING,
            "Enumerator value changed",
            "An enumerator keeps its name but gets another value: binaries compiled with the old value now"
                    + " say something else to the kernel.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<Match.EnumConstantPair> judges() {
        return Match.EnumConstantPair.class;
    }

    @Override
    public void judge(Match.EnumConstantPair m, Findings out) {
        var o = m.oldConstant();
        var n = m.newConstant();
        if (!Enums.sentinel(n.name()) && !Objects.equals(o.value(), n.value())) {
            out.of(INFO).symbol(n.name())
                    .message("Value of %s (%s) changed from %s to %s.", n.name(), Enums.label(m.newEnum()), o.value(), n.value())
                    .values(o.value(), n.value())
                    .at(n.line(), Findings.Side.NEW)
                    .attach("enum", Enums.attachName(m.newEnum())).attach("constant", n.name()).add();
        }
    }
}
