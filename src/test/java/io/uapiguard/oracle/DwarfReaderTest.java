package io.uapiguard.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.oracle.GroundTruth.RecordFact;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dump reader on hand-written {@code llvm-dwarfdump --debug-info --show-form} text, for the shapes gcc 12 does
 * not write here (DWARF 4's {@code DW_AT_bit_offset}, a location expression, a relative file name) and for the
 * forms that decide an enumerator's sign. {@link GccGroundTruthTest} covers what gcc does write.
 */
class DwarfReaderTest {

    private static final String DUMP = """
            t.o:	file format elf64-x86-64

            .debug_info contents:
            0x00000000: Compile Unit: length = 0x00000100, format = DWARF32, version = 0x0004, abbr_offset = 0x0000

            0x0000000b: DW_TAG_compile_unit
                          DW_AT_name [DW_FORM_strp]	("t.c")
                          DW_AT_comp_dir [DW_FORM_strp]	("/src/tree")

            0x00000020:   DW_TAG_enumeration_type
                            DW_AT_name [DW_FORM_string]	("e")
                            DW_AT_decl_file [DW_FORM_data1]	("inc/h.h")

            0x00000030:     DW_TAG_enumerator
                              DW_AT_name [DW_FORM_string]	("MINUS_ONE")
                              DW_AT_const_value [DW_FORM_sdata]	(-1)

            0x00000034:     DW_TAG_enumerator
                              DW_AT_name [DW_FORM_string]	("ALL_ONES")
                              DW_AT_const_value [DW_FORM_data4]	(0xffffffff)

            0x00000038:     DW_TAG_enumerator
                              DW_AT_name [DW_FORM_string]	("TEN")
                              DW_AT_const_value [DW_FORM_udata]	(10)

            0x0000003c:     NULL

            0x00000040:   DW_TAG_structure_type
                            DW_AT_name [DW_FORM_string]	("s")
                            DW_AT_byte_size [DW_FORM_data1]	(0x08)
                            DW_AT_decl_file [DW_FORM_data1]	("/src/tree/inc/../inc/h.h")

            0x00000050:     DW_TAG_member
                              DW_AT_name [DW_FORM_string]	("lo")
                              DW_AT_type [DW_FORM_ref4]	(0x00000090 "unsigned int")
                              DW_AT_byte_size [DW_FORM_data1]	(0x04)
                              DW_AT_bit_size [DW_FORM_data1]	(0x03)
                              DW_AT_bit_offset [DW_FORM_data1]	(0x1d)
                              DW_AT_data_member_location [DW_FORM_data1]	(0x00)

            0x00000060:     DW_TAG_member
                              DW_AT_name [DW_FORM_string]	("hi")
                              DW_AT_type [DW_FORM_ref4]	(0x00000090 "unsigned int")
                              DW_AT_data_member_location [DW_FORM_exprloc]	(DW_OP_plus_uconst 0x4)

            0x00000070:     NULL

            0x00000074:   DW_TAG_structure_type
                            DW_AT_name [DW_FORM_string]	("elsewhere")
                            DW_AT_byte_size [DW_FORM_data1]	(0x04)
                            DW_AT_decl_file [DW_FORM_data1]	("/src/tree/inc/other.h")

            0x00000080:   DW_TAG_structure_type
                            DW_AT_name [DW_FORM_string]	("declared_only")
                            DW_AT_declaration [DW_FORM_flag_present]	(true)
                            DW_AT_decl_file [DW_FORM_data1]	("inc/h.h")

            0x00000090:   DW_TAG_base_type
                            DW_AT_name [DW_FORM_strp]	("unsigned int")
                            DW_AT_byte_size [DW_FORM_data1]	(0x04)
                            DW_AT_encoding [DW_FORM_data1]	(DW_ATE_unsigned)
                            DW_AT_some_future_attribute [DW_FORM_data1]	(0x01)
            an unexpected line that a newer llvm-dwarfdump might print

            0x000000a0:   NULL
            """;

    private final DwarfReader dwarf = new DwarfReader(DUMP);
    private final Path header = Path.of("/src/tree/inc/h.h");

    @Test
    void sdataIsSignedAndTheOtherConstantFormsUnsigned() {
        assertThat(dwarf.enumConstants(header)).isEqualTo(Map.of("MINUS_ONE", BigInteger.valueOf(-1),
                "ALL_ONES", BigInteger.valueOf(0xffffffffL), "TEN", BigInteger.TEN));
    }

    @Test
    void dwarf4BitOffsetsCountFromTheStorageUnitsTopAndLocationExpressionsAreRead() {
        // bit_offset 29 of a 32-bit unit, 3 bits wide: the lowest 3 bits on a little-endian target
        assertThat(dwarf.records(header)).isEqualTo(Map.of("s",
                new RecordFact("struct", "s", false, 8, Map.of("lo", 0L, "hi", 32L))));
    }

    @Test
    void declFileIsMatchedAfterResolvingAgainstTheUnitsDirectoryAndNormalising() {
        assertThat(dwarf.records(Path.of("/src/tree/inc/other.h"))).containsOnlyKeys("elsewhere");
        assertThat(dwarf.enumConstants(Path.of("/src/tree/h.h"))).isEmpty();
    }

    @Test
    void theTreeFollowsTheIndentation() {
        assertThat(dwarf.units()).hasSize(1);
        assertThat(dwarf.units().get(0).children).extracting(d -> d.tag).containsExactly("DW_TAG_enumeration_type",
                "DW_TAG_structure_type", "DW_TAG_structure_type", "DW_TAG_structure_type", "DW_TAG_base_type");
    }
}
