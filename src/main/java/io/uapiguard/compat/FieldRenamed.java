package io.uapiguard.compat;

/** A field's path is gone and another path appeared at the same offset with the same type. */
final class FieldRenamed extends Rule<Match.FieldRenamed> {

    FieldRenamed() {
        super(Match.FieldRenamed.class, RuleInfo.of("struct.field-renamed", Severity.BREAKING, Impact.API,
                "Struct field renamed",
                "A field disappears and another appears at the same offset with the same type and size: binaries"
                        + " keep working, sources using the old name no longer build."));
    }

    @Override
    void judge(Match.FieldRenamed m, Findings out) {
        var o = m.oldField();
        var n = m.newField();
        Structs.attach(out.of(info()), m.oldStruct(), o)
                .message("Field %s of %s was renamed to %s.", o.path(), Structs.label(m.newStruct()), n.path())
                .values(o.path(), n.path())
                .at(n.line(), Findings.Side.NEW).add();
    }
}
