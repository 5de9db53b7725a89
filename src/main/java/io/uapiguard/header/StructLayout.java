package io.uapiguard.header;

import io.uapiguard.model.StructDecl;
import java.util.Map;

/** Lays out structs and unions under an ABI: sizes, alignments, field offsets in bits, bitfields exact. */
public final class StructLayout {

    private final Abi abi;
    private final Map<String, RecordDecl> recordsByTag;
    private final Map<String, CType> typedefs;

    /**
     * @param recordsByTag complete definitions by "struct tag" / "union tag" key
     * @param typedefs     typedef name to its type
     */
    public StructLayout(Abi abi, Map<String, RecordDecl> recordsByTag, Map<String, CType> typedefs) {
        this.abi = abi;
        this.recordsByTag = recordsByTag;
        this.typedefs = typedefs;
    }

    /** The laid-out model of a complete (named, top-level) struct or union. */
    public StructDecl layout(RecordDecl decl) {
        throw new UnsupportedOperationException("layout lands with issue 2");
    }
}
