package io.uapiguard.compat;

/** A watched header that did not exist before: nothing breaks, reported so reviewers see the UAPI grow. */
final class HeaderAdded extends Rule<Match.HeaderAdded> {

    HeaderAdded() {
        super(Match.HeaderAdded.class, RuleInfo.of("header.added", Severity.INFO, Impact.NONE,
                "Header added",
                "A watched header exists in the new revision and not in the old one. Nothing breaks; it is listed"
                        + " so reviewers see the user-space API grow by a whole file."));
    }

    @Override
    void judge(Match.HeaderAdded m, Findings out) {
        out.of(info()).symbol(m.path())
                .message("Header %s was added%s.", m.path(), HeaderRemoved.contents(m.newModel()))
                .values(null, m.path())
                .at(1, Findings.Side.NEW)
                .attach("header", m.path()).add();
    }
}
