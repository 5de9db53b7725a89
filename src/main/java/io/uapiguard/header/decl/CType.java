package io.uapiguard.header.decl;

/**
 * A C type as declared, after macro expansion and before layout. Built by the declaration visitor,
 * laid out by {@link StructLayout}.
 */
public sealed interface CType {

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
