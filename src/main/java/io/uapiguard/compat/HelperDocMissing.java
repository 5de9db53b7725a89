package io.uapiguard.compat;

/** A documented signature of a helper has no counterpart any more. */
final class HelperDocMissing implements Rule<Match.HelperDocPair> {

    static final RuleInfo INFO = RuleInfo.of("helper.doc-missing", Severity.WARNING,
            "Helper documentation missing",
            "A helper that had a documented signature has none now (or one of its documented contexts is gone):"
                    + " bpf_helper_defs.h and other generated bindings lose its prototype.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public Class<Match.HelperDocPair> judges() {
        return Match.HelperDocPair.class;
    }

    @Override
    public void judge(Match.HelperDocPair m, Findings out) {
        if (m.newDoc() != null) {
            return;
        }
        var h = m.newHelper();
        String sym = HelperText.symbol(h);
        Findings.Draft d = HelperText.attachDoc(out.of(INFO), h, m.oldDoc())
                .values(HelperText.signature(m.oldDoc()), null)
                .at(m.oldDoc().line(), Findings.Side.OLD);
        if (h.docs().isEmpty()) {
            d.message("Helper %s (id %d) has no documented signature any more.", sym, h.id());
        } else {
            d.message("Helper %s (id %d) lost its documented signature %s.", sym, h.id(), HelperText.signature(m.oldDoc()));
        }
        d.add();
    }
}
