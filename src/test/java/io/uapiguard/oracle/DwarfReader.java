package io.uapiguard.oracle;

import io.uapiguard.oracle.GroundTruth.RecordFact;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of {@code llvm-dwarfdump --debug-info --show-form}: a tree of DIEs, one per line
 * {@code 0x0000002d:   DW_TAG_structure_type} whose nesting is the indentation after the offset, each followed by
 * its attributes {@code DW_AT_byte_size [DW_FORM_data1]	(0x08)}. The form is asked for because it decides how
 * an enumerator's value reads: {@code DW_FORM_sdata} is signed, the {@code DW_FORM_data*} and
 * {@code DW_FORM_udata} forms are unsigned (gcc writes a negative value as sdata). Lines of any other shape are
 * ignored, so a newer dumper's extra lines do not break it.
 */
final class DwarfReader {

    private static final Pattern DIE = Pattern.compile("^0x([0-9a-f]+):( +)(DW_TAG_\\w+|NULL)\\s*$");
    private static final Pattern ATTRIBUTE = Pattern.compile("^\\s+(DW_AT_\\w+)\\s+\\[(DW_FORM_\\w+)\\]\\s+\\((.*)\\)\\s*$");
    private static final Pattern PLUS_UCONST = Pattern.compile("DW_OP_plus_uconst (0x[0-9a-f]+|\\d+)");
    private static final Set<String> QUALIFIERS = Set.of("DW_TAG_typedef", "DW_TAG_const_type", "DW_TAG_volatile_type",
            "DW_TAG_restrict_type", "DW_TAG_atomic_type");
    /** Deeper than any real header nests records by value; guards against a cycle in a malformed dump. */
    private static final int MAX_NESTING = 64;

    /** One debugging information entry. */
    static final class Die {
        final long offset;
        final String tag;
        final Map<String, String[]> attributes = new LinkedHashMap<>(); // name -> {form, value}
        final List<Die> children = new ArrayList<>();
        final Die parent;

        Die(long offset, String tag, Die parent) {
            this.offset = offset;
            this.tag = tag;
            this.parent = parent;
        }

        String form(String attribute) {
            String[] a = attributes.get(attribute);
            return a == null ? null : a[0];
        }

        String raw(String attribute) {
            String[] a = attributes.get(attribute);
            return a == null ? null : a[1];
        }

        /** A string attribute without its quotes, or null. */
        String string(String attribute) {
            String v = raw(attribute);
            if (v == null || v.length() < 2 || !v.startsWith("\"") || !v.endsWith("\"")) {
                return null;
            }
            return v.substring(1, v.length() - 1);
        }

        /** A constant attribute (hex or decimal), read unsigned unless its form is sdata; null when absent. */
        BigInteger number(String attribute) {
            String v = raw(attribute);
            if (v == null) {
                return null;
            }
            String first = v.split("[ \"]", 2)[0];
            if (first.startsWith("0x")) {
                return new BigInteger(first.substring(2), 16);
            }
            return new BigInteger(first);
        }

        /** The offset a reference attribute points at ({@code (0x0000004c "int")}), or -1. */
        long reference(String attribute) {
            String v = raw(attribute);
            if (v == null || !v.startsWith("0x")) {
                return -1;
            }
            return Long.parseLong(v.substring(2).split("[ \"]", 2)[0], 16);
        }
    }

    private final Map<Long, Die> byOffset = new HashMap<>();
    private final List<Die> units = new ArrayList<>();

    DwarfReader(String dump) {
        Deque<Die> open = new ArrayDeque<>();
        Deque<Integer> indents = new ArrayDeque<>();
        Die current = null;
        for (String line : dump.split("\n")) {
            Matcher die = DIE.matcher(line);
            if (die.matches()) {
                int indent = die.group(2).length();
                while (!indents.isEmpty() && indents.peek() >= indent) {
                    indents.pop();
                    open.pop();
                }
                if (die.group(3).equals("NULL")) {
                    current = null;
                    continue;
                }
                Die parent = open.peek();
                current = new Die(Long.parseLong(die.group(1), 16), die.group(3), parent);
                byOffset.put(current.offset, current);
                (parent == null ? units : parent.children).add(current);
                open.push(current);
                indents.push(indent);
                continue;
            }
            Matcher attribute = ATTRIBUTE.matcher(line);
            if (current != null && attribute.matches()) {
                current.attributes.put(attribute.group(1), new String[] {attribute.group(2), attribute.group(3)});
            }
        }
    }

    /** The top-level DIEs (compile units). */
    List<Die> units() {
        return units;
    }

    /** Every enumerator of the enums declared in {@code file}, by name. */
    Map<String, BigInteger> enumConstants(Path file) {
        Map<String, BigInteger> constants = new LinkedHashMap<>();
        for (Die d : all()) {
            if (d.tag.equals("DW_TAG_enumeration_type") && declaredIn(d, file)) {
                for (Die e : d.children) {
                    if (e.tag.equals("DW_TAG_enumerator")) {
                        constants.put(e.string("DW_AT_name"), constant(e));
                    }
                }
            }
        }
        return constants;
    }

    /** Every complete struct and union declared in {@code file}: tagged ones by tag, anonymous ones by typedef. */
    Map<String, RecordFact> records(Path file) {
        Map<Long, String> typedefNames = new HashMap<>();
        for (Die d : all()) {
            if (d.tag.equals("DW_TAG_typedef") && declaredIn(d, file)) {
                typedefNames.putIfAbsent(d.reference("DW_AT_type"), d.string("DW_AT_name"));
            }
        }
        Map<String, RecordFact> records = new LinkedHashMap<>();
        for (Die d : all()) {
            boolean struct = d.tag.equals("DW_TAG_structure_type");
            if (!(struct || d.tag.equals("DW_TAG_union_type")) || !declaredIn(d, file)
                    || d.raw("DW_AT_declaration") != null) {
                continue;
            }
            String name = d.string("DW_AT_name");
            boolean typedefName = false;
            if (name == null) {
                name = typedefNames.get(d.offset);
                typedefName = true;
            }
            if (name == null) {
                continue; // an anonymous member's type: its members are flattened into the outer record
            }
            BigInteger size = d.number("DW_AT_byte_size");
            if (size == null) {
                throw new IllegalStateException("complete record " + name + " has no DW_AT_byte_size");
            }
            Map<String, Long> members = new LinkedHashMap<>();
            flatten(d, "", 0, members, 0);
            records.putIfAbsent(name, new RecordFact(struct ? "struct" : "union", name, typedefName,
                    size.longValueExact(), members));
        }
        return records;
    }

    private void flatten(Die record, String prefix, long base, Map<String, Long> out, int depth) {
        if (depth > MAX_NESTING) {
            throw new IllegalStateException("records nested deeper than " + MAX_NESTING + " at DIE 0x"
                    + Long.toHexString(record.offset));
        }
        for (Die m : record.children) {
            if (!m.tag.equals("DW_TAG_member")) {
                continue;
            }
            String name = m.string("DW_AT_name");
            boolean bitfield = m.raw("DW_AT_bit_size") != null;
            if (name == null && bitfield) {
                continue; // padding
            }
            long offset = base + bitOffset(m);
            if (name != null) {
                out.put(prefix + name, offset);
            }
            Die type = strip(byOffset.get(m.reference("DW_AT_type")));
            if (!bitfield && type != null
                    && (type.tag.equals("DW_TAG_structure_type") || type.tag.equals("DW_TAG_union_type"))) {
                flatten(type, name == null ? prefix : prefix + name + ".", offset, out, depth + 1);
            }
        }
    }

    /** A member's offset in bits from the start of its record (union members have none: 0). */
    private static long bitOffset(Die m) {
        BigInteger dataBit = m.number("DW_AT_data_bit_offset");
        if (dataBit != null) {
            return dataBit.longValueExact();
        }
        long bytes = 0;
        String location = m.raw("DW_AT_data_member_location");
        if (location != null) {
            Matcher plus = PLUS_UCONST.matcher(location);
            bytes = plus.find() ? new BigInteger(plus.group(1).replace("0x", ""), plus.group(1).startsWith("0x") ? 16 : 10)
                    .longValueExact() : m.number("DW_AT_data_member_location").longValueExact();
        }
        BigInteger oldBit = m.number("DW_AT_bit_offset");
        if (oldBit != null) {
            // DWARF 2-4: counted from the most significant bit of the storage unit (little-endian target).
            long unitBits = m.number("DW_AT_byte_size").longValueExact() * 8;
            return bytes * 8 + unitBits - oldBit.longValueExact() - m.number("DW_AT_bit_size").longValueExact();
        }
        return bytes * 8;
    }

    private Die strip(Die type) {
        int hops = 0;
        while (type != null && QUALIFIERS.contains(type.tag) && hops++ < MAX_NESTING) {
            type = byOffset.get(type.reference("DW_AT_type"));
        }
        return type;
    }

    private static BigInteger constant(Die enumerator) {
        BigInteger v = enumerator.number("DW_AT_const_value");
        if (v == null) {
            throw new IllegalStateException("enumerator " + enumerator.string("DW_AT_name") + " has no value");
        }
        return v; // sdata was printed signed, every other form unsigned: the number as printed is the value
    }

    /** Whether the DIE's {@code DW_AT_decl_file} names {@code file} (relative names against the unit's directory). */
    private boolean declaredIn(Die d, Path file) {
        String declared = d.string("DW_AT_decl_file");
        if (declared == null) {
            return false;
        }
        Path p = Path.of(declared);
        if (!p.isAbsolute()) {
            Die unit = d;
            while (unit.parent != null) {
                unit = unit.parent;
            }
            String dir = unit.string("DW_AT_comp_dir");
            p = dir == null ? p.toAbsolutePath() : Path.of(dir).resolve(p);
        }
        return p.normalize().equals(file.toAbsolutePath().normalize());
    }

    private List<Die> all() {
        List<Die> all = new ArrayList<>();
        Deque<Die> todo = new ArrayDeque<>(units);
        while (!todo.isEmpty()) {
            Die d = todo.pop();
            all.add(d);
            for (int i = d.children.size() - 1; i >= 0; i--) {
                todo.push(d.children.get(i));
            }
        }
        return all;
    }
}
