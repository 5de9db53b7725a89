package io.uapiguard.model;

import java.util.List;

/**
 * The helper mapper X-macros as written, and {@code expansion}: what a C user gets from
 * {@code __BPF_FUNC_MAPPER(FN)} for a symbolic {@code FN}, as normalised tokens ({@code FN(unspec), FN(map_lookup_elem), ...}).
 * {@code expansion} is null when {@code __BPF_FUNC_MAPPER} is not defined.
 */
public record Mapper(List<MapperMacro> macros, String expansion) {

    public Mapper {
        macros = List.copyOf(macros);
    }
}
