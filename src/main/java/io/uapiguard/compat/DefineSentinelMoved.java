package io.uapiguard.compat;

/** A sentinel macro ({@code #define MAX_BPF_ATTACH_TYPE __MAX_BPF_ATTACH_TYPE}) moved with the enum it counts. */
final class DefineSentinelMoved extends Rule<Match.DefinePair> {

    DefineSentinelMoved() {
        super(Match.DefinePair.class, RuleInfo.of("define.sentinel-moved", Severity.INFO, Impact.NONE,
                "Macro sentinel moved",
                "A macro named like a sentinel (__MAX_*, MAX_*, *_MAX_ID, __*_MAX), usually an alias of an enum's"
                        + " sentinel, has another value. That is what sentinels do when the enum grows; user space must"
                        + " not rely on their value."));
    }

    @Override
    void judge(Match.DefinePair m, Findings out) {
        var o = m.oldDefine();
        var n = m.newDefine();
        if (Enums.sentinel(n.name()) && o.value() != null && n.value() != null && !o.value().equals(n.value())) {
            out.of(info()).symbol(n.name())
                    .message("Sentinel %s moved from %s to %s.", n.name(), o.value(), n.value())
                    .values(o.value(), n.value())
                    .at(n.line(), Findings.Side.NEW)
                    .attach("define", n.name()).add();
        }
    }
}
