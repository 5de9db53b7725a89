package io.uapiguard.model;

import java.util.List;

/** A signature from the helper documentation comment, types normalised ({@code struct bpf_map *}). */
public record HelperDoc(int line, String returnType, String function, List<Param> params) {

    public HelperDoc {
        params = List.copyOf(params);
    }
}
