package io.uapiguard.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.uapiguard.UapiguardException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The x86-64 table; expected numbers from gcc 12 with the system's linux/types.h and linux/posix_types.h. */
class AbiTest {

    @ParameterizedTest(name = "{0} is {1}/{2}")
    @CsvSource({
            "__u8,1,1", "__s8,1,1", "__u16,2,2", "__s16,2,2", "__u32,4,4", "__s32,4,4", "__u64,8,8", "__s64,8,8",
            "__be16,2,2", "__be32,4,4", "__be64,8,8", "__le16,2,2", "__le32,4,4", "__le64,8,8",
            "__sum16,2,2", "__wsum,4,4", "__poll_t,4,4",
            "__aligned_u64,8,8", "__aligned_be64,8,8", "__aligned_le64,8,8",
            "__kernel_size_t,8,8", "__kernel_ulong_t,8,8", "__kernel_long_t,8,8", "__kernel_pid_t,4,4",
            "__kernel_uid32_t,4,4", "__kernel_old_uid_t,2,2", "__kernel_loff_t,8,8", "__kernel_fsid_t,8,4",
            "char,1,1", "signed char,1,1", "unsigned char,1,1", "short,2,2", "int,4,4", "unsigned int,4,4",
            "long,8,8", "unsigned long,8,8", "long long,8,8", "unsigned long long,8,8", "_Bool,1,1",
            "float,4,4", "double,8,8", "long double,16,16",
            "*,8,8", "enum,4,4",
    })
    void tableHoldsTheX8664SizeAndAlignment(String name, int size, int align) {
        Abi.BaseType t = Abi.X86_64.require(name, 1);

        assertThat(t.size()).isEqualTo(size);
        assertThat(t.align()).isEqualTo(align);
    }

    @Test
    void lookupAcceptsAnySpacing() {
        assertThat(Abi.X86_64.lookup("unsigned   long\tlong")).map(Abi.BaseType::size).contains(8);
        assertThat(Abi.X86_64.lookup("__u33")).isEmpty();
    }

    @Test
    void pointerAndEnumHaveTheirOwnEntries() {
        assertThat(Abi.X86_64.pointer().size()).isEqualTo(8);
        assertThat(Abi.X86_64.enumType().size()).isEqualTo(4);
        assertThat(Abi.X86_64.name()).isEqualTo("x86_64");
    }

    @Test
    void alignedU64IsDefinedWithItsAttributeForStubHeaders() {
        assertThat(Abi.X86_64.require("__aligned_u64", 0).cDefinition())
                .isEqualTo("unsigned long long __attribute__((aligned(8)))");
    }

    @Test
    void unknownTypeIsAParseErrorNamingTypeAndLine() {
        assertThatThrownBy(() -> Abi.X86_64.require("__u33", 17)).isInstanceOfSatisfying(UapiguardException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(UapiguardException.Reason.PARSE_ERROR);
                    assertThat(e.line()).isEqualTo(17);
                    assertThat(e.getMessage()).isEqualTo(
                            "unknown type '__u33' at line 17: neither a typedef of the header nor a base type of the x86_64 ABI");
                });
    }

    @Test
    void anotherArchitectureIsAnotherTable() {
        Abi arm32 = Abi.parse("arm32", "arm32.txt", """
                # name | size | align | definition
                *    | 4 | 4 | void *
                enum | 4 | 4 | int
                long | 4 | 4 | long
                __u64| 8 | 8 | unsigned long long
                """);

        assertThat(arm32.pointer().size()).isEqualTo(4);
        assertThat(arm32.require("long", 0).size()).isEqualTo(4);
    }

    @Test
    void malformedTableIsBadInputWithItsLine() {
        assertThatThrownBy(() -> Abi.parse("x", "x.txt", "* | 8 | 8 | void *\nenum | 4 | three | int\n"))
                .isInstanceOfSatisfying(UapiguardException.class, e -> {
                    assertThat(e.reason()).isEqualTo(UapiguardException.Reason.BAD_INPUT);
                    assertThat(e.describe()).isEqualTo("x.txt:2: size and alignment must be integers");
                });
        assertThatThrownBy(() -> Abi.parse("x", "x.txt", "* | 8 | 3 | void *\n"))
                .hasMessage("size must be >= 0 and alignment a power of two");
        assertThatThrownBy(() -> Abi.parse("x", "x.txt", "* | 8 | 8 | void *\n* | 8 | 8 | void *\n"))
                .hasMessage("duplicate type '*'");
        assertThatThrownBy(() -> Abi.load("pdp11")).hasMessage("no ABI table for 'pdp11'");
    }

    @Test
    void tableHoldsGccsPredefinedMacrosOfTheTarget() {
        assertThat(Abi.X86_64.predefinedMacros()).containsEntry("__x86_64__", "1").containsEntry("__LP64__", "1")
                .containsEntry("__CHAR_BIT__", "8").containsEntry("__SIZEOF_LONG__", "8")
                .containsEntry("__BYTE_ORDER__", "__ORDER_LITTLE_ENDIAN__")
                .containsEntry("__ORDER_LITTLE_ENDIAN__", "1234").containsEntry("__ORDER_BIG_ENDIAN__", "4321")
                .containsEntry("__SIZE_TYPE__", "long unsigned int").doesNotContainKey("__i386__")
                .doesNotContainKey("__KERNEL__");
        assertThat(Abi.X86_64.predefinedSource()).startsWith("#define __x86_64__ 1\n#define __x86_64 1\n");
    }

    @Test
    void anotherArchitecturesTableBringsItsOwnPredefinesAndByteOrder() {
        Abi be32 = Abi.parse("be32", "be32.txt", """
                *    | 4 | 4 | void *
                enum | 4 | 4 | int
                long | 4 | 4 | long
                #define __ORDER_BIG_ENDIAN__ 4321
                #define __BYTE_ORDER__ __ORDER_BIG_ENDIAN__
                #define __SIZEOF_LONG__ 4
                #define __ILP32__
                """);

        assertThat(be32.predefinedMacros()).containsExactly(entry("__ORDER_BIG_ENDIAN__", "4321"),
                entry("__BYTE_ORDER__", "__ORDER_BIG_ENDIAN__"), entry("__SIZEOF_LONG__", "4"), entry("__ILP32__", ""));
        assertThat(be32.predefinedSource()).endsWith("#define __ILP32__\n");
    }

    @Test
    void predefinedSizesMustAgreeWithTheTypes() {
        assertThatThrownBy(() -> Abi.parse("x", "x.txt", "* | 8 | 8 | void *\nenum | 4 | 4 | int\nlong | 8 | 8 | long\n"
                + "#define __SIZEOF_LONG__ 4\n")).hasMessage("__SIZEOF_LONG__ is 4 but 'long' has size 8");
        assertThatThrownBy(() -> Abi.parse("x", "x.txt", "* | 8 | 8 | void *\nenum | 4 | 4 | int\n"
                + "#define F(x) x\n")).hasMessage("expected '#define NAME BODY' of an object-like macro");
        assertThatThrownBy(() -> Abi.parse("x", "x.txt", "* | 8 | 8 | void *\nenum | 4 | 4 | int\n"
                + "#define A 1\n#define A 2\n")).hasMessage("duplicate predefined macro 'A'");
    }
}
