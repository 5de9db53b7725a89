package io.uapiguard.compat;

/** An enumerator disappears while a new one with its value appears in the same enum. */
final class EnumRenamed extends Rule<Match.EnumConstantRenamed> {

    EnumRenamed() {
        super(Match.EnumConstantRenamed.class, RuleInfo.of("enum.renamed", Severity.BREAKING, Impact.API,
                "Enumerator renamed",
                "An enumerator disappears and a new one with its value appears in the same enum: binaries keep"
                        + " working, sources using the old name no longer build. (An alias added beside a name that"
                        + " stays is not a rename.)"));
    }

    @Override
    void judge(Match.EnumConstantRenamed m, Findings out) {
        var o = m.oldConstant();
        var n = m.newConstant();
        out.of(info()).symbol(o.name())
                .message("Enumerator %s (%s, value %s) was renamed to %s.", o.name(), Enums.label(m.newEnum()), o.value(), n.name())
                .values(o.name(), n.name())
                .at(n.line(), Findings.Side.NEW)
                .attach("enum", Enums.attachName(m.newEnum())).attach("constant", o.name()).add();
    }
}
