package io.uapiguard.compat;

import io.uapiguard.model.Field;
import io.uapiguard.model.StructDecl;

/** How struct findings name things, so the struct rules' messages follow one pattern. */
final class Structs {

    private Structs() {
    }

    /** {@code union bpf_attr}. */
    static String label(StructDecl s) {
        return s.kind() + " " + s.name();
    }

    /** {@code bpf_attr.map_type}: what acceptances name. */
    static String symbol(StructDecl s, Field f) {
        return s.name() + "." + f.path();
    }

    /** Offsets read as bytes where they fall on a byte, else as bits. */
    static String offset(long bits) {
        return bits % 8 == 0 ? "byte " + bits / 8 : "bit " + bits;
    }

    static Findings.Draft attach(Findings.Draft d, StructDecl s, Field f) {
        return d.symbol(symbol(s, f)).attach("struct", s.name()).attach("kind", s.kind()).attach("field", f.path());
    }
}
