package io.uapiguard.store;

import io.uapiguard.model.Helper;
import io.uapiguard.model.HelperDoc;
import io.uapiguard.model.Param;
import java.util.stream.Collectors;

/** How a helper's documented signatures are written in the helpers table: C-like, "; " between contexts. */
final class HelperRow {

    private HelperRow() {
    }

    /** {@code void *map_lookup_elem(struct bpf_map *map, const void *key)}; null when undocumented. */
    static String signature(Helper helper) {
        if (helper.docs().isEmpty()) {
            return null;
        }
        return helper.docs().stream().map(HelperRow::signature).collect(Collectors.joining("; "));
    }

    static String signature(HelperDoc doc) {
        String params = doc.params().stream().map(HelperRow::param).collect(Collectors.joining(", "));
        return join(doc.returnType(), doc.function()) + "(" + params + ")";
    }

    private static String param(Param p) {
        return p.name() == null ? p.type() : join(p.type(), p.name());
    }

    private static String join(String type, String name) {
        if (type == null || type.isEmpty()) {
            return name;
        }
        return type.endsWith("*") ? type + name : type + " " + name;
    }
}
