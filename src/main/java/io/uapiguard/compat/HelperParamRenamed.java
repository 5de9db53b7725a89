package io.uapiguard.compat;

import java.util.Objects;

/** Only parameter names differ: callers are unaffected, documentation readers may notice. */
final class HelperParamRenamed extends Rule<Match.HelperDocPair> {

    HelperParamRenamed() {
        super(Match.HelperDocPair.class, RuleInfo.of("helper.param-renamed", Severity.INFO, Impact.NONE,
                "Helper parameter renamed",
                "The documented parameters keep their number and types but some names differ. Nothing breaks."));
    }

    @Override
    void judge(Match.HelperDocPair m, Findings out) {
        if (m.newDoc() == null || m.writtenAlike() || !HelperParamsChanged.typesEqual(m.oldDoc(), m.newDoc())) {
            return;
        }
        for (int i = 0; i < m.oldDoc().params().size(); i++) {
            String o = m.oldDoc().params().get(i).name();
            String n = m.newDoc().params().get(i).name();
            if (!Objects.equals(o, n)) {
                HelperText.attachDoc(out.of(info()), m.newHelper(), m.newDoc())
                        .message("Parameter %d of %s was renamed from %s to %s.", i + 1, HelperText.symbol(m.newHelper()), o, n)
                        .values(o, n)
                        .attach("param", i + 1)
                        .at(m.newDoc().line(), Findings.Side.NEW).add();
            }
        }
    }
}
