package io.uapiguard.compat;

import java.util.Objects;

/** A sentinel enumerator (__MAX_*, MAX_*, *_MAX_ID, __*_MAX) moved: expected whenever the enum grows. */
final class EnumSentinelMoved extends Rule<Match.EnumConstantPair> {

    EnumSentinelMoved() {
        super(Match.EnumConstantPair.class, RuleInfo.of("enum.sentinel-moved", Severity.INFO, Impact.NONE,
                "Enum sentinel moved",
                "A sentinel enumerator that counts the values of its enum (__MAX_*, MAX_*, *_MAX_ID, __*_MAX)"
                        + " has another value. That is what sentinels do when the enum grows; user space must not"
                        + " rely on their value."));
    }

    @Override
    void judge(Match.EnumConstantPair m, Findings out) {
        var o = m.oldConstant();
        var n = m.newConstant();
        if (Enums.sentinel(n.name()) && !Objects.equals(o.value(), n.value())) {
            out.of(info()).symbol(n.name())
                    .message("Sentinel %s (%s) moved from %s to %s.", n.name(), Enums.label(m.newEnum()), o.value(), n.value())
                    .values(o.value(), n.value())
                    .at(n.line(), Findings.Side.NEW)
                    .attach("enum", Enums.attachName(m.newEnum())).attach("constant", n.name()).add();
        }
    }
}
