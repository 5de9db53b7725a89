package io.uapiguard.compat;

import java.util.Objects;

/** A sentinel enumerator (__MAX_*, MAX_*, *_MAX_ID, __*_MAX) moved: expected whenever the enum grows. */
final class EnumSentinelMoved implements Rule<Match.EnumConstantPair> {

    static final RuleInfo INFO = RuleInfo.of("enum.sentinel-moved", Severity.INFO,
            "Enum sentinel moved",
            "A sentinel enumerator that counts the values of its enum (__MAX_*, MAX_*, *_MAX_ID, __*_MAX)"
                    + " has another value. That is what sentinels do when the enum grows; user space must not"
                    + " rely on their value.");

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
        if (Enums.sentinel(n.name()) && !Objects.equals(o.value(), n.value())) {
            out.of(INFO).symbol(n.name())
                    .message("Sentinel %s (%s) moved from %s to %s.", n.name(), Enums.label(m.newEnum()), o.value(), n.value())
                    .values(o.value(), n.value())
                    .at(n.line(), Findings.Side.NEW)
                    .attach("enum", Enums.attachName(m.newEnum())).attach("constant", n.name()).add();
        }
    }
}
