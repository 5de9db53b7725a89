package io.uapiguard.compat;

/** The total size differs: breaking when it shrinks, info when it grows (the kernel accepts older, smaller sizes). */
final class StructSizeChanged extends Rule<Match.StructPair> {

    StructSizeChanged() {
        super(Match.StructPair.class, RuleInfo.of("struct.size-changed", Severity.BREAKING, Impact.ABI,
                "Struct size changed",
                "The size of a struct or union differs. Shrinking breaks user space that passes the old size;"
                        + " growing is how the BPF UAPI extends structs (the kernel checks that the tail is zero),"
                        + " so a growth is info."));
    }

    @Override
    void judge(Match.StructPair m, Findings out) {
        long o = m.oldStruct().size();
        long n = m.newStruct().size();
        if (o == n) {
            return;
        }
        var s = m.newStruct();
        out.of(info()).symbol(s.name())
                .severity(n < o ? Severity.BREAKING : Severity.INFO)
                .message("Size of %s changed from %d to %d bytes (%s).", Structs.label(s), o, n, n < o ? "shrunk" : "grown")
                .values(o, n)
                .at(s.line(), Findings.Side.NEW)
                .attach("struct", s.name()).attach("kind", s.kind()).add();
    }
}
