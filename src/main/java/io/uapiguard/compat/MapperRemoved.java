package io.uapiguard.compat;

/** __BPF_FUNC_MAPPER is no longer defined. */
final class MapperRemoved implements Rule<Match.MapperPair> {

    static final RuleInfo INFO = RuleInfo.of("mapper.removed", Severity.BREAKING,
            "Helper mapper removed",
            "__BPF_FUNC_MAPPER is no longer defined: user space that builds its own tables of helpers with it"
                    + " (libbpf, bpftool, language bindings) no longer builds.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<Match.MapperPair> judges() {
        return Match.MapperPair.class;
    }

    @Override
    public void judge(Match.MapperPair m, Findings out) {
        if (m.oldMapper().expansion() != null && m.newMapper().expansion() == null) {
            out.of(INFO).symbol(MapperExpansion.MAPPER)
                    .message("Mapper macro %s was removed.", MapperExpansion.MAPPER)
                    .values(MapperExpansion.MAPPER, null)
                    .at(MapperExpansion.line(m.oldMapper()), Findings.Side.OLD)
                    .attach("macro", MapperExpansion.MAPPER).add();
        }
    }
}
