package io.uapiguard.model;

import java.util.List;

/**
 * One {@code BPF_FUNC_xxx} of {@code enum bpf_func_id}: the name without the prefix, its evaluated id,
 * the line of its entry, and every documented signature (one per documented context; empty when undocumented).
 */
public record Helper(String name, long id, int line, List<HelperDoc> docs) {

    public Helper {
        docs = List.copyOf(docs);
    }
}
