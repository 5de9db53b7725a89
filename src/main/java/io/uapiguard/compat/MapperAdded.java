package io.uapiguard.compat;

import io.uapiguard.model.MapperMacro;

/** A mapper macro appears beside an existing mapper: nothing breaks, reported for the record. */
final class MapperAdded extends Rule<Match.MapperPair> {

    MapperAdded() {
        super(Match.MapperPair.class, RuleInfo.of("mapper.added", Severity.INFO, Impact.NONE,
                "Helper mapper macro added",
                "A new macro named like the helper mapper appears (an inner mapper with explicit ids, an adapter)."
                        + " Nothing breaks by itself; a change of how the existing mapper is written is"
                        + " mapper.shape-changed's to report."));
    }

    @Override
    void judge(Match.MapperPair m, Findings out) {
        for (MapperMacro n : m.newMapper().macros()) {
            if (MapperExpansion.macro(m.oldMapper(), n.name()) != null) {
                continue;
            }
            out.of(info()).symbol(n.name())
                    .message("Mapper macro %s was added: %s(%s) %s.", n.name(), n.name(), String.join(", ", n.params()),
                            MapperShapeChanged.described(n, m.newMapper()))
                    .values(null, MapperShapeChanged.shape(n, m.newMapper()))
                    .at(n.line(), Findings.Side.NEW)
                    .attach("macro", n.name()).add();
        }
    }
}
