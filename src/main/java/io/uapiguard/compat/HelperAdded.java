package io.uapiguard.compat;

/** A new helper: nothing breaks, reported for the record. */
final class HelperAdded extends Rule<Match.HelperAdded> {

    HelperAdded() {
        super(Match.HelperAdded.class, RuleInfo.of("helper.added", Severity.INFO, Impact.NONE,
                "Helper added",
                "A new helper name appears. Nothing breaks; it is listed so reviewers see the UAPI grow."));
    }

    @Override
    void judge(Match.HelperAdded m, Findings out) {
        var h = m.newHelper();
        out.of(info()).symbol(HelperText.symbol(h))
                .message("Helper %s (id %d) was added.", HelperText.symbol(h), h.id())
                .values(null, h.name())
                .at(h.line(), Findings.Side.NEW)
                .attach("helper", h.name()).attach("id", h.id()).add();
    }
}
