package io.uapiguard.compat;

/** A field keeps its path but its type is written differently. */
final class FieldTypeChanged implements Rule<Match.FieldPair> {

    static final RuleInfo INFO = RuleInfo.of("struct.field-type-changed", Severity.BREAKING,
            "Struct field type changed",
            "A field keeps its access path but has another type: code that reads or assigns it may no longer"
                    + " build or may read the wrong width.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<Match.FieldPair> judges() {
        return Match.FieldPair.class;
    }

    @Override
    public void judge(Match.FieldPair m, Findings out) {
        String o = Matching.normalise(m.oldField().type());
        String n = Matching.normalise(m.newField().type());
        if (!o.equals(n)) {
            var f = m.newField();
            Structs.attach(out.of(INFO), m.newStruct(), f)
                    .message("Type of field %s of %s changed from %s to %s.", f.path(), Structs.label(m.newStruct()), o, n)
                    .values(o, n)
                    .at(f.line(), Findings.Side.NEW).add();
        }
    }
}
