package io.uapiguard.compat;

/** A field keeps its path but moved inside its outer type. */
final class FieldOffsetChanged extends Rule<Match.FieldPair> {

    FieldOffsetChanged() {
        super(Match.FieldPair.class, RuleInfo.of("struct.field-offset-changed", Severity.BREAKING, Impact.ABI,
                "Struct field offset changed",
                "A field keeps its access path but sits at another offset from the start of its outer type:"
                        + " binaries compiled against the old layout read and write the wrong bytes."));
    }

    @Override
    void judge(Match.FieldPair m, Findings out) {
        long o = m.oldField().offsetBits();
        long n = m.newField().offsetBits();
        if (o != n) {
            var f = m.newField();
            Structs.attach(out.of(info()), m.newStruct(), f)
                    .message("Offset of field %s of %s changed from %s to %s.", f.path(), Structs.label(m.newStruct()),
                            Structs.offset(o), Structs.offset(n))
                    .values(o, n)
                    .at(f.line(), Findings.Side.NEW).add();
        }
    }
}
