package io.uapiguard.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.uapiguard.UapiguardException;
import io.uapiguard.header.pp.Limits;
import io.uapiguard.model.Abi;
import io.uapiguard.model.Define;
import io.uapiguard.model.Field;
import io.uapiguard.model.UapiModel;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end over small headers: each {@code model/*.h} gives exactly the model in the {@code .json} beside it;
 * each {@code errors/*.h} (hostile or broken input) fails with exactly the reason and message in its {@code .errors}.
 */
class HeaderParserTest {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    static List<Path> models() {
        return Fixtures.headers("model");
    }

    static List<Path> errors() {
        return Fixtures.headers("errors");
    }

    @ParameterizedTest
    @MethodSource("models")
    void modelMatchesGolden(Path header) {
        UapiModel model = new HeaderParser().parse(Fixtures.name(header), Fixtures.text(header));
        Fixtures.assertGolden(header, ".json", JSON.writeValueAsString(model) + "\n");
    }

    @Test
    void aMapperIdThatDisagreesWithTheEnumIsPlacedAtItsEntryInEveryParse() {
        // The ids are compared as an earlier parse read them; the mismatch's line is this header's own.
        String header = """
                #define ___BPF_FUNC_MAPPER(FN, ctx...) \\
                	FN(unspec, 0, ##ctx) \\
                	FN(map_lookup_elem, 2, ##ctx)
                enum bpf_func_id { BPF_FUNC_unspec = 0, BPF_FUNC_map_lookup_elem = 1 };
                """;
        HeaderParser parser = new HeaderParser();
        for (String text : List.of(header, "/* one */\n/* two */\n" + header, header)) {
            int entryLine = (int) text.lines().takeWhile(l -> !l.contains("FN(map_lookup_elem")).count() + 1;
            assertThat(parser.parse("bpf.h", text).problems())
                    .filteredOn(p -> p.kind().equals("mapper-id-mismatch"))
                    .extracting(p -> p.symbol(), p -> p.line())
                    .containsExactly(tuple("map_lookup_elem", entryLine));
        }
    }

    @Test
    void functionPointerMembersSpellTheirReturnTypeAsFieldsAre() {
        // One spelling of a C type (CType.spelling) names function types too: the dimensions of a returned
        // pointer to an array outermost first, an anonymous record marked as such, blanks as in a field's type.
        String text = """
                struct s {
                    int (*plain)(int, char *);
                    unsigned   long (*spaced)(void);
                    int (*(*grid)(void))[2][3];
                    struct { int a; } *(*anon)(void);
                };
                """;
        UapiModel model = new HeaderParser().parse("fp.h", text);
        assertThat(model.structs().get(0).fields()).extracting(f -> f.path() + ": " + f.type()).containsExactly(
                "plain: int (int, char *) *",
                "spaced: unsigned long (void) *",
                "grid: int[2][3] * (void) *",
                "anon: struct (anonymous) * (void) *");
    }

    @Test
    void aMillionCommentsOnOneLineLexInLinearTime() {
        // Each comment's line ends are searched for up to its end only: searching on to the text's next line end
        // made this 4 MB line cost ~10^12 character compares, minutes of a check worker, within one token.
        String text = "/**/".repeat(1_000_000) + " struct s { int x; };\n";
        UapiModel model = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new HeaderParser().parse("comments.h", text));
        assertThat(model.structs()).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("s"));
    }

    @Test
    void anInputLongerThanTheLimitIsRejectedBeforeLexing() {
        HeaderParser parser = new HeaderParser(new Limits(10, 200, 1000, Duration.ofSeconds(10)));
        assertThatThrownBy(() -> parser.parse("long.h", "enum { A, B };"))
                .isInstanceOfSatisfying(UapiguardException.class, e -> {
                    assertThat(e.reason()).isEqualTo(UapiguardException.Reason.LIMIT_EXCEEDED);
                    assertThat(e.describe()).isEqualTo("long.h: header is 14 characters long, more than the 10 accepted");
                });
    }

    @Test
    void aParseThatOutlivesItsTimeBudgetStops() {
        HeaderParser parser = new HeaderParser(new Limits(1 << 20, 200, 1_000_000, Duration.ZERO));
        String header = "enum {\n" + "\tA,\n".repeat(5000) + "};\n";
        assertThatThrownBy(() -> parser.parse("slow.h", header))
                .isInstanceOfSatisfying(UapiguardException.class, e -> {
                    assertThat(e.reason()).isEqualTo(UapiguardException.Reason.LIMIT_EXCEEDED);
                    assertThat(e.getMessage()).isEqualTo("parsing took longer than 0 ms");
                    assertThat(e.file()).isEqualTo("slow.h");
                });
    }

    /**
     * A 6.4 MB struct of 500,000 members once built its whole parse tree (an OutOfMemoryError with a 1 GB heap, or a
     * 422 only after 11 s): the member limit now bites while the parser reads the members, well before the end.
     */
    @Test
    void aStructOfHalfAMillionMembersIsRefusedWhileParsingAndQuickly() {
        StringBuilder text = new StringBuilder(6_500_000).append("struct huge {\n");
        for (int i = 0; i < 500_000; i++) {
            text.append("\tint m").append(i).append(";\n");
        }
        String header = text.append("};\n").toString();
        long started = System.nanoTime();
        UapiguardException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> catchThrowableOfType(UapiguardException.class, () -> new HeaderParser().parse("huge.h", header)));
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(UapiguardException.Reason.LIMIT_EXCEEDED);
        assertThat(e.describe()).isEqualTo("huge.h:" + (Limits.DEFAULT.maxMembers() + 2)
                + ":6: struct huge has more than " + Limits.DEFAULT.maxMembers() + " members");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void aHeaderOfTooManyDeclarationsIsRefusedWhileParsing() {
        HeaderParser parser = new HeaderParser(new Limits(1 << 20, 200, 1_000_000, 50, 100, Duration.ofSeconds(10)));
        String header = "struct s { int a; int b; };\n".repeat(30) + "enum e { A, B, C };\n".repeat(10);
        assertThatThrownBy(() -> parser.parse("many.h", header))
                .isInstanceOfSatisfying(UapiguardException.class, e -> {
                    assertThat(e.reason()).isEqualTo(UapiguardException.Reason.LIMIT_EXCEEDED);
                    assertThat(e.describe()).isEqualTo("many.h:33:16: the header has more than 100 declarations"
                            + " (members, enumerators and top-level declarations)");
                });
    }

    @Test
    void anEnumOfTooManyEnumeratorsIsRefused() {
        HeaderParser parser = new HeaderParser(new Limits(1 << 20, 200, 1_000_000, 50, 1000, Duration.ofSeconds(10)));
        StringBuilder header = new StringBuilder("enum big {\n");
        for (int i = 0; i < 60; i++) {
            header.append("\tE").append(i).append(",\n");
        }
        assertThatThrownBy(() -> parser.parse("enum.h", header.append("};\n").toString()))
                .isInstanceOfSatisfying(UapiguardException.class, e -> assertThat(e.describe())
                        .isEqualTo("enum.h:52:2: enum big has more than 50 enumerators"));
    }

    @Test
    void aHeaderOfMoreTokensThanTheLimitIsRefusedWhileLexing() {
        HeaderParser parser = new HeaderParser(new Limits(1 << 20, 200, 1000, Duration.ofSeconds(10)));
        assertThatThrownBy(() -> parser.parse("semis.h", ";\n".repeat(2000)))
                .isInstanceOfSatisfying(UapiguardException.class, e -> {
                    assertThat(e.reason()).isEqualTo(UapiguardException.Reason.LIMIT_EXCEEDED);
                    assertThat(e.describe()).isEqualTo("semis.h:1001:1: the header has more than 1000 tokens,"
                            + " counting those that macro expansion produces");
                });
    }

    @ParameterizedTest
    @MethodSource("errors")
    void errorMatchesGolden(Path header) {
        UapiguardException e = catchThrowableOfType(UapiguardException.class,
                () -> new HeaderParser().parse(Fixtures.name(header), Fixtures.text(header)));
        assertThat(e).as("%s must be rejected", header).isNotNull();
        Fixtures.assertGolden(header, ".errors", e.reason() + " " + e.describe() + "\n");
    }

    @Test
    void theTargetsPredefinedMacrosDecideConditionalsButAreNotTheHeadersDefines() {
        String header = """
                #if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__x86_64__) && defined(__LP64__)
                #define ORDER 1
                #else
                #define ORDER 2
                #endif
                #define BITS_PER_LONG (__CHAR_BIT__ * __SIZEOF_LONG__)
                #undef __linux__
                #define __GNUC__ 99
                #ifdef __linux__
                #define LINUX 1
                #endif
                """;

        UapiModel model = new HeaderParser().parse("target.h", header);

        assertThat(model.defines()).extracting(Define::name, Define::value).containsExactly(
                tuple("ORDER", BigInteger.ONE), tuple("BITS_PER_LONG", BigInteger.valueOf(64)),
                tuple("__GNUC__", BigInteger.valueOf(99)));
    }

    @Test
    void byteOrderFollowsTheTargetsTable() {
        Abi be64 = Abi.parse("be64", "be64.txt", """
                *     | 8 | 8 | void *
                enum  | 4 | 4 | int
                __u8  | 1 | 1 | unsigned char
                #define __ORDER_LITTLE_ENDIAN__ 1234
                #define __ORDER_BIG_ENDIAN__ 4321
                #define __BYTE_ORDER__ __ORDER_BIG_ENDIAN__
                """);
        String header = """
                struct bits {
                #if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
                	__u8 high:4, low:4;
                #else
                	__u8 low:4, high:4;
                #endif
                };
                """;

        UapiModel big = new HeaderParser(Limits.DEFAULT, be64).parse("bits.h", header);
        UapiModel little = new HeaderParser().parse("bits.h", header);

        assertThat(big.structs().get(0).fields()).extracting(Field::path).containsExactly("high", "low");
        assertThat(little.structs().get(0).fields()).extracting(Field::path).containsExactly("low", "high");
    }

    @Test
    void pragmaPackCapsMemberAlignmentUntilPoppedAndIsNotMacroExpanded() {
        // By hand: under pack(2) int and long long align at 2: c 0, i 2, l 6, size 14; pack(ONE) is an unknown
        // action to gcc (no expansion), so after pop the record is laid out naturally: c 0, i 4, size 8.
        String header = """
                #define ONE 1
                #pragma pack(push, 2)
                struct p2 { char c; int i; long long l; };
                #pragma pack(pop)
                #pragma pack(ONE)
                #pragma once
                struct p0 { char c; int i; };
                static __inline__ int twice(int x) { return x * 2; }
                extern int renamed(int) __asm__("renamed_v2");
                static const int table[] = { 1, 2, 3 }, one = 1;
                """;

        UapiModel model = new HeaderParser().parse("pack.h", header);

        assertThat(model.structs()).extracting(s -> s.name() + " " + s.size() + " " + s.align()).containsExactly(
                "p2 14 2", "p0 8 4");
        assertThat(model.structs().get(0).fields()).extracting(Field::offsetBits).containsExactly(0L, 16L, 48L);
        assertThat(model.structs().get(1).fields()).extracting(Field::offsetBits).containsExactly(0L, 32L);
    }

    @Test
    void sizeofAlignofAndOffsetofAreMeasuredOnTheLayoutOnlyOfTypes() {
        // By hand: struct r is char, pad 3, int[2]: 12 bytes, aligned 4, b at 4 and b[1] at 8.
        String header = """
                struct r { char c; int b[2]; };
                typedef struct r r_t;
                enum { S = sizeof(struct r), A = __alignof__(r_t), O = __builtin_offsetof(r_t, b[1]),
                       P = sizeof(struct r *) };
                #define RS sizeof(r_t)
                #define VAR sizeof(some_variable)
                #if defined(RS)
                #define SEEN 1
                #endif
                """;

        UapiModel model = new HeaderParser().parse("measure.h", header);

        assertThat(model.enums().get(0).constants()).extracting(c -> c.name() + "=" + c.value())
                .containsExactly("S=12", "A=4", "O=8", "P=8");
        assertThat(model.defines()).extracting(Define::name, Define::value).contains(
                tuple("RS", BigInteger.valueOf(12)), tuple("VAR", null));
        assertThatThrownBy(() -> new HeaderParser().parse("if.h", "#if sizeof(int) == 4\n#endif\n"))
                .hasMessageContaining("sizeof is not supported in constant expressions");
    }
}
