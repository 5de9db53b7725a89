package io.uapiguard.compat;

import io.uapiguard.model.CTypes;
import io.uapiguard.model.Helper;
import io.uapiguard.model.HelperDoc;
import io.uapiguard.model.Param;
import java.util.stream.Collectors;

/** How helper findings name things, shared by the helper rules so messages follow one pattern. */
final class HelperText {

    private HelperText() {
    }

    /** The name a BPF program calls: {@code bpf_} and the mapper name. */
    static String symbol(Helper h) {
        return "bpf_" + h.name();
    }

    static String signature(HelperDoc doc) {
        return doc.params().stream().map(HelperText::param).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String param(Param p) {
        String type = CTypes.collapseBlanks(p.type());
        if (p.name() == null) {
            return type;
        }
        return type.endsWith("*") ? type + p.name() : type + " " + p.name();
    }

    /** Attaches what suppressions match on for a documented signature: helper, id and the context. */
    static Findings.Draft attachDoc(Findings.Draft d, Helper h, HelperDoc doc) {
        return d.symbol(symbol(h)).attach("helper", h.name()).attach("id", h.id())
                .attach("context", Matching.context(doc));
    }
}
