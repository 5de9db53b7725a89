package io.uapiguard.header.decl;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.model.Abi;
import io.uapiguard.model.CTypes;
import io.uapiguard.model.Field;
import io.uapiguard.model.StructDecl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays out structs and unions under an ABI: sizes, alignments, field offsets in bits, bitfields exact.
 *
 * <p>The rules are gcc's for the System V psABI: each member at the next multiple of its alignment (1 inside a
 * {@code packed} record, raised by a member's {@code aligned(N)}); a bitfield goes at the next free bit unless it
 * would cross a boundary of its declared type's alignment unit, then at that boundary (packed records ignore the
 * boundary); a zero-width bitfield moves to the next boundary of its type; unnamed bitfields take space but do not
 * raise the record's alignment; union members all start at 0; a flexible array member adds its alignment but no
 * size; the record's {@code aligned(N)} raises its alignment, and its size is rounded up to it. Under
 * {@code #pragma pack(n)} every member's alignment ({@code aligned(N)} ones too) is at most n, and bitfields ignore
 * their type's boundary as in a packed record.
 *
 * <p>Fields are listed in declaration order as C access paths from the outer type: every named member, leaf or
 * aggregate (so {@code link_create.uprobe_multi} is listed with its size, then {@code link_create.uprobe_multi.cnt});
 * anonymous struct/union members add no name and are not listed themselves, their members are; unnamed bitfields
 * are padding and are not listed; an array of records is one field (its elements are not flattened).
 * A field's {@code sizeBits} is the bitfield width for a bitfield, else the member's size.
 *
 * <p>Type spellings ({@link CType#spelling}) are {@link CTypes#normalize normalised} as written, typedef names kept ({@code __u32},
 * {@code __aligned_u64}): pointers {@code struct bpf_sock *}, {@code const char **}; arrays the element's spelling
 * followed by every dimension, outermost first: {@code __u8[16]}, {@code __u32[2][3]}, {@code struct bpf_sock *[2]},
 * a flexible array {@code __u64[]}; records and enums by tag ({@code struct bpf_map_info}, {@code enum bpf_cmd}),
 * anonymous ones as {@code struct (anonymous)}, {@code union (anonymous)}, {@code enum (anonymous)}.
 *
 * <p>Not thread-safe: one instance per header; layouts of tagged records are computed once and reused.
 * Hostile input is bounded: nesting deeper than {@link #MAX_DEPTH} (typedef cycles too) and more than
 * {@link #MAX_FIELDS} fields in one record, or a type over {@link #MAX_SIZE_BYTES}, give LIMIT_EXCEEDED; a record
 * containing itself by value, a reference to
 * a record without definition, an unknown type name or a bad bitfield give PARSE_ERROR with the line.
 */
public final class StructLayout {

    /** Records, arrays and typedefs nested inside each other deeper than this are refused. */
    public static final int MAX_DEPTH = 100;
    /** A record flattening to more fields than this is refused (by-value nesting can multiply fields). */
    public static final int MAX_FIELDS = 100_000;

    /** A type larger than this (1 TiB) is refused rather than risking overflow in offset arithmetic. */
    public static final long MAX_SIZE_BYTES = 1L << 40;

    private final Abi abi;
    private final Map<String, RecordDecl> recordsByTag;
    private final Map<String, CType> typedefs;
    private final Map<String, Laid> laidByTag = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    /**
     * @param recordsByTag complete definitions by "struct tag" / "union tag" key
     * @param typedefs     typedef name to its type
     */
    public StructLayout(Abi abi, Map<String, RecordDecl> recordsByTag, Map<String, CType> typedefs) {
        this.abi = abi;
        this.recordsByTag = recordsByTag;
        this.typedefs = typedefs;
    }

    /** The laid-out model of a complete (named, top-level) struct or union; a bare reference is looked up by tag. */
    public StructDecl layout(RecordDecl decl) {
        return layout(decl, null);
    }

    /** {@link #layout(RecordDecl)}, an anonymous record's model named by {@code typedefName} (null: by its tag). */
    public StructDecl layout(RecordDecl decl, String typedefName) {
        Laid laid = decl.tag() != null ? layTagged(decl, decl.line(), 0) : layRecord(decl, 0);
        RecordDecl def = decl.members() != null ? decl : recordsByTag.get(key(decl));
        return new StructDecl(decl.kind(), typedefName != null ? typedefName : decl.tag(), laid.sizeBits / 8,
                laid.align, def.line(), laid.fields, typedefName != null);
    }

    /** Size in bytes of {@code type} (a flexible array: 0). */
    public long sizeOf(CType type, int line) {
        return shape(type, line, 0).sizeBits / 8;
    }

    /** The field at access path {@code path} of record type {@code type}, or null when it has none. */
    public Field fieldOf(CType type, String path, int line) {
        Shape s = shape(type, line, 0);
        if (s.record == null) {
            return null;
        }
        for (Field f : s.record.fields) {
            if (f.path().equals(path)) {
                return f;
            }
        }
        return null;
    }

    /** Alignment in bytes of {@code type}. */
    public int alignOf(CType type, int line) {
        return shape(type, line, 0).align;
    }

    /**
     * A laid-out record: size in bits (a multiple of 8), alignment in bytes, fields relative to its start, and the
     * member names visible at its top level (through anonymous members) with their lines, for the duplicate check.
     */
    private record Laid(long sizeBits, int align, List<Field> fields, Map<String, Integer> names) {
    }

    /** What layout needs of a member type; {@code record} non-null only for a struct or union. */
    private record Shape(long sizeBits, int align, boolean integer, boolean isVoid, Laid record) {
    }

    private Shape shape(CType type, int line, int depth) {
        if (depth > MAX_DEPTH) {
            throw error(Reason.LIMIT_EXCEEDED, "types nested deeper than " + MAX_DEPTH
                    + " levels (a typedef cycle?)", line);
        }
        if (type instanceof CType.Named n) {
            CType target = typedefs.get(n.name());
            if (target != null) {
                return shape(target, line, depth + 1);
            }
            Abi.BaseType base = abi.require(n.name(), line);
            return new Shape(base.size() * 8L, base.align(), base.isInteger(), base.size() == 0, null);
        }
        if (type instanceof CType.Pointer p) {
            requireKnown(p.target(), line);
            return new Shape(abi.pointer().size() * 8L, abi.pointer().align(), false, false, null);
        }
        if (type instanceof CType.Array a) {
            Shape element = shape(a.element(), line, depth + 1);
            if (element.isVoid) {
                throw error(Reason.PARSE_ERROR, "array of void", line);
            }
            if (a.length() != null && a.length() < 0) {
                throw error(Reason.PARSE_ERROR, "array length " + a.length() + " is negative", line);
            }
            long size;
            try {
                size = a.length() == null ? 0 : Math.multiplyExact(element.sizeBits, a.length());
            } catch (ArithmeticException e) {
                size = Long.MAX_VALUE;
            }
            if (size / 8 > MAX_SIZE_BYTES) {
                throw error(Reason.LIMIT_EXCEEDED, "array of " + a.length() + " elements is larger than "
                        + MAX_SIZE_BYTES + " bytes", line);
            }
            return new Shape(size, element.align, false, false, null);
        }
        if (type instanceof CType.Record r) {
            RecordDecl decl = r.decl();
            Laid laid = decl.tag() != null ? layTagged(decl, line, depth + 1) : layRecord(decl, depth + 1);
            return new Shape(laid.sizeBits, laid.align, false, false, laid);
        }
        return new Shape(abi.enumType().size() * 8L, abi.enumType().align(), true, false, null);
    }

    private void requireKnown(CType target, int line) {
        CType t = target;
        for (int depth = 0; t instanceof CType.Pointer || t instanceof CType.Array; depth++) {
            if (depth > MAX_DEPTH) {
                throw error(Reason.LIMIT_EXCEEDED, "types nested deeper than " + MAX_DEPTH + " levels", line);
            }
            t = t instanceof CType.Pointer p ? p.target() : ((CType.Array) t).element();
        }
        // A function type (the front end names it "int (void *ctx)") needs no layout behind a pointer.
        if (t instanceof CType.Named n && !typedefs.containsKey(n.name()) && n.name().indexOf('(') < 0) {
            abi.require(n.name(), line);
        }
    }

    private Laid layTagged(RecordDecl ref, int line, int depth) {
        String key = key(ref);
        Laid done = laidByTag.get(key);
        if (done != null) {
            return done;
        }
        RecordDecl def = ref.members() != null ? ref : recordsByTag.get(key);
        if (def == null || def.members() == null) {
            throw error(Reason.PARSE_ERROR, key + " is incomplete: it has no definition", line);
        }
        if (!inProgress.add(key)) {
            throw error(Reason.PARSE_ERROR, key + " contains itself by value", line);
        }
        try {
            Laid laid = layRecord(def, depth);
            laidByTag.put(key, laid);
            return laid;
        } finally {
            inProgress.remove(key);
        }
    }

    /** What a record's layout has placed so far: the next free bit, the extent, the alignment, fields, names. */
    private static final class Placed {
        final RecordDecl decl;
        final boolean union;
        final boolean packed;
        /** {@code #pragma pack(n)}: n caps every member's alignment (0: no cap). */
        final int pack;
        final List<Field> fields;
        final Map<String, Integer> names = new LinkedHashMap<>();
        long offset; // struct: next free bit
        long extent; // bits covered so far (union: the largest member)
        int align = 1;

        Placed(RecordDecl decl) {
            this.decl = decl;
            this.union = "union".equals(decl.kind());
            this.packed = decl.packed();
            this.pack = decl.pack();
            this.fields = new ArrayList<>(decl.members().size() * 2);
        }
    }

    private Laid layRecord(RecordDecl decl, int depth) {
        if (decl.members() == null) {
            throw error(Reason.PARSE_ERROR, decl.kind() + " without tag or members", decl.line());
        }
        if (depth > MAX_DEPTH) {
            throw error(Reason.LIMIT_EXCEEDED, "records nested deeper than " + MAX_DEPTH + " levels", decl.line());
        }
        if (!"struct".equals(decl.kind()) && !"union".equals(decl.kind())) {
            throw error(Reason.PARSE_ERROR, "'" + decl.kind() + "' is not struct or union", decl.line());
        }
        List<RecordDecl.Member> members = decl.members();
        Placed at = new Placed(decl);
        for (int i = 0; i < members.size(); i++) {
            RecordDecl.Member m = members.get(i);
            Shape s = shape(m.type(), m.line(), depth + 1);
            if (s.isVoid) {
                throw error(Reason.PARSE_ERROR, "member " + describe(m) + " has type void", m.line());
            }
            long pos = m.bitWidth() != null ? placeBitfield(at, m, s) : placeMember(at, m, s, i == members.size() - 1);
            long size = m.bitWidth() != null ? m.bitWidth() : s.sizeBits;
            if ((pos + size) / 8 > MAX_SIZE_BYTES) {
                throw error(Reason.LIMIT_EXCEEDED, decl.kind() + (decl.tag() == null ? CType.ANONYMOUS : " " + decl.tag())
                        + " is larger than " + MAX_SIZE_BYTES + " bytes", m.line());
            }
            at.extent = Math.max(at.extent, pos + size);
            if (!at.union) {
                at.offset = pos + size;
            }
        }
        int align = at.align;
        if (decl.alignedAttr() > 0) {
            align = Math.max(align, decl.alignedAttr());
        }
        long sizeBits = roundUp(roundUp(at.extent, 8), align * 8L);
        return new Laid(sizeBits, align, Collections.unmodifiableList(at.fields), at.names);
    }

    /** Places bitfield {@code m} of shape {@code s}; returns its bit position. */
    private long placeBitfield(Placed at, RecordDecl.Member m, Shape s) {
        long width = m.bitWidth();
        checkBitfield(m, s, width);
        long unit = s.align * 8L;
        long pos;
        if (at.union) {
            pos = 0;
        } else if (width == 0) {
            pos = roundUp(at.offset, unit);
        } else if (at.packed || at.pack > 0 || at.offset % unit + width <= s.sizeBits) {
            pos = at.offset;   // gcc: packed records and those under '#pragma pack' ignore the type's boundary
        } else {
            pos = roundUp(at.offset, unit);
        }
        if (m.alignedAttr() > 0) {
            int a = capped(at, m.alignedAttr());
            pos = roundUp(pos, a * 8L);
            at.align = Math.max(at.align, a);
        }
        if (m.name() != null) {
            at.align = Math.max(at.align, at.packed ? 1 : capped(at, s.align));
            declare(at.names, m.name(), m.line(), at.decl);
            add(at.fields, new Field(m.name(), m.type().spelling(), pos, width, m.line()), at.decl);
        }
        return pos;
    }

    /**
     * Places ordinary member {@code m} of shape {@code s} (a nested record's fields under its name, or directly
     * when it is anonymous); returns its bit position.
     */
    private long placeMember(Placed at, RecordDecl.Member m, Shape s, boolean last) {
        if (m.name() == null && s.record == null) {
            throw error(Reason.PARSE_ERROR, "member of type " + m.type().spelling() + " has no name", m.line());
        }
        if (m.type() instanceof CType.Array a && a.length() == null && !last) {
            throw error(Reason.PARSE_ERROR, "flexible array member " + m.name() + " is not last", m.line());
        }
        int a = at.packed ? 1 : s.align;
        if (m.alignedAttr() > 0) {
            a = Math.max(a, m.alignedAttr());
        }
        a = capped(at, a);
        long pos = at.union ? 0 : roundUp(at.offset, a * 8L);
        at.align = Math.max(at.align, a);
        String prefix = "";
        if (m.name() != null) {
            declare(at.names, m.name(), m.line(), at.decl);
            add(at.fields, new Field(m.name(), m.type().spelling(), pos, s.sizeBits, m.line()), at.decl);
            prefix = m.name() + ".";
        } else {
            for (Map.Entry<String, Integer> inner : s.record.names.entrySet()) {
                declare(at.names, inner.getKey(), inner.getValue(), at.decl);
            }
        }
        if (s.record != null) {
            for (Field f : s.record.fields) {
                add(at.fields, new Field(prefix + f.path(), f.type(), pos + f.offsetBits(), f.sizeBits(), f.line()),
                        at.decl);
            }
        }
        return pos;
    }

    /** An alignment under the record's {@code #pragma pack(n)}: at most n, its {@code aligned(N)} members too. */
    private static int capped(Placed at, int align) {
        return at.pack > 0 ? Math.min(align, at.pack) : align;
    }

    private void checkBitfield(RecordDecl.Member m, Shape s, long width) {
        if (!s.integer) {
            throw error(Reason.PARSE_ERROR, "bitfield " + describe(m) + " has non-integer type " + m.type().spelling(),
                    m.line());
        }
        if (width < 0 || width > s.sizeBits) {
            throw error(Reason.PARSE_ERROR, "width " + width + " of bitfield " + describe(m) + " is outside 0.."
                    + s.sizeBits + " (the size of " + m.type().spelling() + ")", m.line());
        }
        if (width == 0 && m.name() != null) {
            throw error(Reason.PARSE_ERROR, "named bitfield " + m.name() + " has width 0", m.line());
        }
    }

    private static void add(List<Field> fields, Field field, RecordDecl decl) {
        if (fields.size() >= MAX_FIELDS) {
            throw error(Reason.LIMIT_EXCEEDED, decl.kind() + (decl.tag() == null ? CType.ANONYMOUS : " " + decl.tag())
                    + " has more than " + MAX_FIELDS + " fields", decl.line());
        }
        fields.add(field);
    }

    /** C forbids two members of one name at one level, anonymous members' members included. */
    private static void declare(Map<String, Integer> names, String name, int line, RecordDecl decl) {
        if (names.putIfAbsent(name, line) != null) {
            throw error(Reason.PARSE_ERROR, "duplicate member " + name + " in " + decl.kind()
                    + (decl.tag() == null ? CType.ANONYMOUS : " " + decl.tag()), line);
        }
    }

    private static String key(RecordDecl decl) {
        return decl.kind() + " " + decl.tag();
    }

    private static String describe(RecordDecl.Member m) {
        return m.name() != null ? m.name() : "(unnamed)";
    }

    private static long roundUp(long value, long unit) {
        return (value + unit - 1) / unit * unit;
    }

    private static UapiguardException error(Reason reason, String message, int line) {
        return new UapiguardException(reason, message + (line > 0 ? " at line " + line : ""), null, line, 0, null);
    }
}
