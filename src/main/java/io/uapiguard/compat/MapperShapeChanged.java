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
            String what = o == null ? "appeared: " + described(n) : n == null ? "disappeared: it was " + described(o)
                    : "changed: " + changes(o, n);
            out.of(info()).symbol(name)
                    .message("Mapper macro %s %s; compatible for C, breaks text-based consumers.", name, what)
                    .values(was, now)
                    .at(n != null ? n.line() : o.line(), n != null ? Findings.Side.NEW : Findings.Side.OLD)
                    .attach("macro", name).add();
        }
    }

    /**
     * The written form that text-based consumers depend on, in words: parameters, how FN is called, separator.
     * E.g. {@code __BPF_FUNC_MAPPER(FN): FN called with 1 argument per entry, entries separated by ","}.
     */
    static String shape(MapperMacro m) {
        return m.name() + "(" + String.join(", ", m.params()) + "): " + calls(m) + ", " + separation(m);
    }

    /** "M(FN, ctx...) calls FN with 3 arguments per entry, with no separator between entries". */
    private static String described(MapperMacro m) {
        return m.name() + "(" + String.join(", ", m.params()) + ") " + (m.fnArity() == 0
                ? "passes FN on to another macro" : "calls FN with " + arguments(m.fnArity()) + " per entry")
                + (m.separator().isEmpty() ? ", with no separator between entries"
                : ", entries separated by \"" + m.separator() + "\"");
    }

    /** Each difference as a clause: "its entries were separated by "," and are not any more". */
    private static String changes(MapperMacro o, MapperMacro n) {
        List<String> out = new ArrayList<>();
        if (!o.params().equals(n.params())) {
            out.add("its parameters (" + String.join(", ", o.params()) + ") became (" + String.join(", ", n.params()) + ")");
        }
        if (o.fnArity() != n.fnArity()) {
            out.add(o.fnArity() == 0 ? "it used to pass FN on to another macro and now calls FN with "
                    + arguments(n.fnArity()) + " per entry"
                    : n.fnArity() == 0 ? "it used to call FN with " + arguments(o.fnArity())
                    + " per entry and now passes FN on to another macro"
                    : "it calls FN with " + arguments(n.fnArity()) + " per entry instead of " + o.fnArity());
        }
        if (!o.separator().equals(n.separator())) {
            out.add(o.separator().isEmpty() ? "its entries, not separated before, are now separated by \""
                    + n.separator() + "\""
                    : n.separator().isEmpty() ? "its entries were separated by \"" + o.separator()
                    + "\" and are not any more"
                    : "its entries are separated by \"" + n.separator() + "\" instead of \"" + o.separator() + "\"");
        }
        return String.join(", and ", out);
    }

    private static String calls(MapperMacro m) {
        return m.fnArity() == 0 ? "FN passed on to another macro" : "FN called with " + arguments(m.fnArity()) + " per entry";
    }

    private static String separation(MapperMacro m) {
        return m.separator().isEmpty() ? "no separator between entries" : "entries separated by \"" + m.separator() + "\"";
    }

    private static String arguments(int n) {
        return n == 1 ? "1 argument" : n + " arguments";
    }
}
