package io.uapiguard.compat;

import io.uapiguard.model.CTypes;

/** A field keeps its path but its type is written differently. */
final class FieldTypeChanged extends Rule<Match.FieldPair> {

    FieldTypeChanged() {
        super(Match.FieldPair.class, RuleInfo.of("struct.field-type-changed", Severity.BREAKING, Impact.API,
                "Struct field type changed",
                "A field keeps its access path but has another type: code that reads or assigns it may no longer"
                        + " build or may read the wrong width. A zero-length array T[0] and a flexible array T[] count as"
                        + " the same type, and so do two anonymous structs or unions (their members are compared by path)."));
    }

    @Override
    void judge(Match.FieldPair m, Findings out) {
        if (m.oldField().type().equals(m.newField().type())) {
            return;   // written alike (nearly every field of a check): nothing to normalise
        }
        String o = CTypes.collapseBlanks(m.oldField().type());
        String n = CTypes.collapseBlanks(m.newField().type());
        if (!comparable(o).equals(comparable(n)) && !(anonymous(o) && anonymous(n))) {
            var f = m.newField();
            Structs.attach(out.of(info()), m.newStruct(), f)
                    .message("Type of field %s of %s changed from %s to %s.", f.path(), Structs.label(m.newStruct()), o, n)
                    .values(o, n)
                    .at(f.line(), Findings.Side.NEW).add();
        }
    }

    /** A GNU zero-length array {@code T[0]} is used exactly like a flexible array member {@code T[]}. */
    private static String comparable(String type) {
        return type.endsWith("[0]") ? type.substring(0, type.length() - 3) + "[]" : type;
    }

    /** An anonymous struct or union has no name to change; its members are compared by their own paths. */
    private static boolean anonymous(String type) {
        return type.contains("(anonymous)");
    }
}
