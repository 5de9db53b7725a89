package io.uapiguard.compat;

import io.uapiguard.model.CTypes;
import io.uapiguard.model.HelperDoc;

/** The documented parameter count or a parameter type differs (an added const too). */
final class HelperParamsChanged extends Rule<Match.HelperDocPair> {

    HelperParamsChanged() {
        super(Match.HelperDocPair.class, RuleInfo.of("helper.params-changed", Severity.BREAKING, Impact.API,
                "Helper parameters changed",
                "The documented parameter list of a helper has another length or another type at some position,"
                        + " including an added or dropped const: calls written against the old signature may not build."));
    }

    @Override
    void judge(Match.HelperDocPair m, Findings out) {
        if (m.newDoc() != null && !m.writtenAlike() && !typesEqual(m.oldDoc(), m.newDoc())) {
            String o = HelperText.signature(m.oldDoc());
            String n = HelperText.signature(m.newDoc());
            HelperText.attachDoc(out.of(info()), m.newHelper(), m.newDoc())
                    .message("Parameters of %s changed from %s to %s.", HelperText.symbol(m.newHelper()), o, n)
                    .values(o, n)
                    .at(m.newDoc().line(), Findings.Side.NEW).add();
        }
    }

    static boolean typesEqual(HelperDoc a, HelperDoc b) {
        if (a.params().size() != b.params().size()) {
            return false;
        }
        for (int i = 0; i < a.params().size(); i++) {
            String x = a.params().get(i).type();
            String y = b.params().get(i).type();
            if (!x.equals(y) && !CTypes.collapseBlanks(x).equals(CTypes.collapseBlanks(y))) {
                return false;
            }
        }
        return true;
    }
}
