package io.uapiguard.compat;


/** What __BPF_FUNC_MAPPER(FN) expands to differs, other than entries appended at the end. */
final class MapperExpansionChanged extends Rule<Match.MapperPair> {

    MapperExpansionChanged() {
        super(Match.MapperPair.class, RuleInfo.of("mapper.expansion-changed", Severity.BREAKING, Impact.ABI,
                "Helper mapper expansion changed",
                "What a C user gets from __BPF_FUNC_MAPPER(FN) differs other than by entries appended at the end:"
                        + " tables indexed by helper position, built with the mapper, now disagree with the kernel."
                        + " An entry whose helper was renamed in place is helper.renamed's to report, not this rule's."));
    }

    @Override
    void judge(Match.MapperPair m, Findings out) {
        MapperExpansion.Break b = m.expansionBreak();
        if (b == null) {
            return;
        }
        out.of(info()).symbol(MapperExpansion.MAPPER)
                .message("Expansion of %s(FN) changed at entry %d: %s became %s.", MapperExpansion.MAPPER, b.at(),
                        b.was(), b.now() == null ? "nothing" : b.now())
                .values(b.was(), b.now())
                .at(MapperExpansion.line(m.newMapper()), Findings.Side.NEW)
                .attach("macro", MapperExpansion.MAPPER).attach("entry", b.at()).add();
    }
}
