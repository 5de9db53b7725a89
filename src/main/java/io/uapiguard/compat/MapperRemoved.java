package io.uapiguard.compat;

/** __BPF_FUNC_MAPPER is no longer defined. */
final class MapperRemoved extends Rule<Match.MapperPair> {

    MapperRemoved() {
        super(Match.MapperPair.class, RuleInfo.of("mapper.removed", Severity.BREAKING, Impact.API,
                "Helper mapper removed",
                "__BPF_FUNC_MAPPER is no longer defined: user space that builds its own tables of helpers with it"
                        + " (libbpf, bpftool, language bindings) no longer builds."));
    }

    @Override
    void judge(Match.MapperPair m, Findings out) {
        if (m.oldMapper().expansion() != null && m.newMapper().expansion() == null) {
            out.of(info()).symbol(MapperExpansion.MAPPER)
                    .message("Mapper macro %s was removed.", MapperExpansion.MAPPER)
                    .values(MapperExpansion.MAPPER, null)
                    .at(MapperExpansion.line(m.oldMapper()), Findings.Side.OLD)
                    .attach("macro", MapperExpansion.MAPPER).add();
        }
    }
}
