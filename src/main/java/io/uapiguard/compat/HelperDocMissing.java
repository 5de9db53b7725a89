package io.uapiguard.compat;

/** A documented signature of a helper has no counterpart any more. */
final class HelperDocMissing extends Rule<Match.HelperDocPair> {

    HelperDocMissing() {
        super(Match.HelperDocPair.class, RuleInfo.of("helper.doc-missing", Severity.WARNING, Impact.TEXT,
                "Helper documentation missing",
                "A helper that had a documented signature has none now (or one of its documented contexts is gone):"
                        + " bpf_helper_defs.h and other generated bindings lose its prototype."));
    }

    @Override
    void judge(Match.HelperDocPair m, Findings out) {
        if (m.newDoc() != null) {
            return;
        }
        var h = m.newHelper();
        String sym = HelperText.symbol(h);
        Findings.Draft d = HelperText.attachDoc(out.of(info()), h, m.oldDoc())
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
