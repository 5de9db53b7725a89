package io.uapiguard.compat;

import io.uapiguard.model.Mapper;
import io.uapiguard.model.MapperMacro;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The mapper macros are written differently while a C user gets a compatible expansion: one finding per macro that
 * both sides define and write differently, or that is gone. A macro that appears is {@code mapper.added}'s.
 */
final class MapperShapeChanged extends Rule<Match.MapperPair> {

    MapperShapeChanged() {
        super(Match.MapperPair.class, RuleInfo.of("mapper.shape-changed", Severity.WARNING, Impact.TEXT,
                "Helper mapper shape changed",
                "The written form of a mapper macro changed (its parameters, how it calls or passes on FN, the"
                        + " separator between entries) or a mapper macro vanished, while what C gets from"
                        + " __BPF_FUNC_MAPPER(FN) stayed compatible: compatible for C, breaks text-based consumers"
                        + " that scrape the macro. The message says both what a C user gets and where a text scraper"
                        + " now finds the entries."));
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
            if (o == null || n != null && writtenAlike(o, n)) {
                continue;   // added (mapper.added's), or written alike wherever it stands
            }
            String was = shape(o, m.oldMapper());
            String now = n == null ? null : shape(n, m.newMapper());
            if (Objects.equals(was, now)) {
                continue;
            }
            String what = n == null ? "disappeared: it " + described(o, m.oldMapper())
                    : "changed: " + changes(o, m.oldMapper(), n, m.newMapper());
            out.of(info()).symbol(name)
                    .message("Mapper macro %s %s. %s; %s.", name, what, forC(m), forScrapers(m))
                    .values(was, now)
                    .at(n != null ? n.line() : o.line(), n != null ? Findings.Side.NEW : Findings.Side.OLD)
                    .attach("macro", name).add();
        }
    }

    /** Same parameters, use of FN, separator and body: the shape is the same, without spelling it out. */
    private static boolean writtenAlike(MapperMacro o, MapperMacro n) {
        return o.params().equals(n.params()) && o.fnArity() == n.fnArity() && o.separator().equals(n.separator())
                && Objects.equals(o.body(), n.body());
    }

    /** What a C user of the mapper gets: the same entries, perhaps with more appended (else this rule is silent). */
    private static String forC(Match.MapperPair m) {
        int was = MapperExpansion.entries(m.oldMapper().expansion()).size();
        int now = MapperExpansion.entries(m.newMapper().expansion()).size();
        String same = "A C user of " + MapperExpansion.MAPPER + "(FN) gets the same " + was
                + (was == 1 ? " entry" : " entries");
        return now == was ? same : same + " followed by " + (now - was) + " new";
    }

    /** Where a text scraper finds the entries and how they read, when that changed; else the generic warning. */
    private static String forScrapers(Match.MapperPair m) {
        MapperMacro was = MapperMacros.writer(m.oldMapper());
        MapperMacro now = MapperMacros.writer(m.newMapper());
        if (was == null || now == null) {
            return "text-based consumers that scrape the macros break";
        }
        String wasEntry = MapperMacros.entryForm(was);
        String nowEntry = MapperMacros.entryForm(now);
        if (was.name().equals(now.name()) && wasEntry.equals(nowEntry)) {
            return "text-based consumers that scrape " + now.name() + " see its new written form";
        }
        return "a text scraper now finds the entries written as " + nowEntry + " in " + now.name()
                + ", where it found " + wasEntry + " in " + was.name();
    }

    /**
     * The written form that text-based consumers depend on, in words: parameters, how FN is called or passed on,
     * separator. E.g. {@code __BPF_FUNC_MAPPER(FN): FN called with 1 argument per entry, entries separated by ","}.
     */
    static String shape(MapperMacro m, Mapper mapper) {
        String head = m.name() + "(" + String.join(", ", m.params()) + "): ";
        String target = m.fnArity() == 0 ? MapperMacros.forwardsTo(m, mapper) : null;
        if (target != null) {
            return head + "FN passed on to " + target + via(m, mapper, target);
        }
        return head + calls(m) + ", " + separation(m);
    }

    /** "calls FN with 3 arguments per entry, with no separator between entries", or "passes FN on to X". */
    static String described(MapperMacro m, Mapper mapper) {
        String how = how(m, mapper, true);
        if (m.fnArity() == 0) {
            return how;
        }
        return how + (m.separator().isEmpty() ? ", with no separator between entries"
                : ", entries separated by \"" + m.separator() + "\"");
    }

    /** How the macro uses FN, as a verb phrase ("calls FN with 1 argument per entry"; the base form unless third). */
    private static String how(MapperMacro m, Mapper mapper, boolean third) {
        if (m.fnArity() == 0) {
            String target = MapperMacros.forwardsTo(m, mapper);
            return (third ? "passes" : "pass") + " FN on to "
                    + (target == null ? "another macro" : target + via(m, mapper, target));
        }
        return (third ? "calls" : "call") + " FN with " + arguments(m.fnArity()) + " per entry";
    }

    /** " through __BPF_FUNC_MAPPER_APPLY" when the call hands the forwarded-to macro another mapper macro. */
    private static String via(MapperMacro m, Mapper mapper, String target) {
        List<String> adapters = new ArrayList<>(MapperMacros.named(m, mapper));
        adapters.remove(target);
        return adapters.isEmpty() ? "" : " through " + String.join(" and ", adapters);
    }

    /** Each difference as a clause: "it used to call FN with 1 argument per entry and now passes FN on to X". */
    private static String changes(MapperMacro o, Mapper oldMapper, MapperMacro n, Mapper newMapper) {
        List<String> out = new ArrayList<>();
        if (!o.params().equals(n.params())) {
            out.add("its parameters (" + String.join(", ", o.params()) + ") became (" + String.join(", ", n.params()) + ")");
        }
        String wasTarget = o.fnArity() == 0 ? MapperMacros.forwardsTo(o, oldMapper) : null;
        String nowTarget = n.fnArity() == 0 ? MapperMacros.forwardsTo(n, newMapper) : null;
        if (o.fnArity() != n.fnArity() || !Objects.equals(wasTarget, nowTarget)) {
            out.add("it used to " + how(o, oldMapper, false) + " and now " + how(n, newMapper, true));
        }
        // A macro that passes FN on writes no entries of its own: its separator means nothing.
        if (wasTarget == null && nowTarget == null && !o.separator().equals(n.separator())) {
            out.add(o.separator().isEmpty() ? "its entries, not separated before, are now separated by \""
                    + n.separator() + "\""
                    : n.separator().isEmpty() ? "its entries were separated by \"" + o.separator()
                    + "\" and are not any more"
                    : "its entries are separated by \"" + n.separator() + "\" instead of \"" + o.separator() + "\"");
        }
        if (out.isEmpty()) {
            out.add("its body is written differently");
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
