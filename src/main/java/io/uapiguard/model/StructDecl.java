package io.uapiguard.model;

import java.util.List;

/**
 * A struct or union ({@code kind}) with size in bytes and alignment under the target ABI (x86-64 Linux),
 * its fields flattened to C access paths from this outer type.
 */
public record StructDecl(String kind, String name, long size, int align, int line, List<Field> fields) {

    public StructDecl {
        fields = List.copyOf(fields);
    }
}
