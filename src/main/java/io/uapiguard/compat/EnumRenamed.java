package io.uapiguard.compat;

/** An enumerator disappears while a new one with its value appears in the same enum. */
final class EnumRenamed implements Rule<Match.EnumConstantRenamed> {

    static final RuleInfo INFO = RuleInfo.of("enum.renamed", Severity.BREAKING,
            "Enumerator renamed",
            "An enumerator disappears and a new one with its value appears in the same enum: binaries keep"
                    + " working, sources using the old name no longer build. (An alias added beside a name that"
                    + " stays is not a rename.)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<Match.EnumConstantRenamed> judges() {
        return Match.EnumConstantRenamed.class;
    }

    @Override
    public void judge(Match.EnumConstantRenamed m, Findings out) {
        var o = m.oldConstant();
        var n = m.newConstant();
        out.of(INFO).symbol(o.name())
                .message("Enumerator %s (%s, value %s) was renamed to %s.", o.name(), Enums.label(m.newEnum()), o.value(), n.name())
                .values(o.name(), n.name())
                .at(n.line(), Findings.Side.NEW)
                .attach("enum", Enums.attachName(m.newEnum())).attach("constant", o.name()).add();
    }
}
