package io.uapiguard.compat;

import io.uapiguard.model.UapiModel;

/** A watched header that is gone: every program that includes it stops building. */
final class HeaderRemoved extends Rule<Match.HeaderRemoved> {

    HeaderRemoved() {
        super(Match.HeaderRemoved.class, RuleInfo.of("header.removed", Severity.BREAKING, Impact.API,
                "Header removed",
                "A watched header exists in the old revision and not in the new one (deleted, or moved where no"
                        + " watched path reaches it): every program that includes it no longer builds, and"
                        + " everything it declared is gone from the user-space API."));
    }

    @Override
    void judge(Match.HeaderRemoved m, Findings out) {
        out.of(info()).symbol(m.path())
                .message("Header %s was removed%s.", m.path(), contents(m.oldModel()))
                .values(m.path(), null)
                .at(1, Findings.Side.OLD)
                .attach("header", m.path()).add();
    }

    /** ", with N helpers, N structs or unions, N enums and N macros", or "" when there is no model. */
    static String contents(UapiModel model) {
        if (model == null) {
            return "";
        }
        return ", with " + model.helpers().size() + " helpers, " + model.structs().size() + " structs or unions, "
                + model.enums().size() + " enums and " + model.defines().size() + " macros";
    }
}
