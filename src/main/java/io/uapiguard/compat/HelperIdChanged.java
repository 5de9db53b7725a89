package io.uapiguard.compat;

/** A helper name still exists but its id differs: compiled programs now call another helper. */
final class HelperIdChanged extends Rule<Match.HelperPair> {

    HelperIdChanged() {
        super(Match.HelperPair.class, RuleInfo.of("helper.id-changed", Severity.BREAKING, Impact.ABI,
                "Helper id changed",
                "A helper keeps its name but gets another id. Programs encode the id in their BPF_CALL instructions,"
                        + " so every compiled program now calls a different helper."));
    }

    @Override
    void judge(Match.HelperPair m, Findings out) {
        if (m.oldHelper().id() != m.newHelper().id()) {
            out.of(info()).symbol(HelperText.symbol(m.newHelper()))
                    .message("Helper %s changed its id from %d to %d.", HelperText.symbol(m.newHelper()),
                            m.oldHelper().id(), m.newHelper().id())
                    .values(m.oldHelper().id(), m.newHelper().id())
                    .at(m.newHelper().line(), Findings.Side.NEW)
                    .attach("helper", m.newHelper().name()).attach("id", m.newHelper().id()).add();
        }
    }
}
