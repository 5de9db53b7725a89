package io.uapiguard.model;

/**
 * A field by access path from the outer type ({@code link_create.uprobe_multi.cnt}; anonymous members add no name),
 * with its normalised type, offset in bits from the start of the outer type, size in bits, and line.
 */
public record Field(String path, String type, long offsetBits, long sizeBits, int line) {
}
