package io.uapiguard.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.uapiguard.oracle.GroundTruth.RecordFact;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The oracle reads what gcc says about our own fixture headers; every expected value is worked out by hand. */
class GccGroundTruthTest {

    private static Path include;
    private static GroundTruth facts;

    @BeforeAll
    static void measure() throws URISyntaxException {
        assumeThat(GccGroundTruth.unavailable()).as("gcc and llvm-dwarfdump are needed").isNull();
        include = Path.of(GccGroundTruthTest.class.getResource("/oracle/include/fx/facts.h").toURI()).getParent()
                .getParent();
        facts = new GccGroundTruth(include, null, false).of("fx/facts.h");
    }

    @Test
    void aStandaloneHeaderCompiles() {
        assertThat(facts.compiles()).isTrue();
        assertThat(facts.error()).isNull();
        assertThat(facts.header()).isEqualTo("fx/facts.h");
    }

    @Test
    void enumConstantsAreTheHeadersOwnWithGccsValuesSignedUnsignedAnd64Bit() {
        assertThat(facts.enumConstants()).isEqualTo(Map.of(
                "FX_NEG", BigInteger.valueOf(-2),
                "FX_MAXINT", BigInteger.valueOf(0x7fffffff),
                "FX_U32", BigInteger.valueOf(0xffffffffL),
                "FX_BIG", BigInteger.ONE.shiftLeft(40),
                "FX_ALL_ONES", BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
                "FX_ANON", BigInteger.valueOf(7)));
    }

    @Test
    void bitfieldsHaveBitOffsetsAndUnnamedOnesAreNotMembers() {
        assertThat(facts.records().get("fx_bits")).isEqualTo(new RecordFact("struct", "fx_bits", false, 16,
                Map.of("a", 0L, "b", 5L, "c", 64L)));
    }

    @Test
    void nestedAndAnonymousMembersAreFlattenedAsUapiguardFlattensThem() {
        assertThat(facts.records().get("fx_outer")).isEqualTo(new RecordFact("struct", "fx_outer", false, 40, Map.of(
                "tag", 0L, "i", 32L, "s", 32L, "in", 64L, "in.x", 64L, "in.y", 96L, "many", 128L, "q", 256L,
                "q.z", 256L)));
        assertThat(facts.records().get("fx_inner")).isEqualTo(new RecordFact("struct", "fx_inner", false, 8,
                Map.of("x", 0L, "y", 32L)));
    }

    @Test
    void aTypedefdAnonymousRecordIsNamedByItsTypedef() {
        assertThat(facts.records().get("fx_typedefd")).isEqualTo(new RecordFact("struct", "fx_typedefd", true, 8,
                Map.of("w", 0L, "v", 32L)));
    }

    @Test
    void recordsOfIncludedHeadersAreNotTheHeadersButTheirMembersAreFlattenedIntoItsOwn() {
        assertThat(facts.records()).containsOnlyKeys("fx_bits", "fx_outer", "fx_inner", "fx_typedefd",
                "fx_uses_other");
        assertThat(facts.records().get("fx_uses_other").memberOffsets())
                .isEqualTo(Map.of("o", 0L, "o.p", 0L, "after", 32L));
    }

    @Test
    void integerDefinesAreExactNegativeUnsigned64BitAndExpressions() {
        assertThat(facts.defines()).isEqualTo(Map.of(
                "FX_NEGATIVE", BigInteger.valueOf(-5),
                "FX_UNSIGNED", BigInteger.valueOf(0xffffffffL),
                "FX_BIG64", new BigInteger("18446744073709551600"),
                "FX_MINLL", BigInteger.valueOf(Long.MIN_VALUE),
                "FX_EXPR", BigInteger.valueOf(17),
                "FX_SIZE_WRAP", BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
                "FX_ENUM_ALIAS", BigInteger.valueOf(7),
                "FX_SHARED", BigInteger.TWO));
    }

    @Test
    void definesThatAreNotIntegersWiderThan64BitsFunctionLikeUndefinedOrIncludedAreSkippedButCounted() {
        assertThat(facts.defines()).doesNotContainKeys("FX_WIDE", "FX_STRING", "FX_FLOAT", "FX_TYPE", "FX_EMPTY",
                "FX_FUNC", "FX_GONE", "FX_FACTS_H", "FX_OTHER_DEFINE");
        // the object-like ones still defined at the end: the guard, the 8 integers, FX_WIDE and 4 non-integers
        assertThat(facts.objectDefines()).isEqualTo(14);
    }

    @Test
    void aHeaderThatDoesNotCompileStandaloneHasGccsErrorAndNoFacts(@TempDir Path cache) {
        GccGroundTruth gcc = new GccGroundTruth(include, cache, false);
        GroundTruth broken = gcc.of("fx/broken.h");
        assertThat(broken.compiles()).isFalse();
        assertThat(broken.error()).contains("fx/broken.h:3").contains("fx_undeclared_t");
        assertThat(broken.enumConstants()).isEmpty();
        assertThat(broken.records()).isEmpty();
        assertThat(broken.defines()).isEmpty();
    }

    @Test
    void aRerunReadsTheCacheAndAnswersTheSameAndFreshAsksGccAgain(@TempDir Path cache) {
        GccGroundTruth gcc = new GccGroundTruth(include, cache, false);
        GccGroundTruth.Answer first = gcc.answer("fx/agree.h");
        assertThat(first.cached()).isFalse();
        GccGroundTruth.Answer again = gcc.answer("fx/agree.h");
        assertThat(again.cached()).isTrue();
        assertThat(again.truth()).isEqualTo(first.truth());
        GccGroundTruth.Answer fresh = new GccGroundTruth(include, cache, true).answer("fx/agree.h");
        assertThat(fresh.cached()).isFalse();
        assertThat(fresh.truth()).usingRecursiveComparison().ignoringFields("dwarfNanos", "definesNanos")
                .isEqualTo(first.truth());
    }
}
