package io.uapiguard.model;

import java.util.List;

/**
 * One {@code BPF_FUNC_xxx} of {@code enum bpf_func_id}: the name without the prefix, its evaluated id,
 * the line of its entry, and every documented signature (one per documented context; empty when undocumented).
 */
public record Helper(String name, long id, int line, List<HelperDoc> docs) {

    /** The enum whose constants are the helpers. */
    public static final String ENUM = "bpf_func_id";
    /** What each helper's constant is named with: {@code BPF_FUNC_map_lookup_elem} is helper {@code map_lookup_elem}. */
    public static final String PREFIX = "BPF_FUNC_";

    public Helper {
        docs = List.copyOf(docs);
    }
}
