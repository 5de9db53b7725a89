package io.uapiguard.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;

/**
 * A struct or union ({@code kind}) with size in bytes and alignment under the target ABI (x86-64 Linux),
 * its fields flattened to C access paths from this outer type. {@code name} is its tag, or for an anonymous
 * record that a typedef names ({@code typedef struct { ... } foo_t;}) the typedef's name, {@code typedef} then
 * true (left out of the JSON when false; absent, it reads as false).
 */
public record StructDecl(String kind, String name, long size, int align, int line, List<Field> fields,
                         @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY)
                         boolean typedef) {

    public StructDecl {
        fields = List.copyOf(fields);
    }

    /** A tagged record. */
    public StructDecl(String kind, String name, long size, int align, int line, List<Field> fields) {
        this(kind, name, size, align, line, fields, false);
    }
}
