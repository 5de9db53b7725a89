package io.uapiguard.header.decl;

import io.uapiguard.model.CTypes;

/**
 * A C type as declared, after macro expansion and before layout. Built by the declaration visitor,
 * laid out by {@link StructLayout}.
 */
public sealed interface CType {

    /** What stands for the tag of an anonymous struct, union or enum in a spelling. */
    String ANONYMOUS = " (anonymous)";

    /**
     * The spelling of this type in the model ({@link io.uapiguard.model.Field#type()}, messages, the names of
     * function types): {@link CTypes#normalize normalised}, typedef names kept ({@code __u32}, not
     * {@code unsigned int}), array dimensions in declaration order ({@code __u8[2][16]}).
     */
    default String spelling() {
        if (this instanceof Named n) {
            return CTypes.normalize(n.name());
        }
        if (this instanceof Pointer p) {
            String q = p.qualifiers() == null || p.qualifiers().isBlank() ? "" : p.qualifiers() + " ";
            return CTypes.normalize(q + p.target().spelling() + " *");
        }
        if (this instanceof Array) {
            StringBuilder dims = new StringBuilder();
            CType t = this;
            while (t instanceof Array arr) {
                dims.append('[').append(arr.length() == null ? "" : arr.length().toString()).append(']');
                t = arr.element();
            }
            return t.spelling() + dims;
        }
        if (this instanceof Record r) {
            return r.decl().kind() + (r.decl().tag() == null ? ANONYMOUS : " " + r.decl().tag());
        }
        Enum e = (Enum) this;
        return "enum" + (e.tag() == null ? ANONYMOUS : " " + e.tag());
    }

    /** A base type or typedef name as written, spaces normalised: {@code __u32}, {@code unsigned int}, {@code char}. */
    record Named(String name) implements CType {
    }

    /** A pointer; {@code qualifiers} are those on the pointed-to type as written ({@code const}). */
    record Pointer(CType target, String qualifiers) implements CType {
    }

    /** An array; {@code length} null for a flexible array member ({@code []}). */
    record Array(CType element, Long length) implements CType {
    }

    /** A struct or union: an inline definition, or a reference by tag ({@link RecordDecl#members()} null). */
    record Record(RecordDecl decl) implements CType {
    }

    /** An enum by tag (laid out as a 4-byte int on x86-64); {@code tag} null for an anonymous inline enum. */
    record Enum(String tag) implements CType {
    }
}
