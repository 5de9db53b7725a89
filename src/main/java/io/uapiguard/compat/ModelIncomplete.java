package io.uapiguard.compat;

/**
 * The new model has a gap the old one had not (an include not found, a member that declares nothing): what depends
 * on it could not be judged. Gaps both sides share say nothing new, so they add no finding to every pair.
 */
final class ModelIncomplete extends Rule<Match.GapIntroduced> {

    ModelIncomplete() {
        super(Match.GapIntroduced.class, RuleInfo.of("model.incomplete", Severity.WARNING, Impact.NONE,
                "Model incomplete",
                "The new header's model lacks something the old one's did not: an #include that could not be found,"
                        + " or a declaration that could not be modelled. The elements that depend on it could not be"
                        + " judged; the finding names what is missing and why."));
    }

    @Override
    void judge(Match.GapIntroduced m, Findings out) {
        var g = m.gap();
        out.of(info()).symbol(g.element())
                .message("%s could not be judged: %s (%s:%d).", g.element(), g.why(), g.file(), g.line())
                .at(g.line(), Findings.Side.NEW)
                .attach("element", g.element())
                .add();
    }
}
