package io.uapiguard.compat;

import java.util.Objects;

/** An enumerator disappears; only a warning when a #define of the same name and value replaces it. */
final class EnumRemoved extends Rule<Match.EnumConstantRemoved> {

    EnumRemoved() {
        super(Match.EnumConstantRemoved.class, RuleInfo.of("enum.removed", Severity.BREAKING, Impact.API,
                "Enumerator removed",
                "An enumerator disappears and no new one took its value in the same enum: sources using it no longer"
                        + " build. When a #define of the same name and value replaces it, sources still build"
                        + " (warning), but it is no longer usable where C needs an enumerator, such as debug info."));
    }

    @Override
    void judge(Match.EnumConstantRemoved m, Findings out) {
        var c = m.oldConstant();
        var define = m.survivingDefine();
        boolean survives = define != null && define.value() != null && Objects.equals(define.value(), c.value());
        Findings.Draft d = out.of(info()).symbol(c.name())
                .values(c.value(), survives ? define.value() : null)
                .at(c.line(), Findings.Side.OLD)
                .attach("enum", Enums.attachName(m.oldEnum())).attach("constant", c.name());
        if (survives) {
            d.severity(Severity.WARNING).attach("define", define.name())
                    .message("Enumerator %s (%s, value %s) was removed; it survives as a #define of the same value.",
                            c.name(), Enums.label(m.oldEnum()), c.value());
        } else {
            d.message("Enumerator %s (%s, value %s) was removed.", c.name(), Enums.label(m.oldEnum()), c.value());
        }
        d.add();
    }
}
