package io.uapiguard.compat;

/** A field's access path is gone and nothing took its place at the same offset and type. */
final class FieldRemoved extends Rule<Match.FieldRemoved> {

    FieldRemoved() {
        super(Match.FieldRemoved.class, RuleInfo.of("struct.field-removed", Severity.BREAKING, Impact.API,
                "Struct field removed",
                "A field (by C access path from the outer type) disappears: sources using it no longer build."));
    }

    @Override
    void judge(Match.FieldRemoved m, Findings out) {
        var f = m.oldField();
        Structs.attach(out.of(info()), m.oldStruct(), f)
                .message("Field %s of %s was removed.", f.path(), Structs.label(m.oldStruct()))
                .values(f.type() + " " + f.path(), null)
                .at(f.line(), Findings.Side.OLD).add();
    }
}
