package io.uapiguard.compat;

/** A struct or union disappears; its fields are not reported one by one. */
final class StructRemoved implements Rule<Match.StructRemoved> {

    static final RuleInfo INFO = RuleInfo.of("struct.removed", Severity.BREAKING,
            "Struct removed",
            "A struct or union disappears: sources using it no longer build. Its fields are not reported"
                    + " separately.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<Match.StructRemoved> judges() {
        return Match.StructRemoved.class;
    }

    @Override
    public void judge(Match.StructRemoved m, Findings out) {
        var s = m.oldStruct();
        out.of(INFO).symbol(s.name())
                .message("%s was removed.", Structs.label(s))
                .values(Structs.label(s), null)
                .at(s.line(), Findings.Side.OLD)
                .attach("struct", s.name()).attach("kind", s.kind()).add();
    }
}
