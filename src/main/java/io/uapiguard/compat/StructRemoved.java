package io.uapiguard.compat;

/** A struct or union disappears; its fields are not reported one by one. */
final class StructRemoved extends Rule<Match.StructRemoved> {

    StructRemoved() {
        super(Match.StructRemoved.class, RuleInfo.of("struct.removed", Severity.BREAKING, Impact.API,
                "Struct removed",
                "A struct or union disappears: sources using it no longer build. Its fields are not reported"
                        + " separately."));
    }

    @Override
    void judge(Match.StructRemoved m, Findings out) {
        var s = m.oldStruct();
        out.of(info()).symbol(s.name())
                .message("%s was removed.", Structs.label(s))
                .values(Structs.label(s), null)
                .at(s.line(), Findings.Side.OLD)
                .attach("struct", s.name()).attach("kind", s.kind()).add();
    }
}
