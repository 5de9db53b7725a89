package io.uapiguard.compat;

/** A new helper: nothing breaks, reported for the record. */
final class HelperAdded implements Rule<Match.HelperAdded> {

    static final RuleInfo INFO = RuleInfo.of("helper.added", Severity.INFO,
            "Helper added",
            "A new helper name appears. Nothing breaks; it is listed so reviewers see the UAPI grow.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<Match.HelperAdded> judges() {
        return Match.HelperAdded.class;
    }

    @Override
    public void judge(Match.HelperAdded m, Findings out) {
        var h = m.newHelper();
        out.of(INFO).symbol(HelperText.symbol(h))
                .message("Helper %s (id %d) was added.", HelperText.symbol(h), h.id())
                .values(null, h.name())
                .at(h.line(), Findings.Side.NEW)
                .attach("helper", h.name()).attach("id", h.id()).add();
    }
}
