package io.uapiguard.oracle;

import java.math.BigInteger;
import java.util.Map;

/**
 * What gcc says about one header of an include tree, only for what the header itself declares (not its includes).
 *
 * @param header the include name, {@code linux/if_xdp.h}
 * @param compiles whether {@code #include <header>} compiles on its own (C, gnu11, x86-64); when false, {@code
 *     error} holds gcc's first error and the fact maps are empty
 * @param enumConstants every enumerator of the header's enums, by name, with its value as gcc stores it
 * @param records every complete struct and union the header defines, by tag, or by typedef name for a typedef'd
 *     anonymous one
 * @param defines the value of every object-like define of the header that is an integer constant expression
 * @param objectDefines how many object-like defines the header has at its end (integer or not)
 * @param dwarfNanos time of the {@code -g} compile and of reading its DWARF
 * @param definesNanos time of the preprocessor run and of the generated program that prints the defines
 */
public record GroundTruth(String header, boolean compiles, String error, Map<String, BigInteger> enumConstants,
        Map<String, RecordFact> records, Map<String, BigInteger> defines, int objectDefines, long dwarfNanos,
        long definesNanos) {

    public GroundTruth {
        enumConstants = Map.copyOf(enumConstants);
        records = Map.copyOf(records);
        defines = Map.copyOf(defines);
    }

    /**
     * A struct or union: size in bytes and the bit offset of every member by C access path, flattened as uapiguard
     * flattens (a named member of record type is listed and so are its members; an anonymous member adds no name;
     * arrays are not flattened).
     */
    public record RecordFact(String kind, String name, boolean typedefName, long size, Map<String, Long> memberOffsets) {

        public RecordFact {
            memberOffsets = Map.copyOf(memberOffsets);
        }
    }
}
