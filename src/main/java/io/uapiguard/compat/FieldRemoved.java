package io.uapiguard.compat;

/** A field's access path is gone and nothing took its place at the same offset and type. */
final class FieldRemoved implements Rule<Match.FieldRemoved> {

    static final RuleInfo INFO = RuleInfo.of("struct.field-removed", Severity.BREAKING,
            "Struct field removed",
            "A field (by C access path from the outer type) disappears: sources using it no longer build.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<Match.FieldRemoved> judges() {
        return Match.FieldRemoved.class;
    }

    @Override
    public void judge(Match.FieldRemoved m, Findings out) {
        var f = m.oldField();
        Structs.attach(out.of(INFO), m.oldStruct(), f)
                .message("Field %s of %s was removed.", f.path(), Structs.label(m.oldStruct()))
                .values(f.type() + " " + f.path(), null)
                .at(f.line(), Findings.Side.OLD).add();
    }
}
