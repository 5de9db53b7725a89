package io.uapiguard.compat;

import io.uapiguard.model.Mirror;

/**
 * A header and its copy differ in one revision (the kernel's {@code tools/include/uapi/} copy of a UAPI header):
 * judged on the two headers of the changed revision, not on an old and a new one.
 */
final class CopyOutOfSync extends Rule<Match.CopyPair> {

    CopyOutOfSync() {
        super(Match.CopyPair.class, RuleInfo.of("copy.out-of-sync", Severity.WARNING, Impact.TEXT,
                "Header copy out of sync",
                "A header and its copy, which should hold the same text (the kernel keeps one under tools/include/uapi/"
                        + " that libbpf, bpftool and perf build against), differ after the change: the tools builds"
                        + " warn, and the tools see another API than the kernel's until someone copies it over."
                        + " The message says whether the models differ or only the text."));
    }

    @Override
    void judge(Match.CopyPair m, Findings out) {
        Mirror pair = m.mirror();
        String difference = m.modelDifference() == null
                ? "only the text differs (comments or layout; the rules find no difference between the models)"
                : "the models differ (" + m.modelDifference() + ")";
        out.of(info()).symbol(pair.copy())
                .message("%s is out of sync with %s from line %d of %s: %s.", pair.copy(), pair.original(), m.line(),
                        m.anchor(), difference)
                .at(m.line(), Findings.Side.NEW)
                .attach("original", pair.original()).attach("copy", pair.copy())
                .attach("difference", m.modelDifference() == null ? "text" : "model").add();
    }
}
