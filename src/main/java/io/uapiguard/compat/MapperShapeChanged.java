package io.uapiguard.compat;

import io.uapiguard.model.MapperMacro;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The mapper macros are written differently while a C user gets a compatible expansion. */
final class MapperShapeChanged extends Rule<Match.MapperPair> {

    MapperShapeChanged() {
        super(Match.MapperPair.class, RuleInfo.of("mapper.shape-changed", Severity.WARNING, Impact.TEXT,
                "Helper mapper shape changed",
                "The written form of the mapper macros changed (parameters, the number of arguments FN takes,"
                        + " the separator between entries, a new or vanished inner macro) while what C gets from"
                        + " __BPF_FUNC_MAPPER(FN) stayed compatible: compatible for C, breaks text-based consumers"
                        + " that scrape the macro."));
    }

    @Override
    void judge(Match.MapperPair m, Findings out) {
        if (!MapperExpansion.compatible(m)) {
            return;
        }
        Set<String> names = new LinkedHashSet<>();
        m.oldMapper().macros().forEach(x -> names.add(x.name()));
        m.newMapper().macros().forEach(x -> names.add(x.name()));
        for (String name : names) {
            MapperMacro o = MapperExpansion.macro(m.oldMapper(), name);
            MapperMacro n = MapperExpansion.macro(m.newMapper(), name);
            String was = o == null ? null : shape(o);
            String now = n == null ? null : shape(n);
            if (Objects.equals(was, now)) {
                continue;
            }
            String what = o == null ? "appeared" : n == null ? "disappeared" : "changed";
            out.of(info()).symbol(name)
                    .message("Mapper macro %s %s%s: compatible for C, breaks text-based consumers.", name, what,
                            o != null && n != null ? " from " + was + " to " + now : " (" + (now != null ? now : was) + ")")
                    .values(was, now)
                    .at(n != null ? n.line() : o.line(), n != null ? Findings.Side.NEW : Findings.Side.OLD)
                    .attach("macro", name).add();
        }
    }

    /** The written form that text-based consumers depend on: parameters, FN arity and separator. */
    static String shape(MapperMacro m) {
        List<String> parts = new ArrayList<>();
        parts.add(m.name() + "(" + String.join(", ", m.params()) + ")");
        parts.add("FN takes " + m.fnArity());
        parts.add("separator \"" + m.separator() + "\"");
        return String.join(", ", parts);
    }
}
