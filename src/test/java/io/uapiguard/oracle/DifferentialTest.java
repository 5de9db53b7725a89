package io.uapiguard.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.uapiguard.oracle.Differential.Fact;
import io.uapiguard.oracle.Differential.HeaderResult;
import io.uapiguard.oracle.Differential.Kind;
import io.uapiguard.oracle.Differential.Outcome;
import io.uapiguard.oracle.GroundTruth.RecordFact;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fact-by-fact comparison, on hand-made facts; and once end to end, gcc against the CLI on a fixture. */
class DifferentialTest {

    private static final GroundTruth GCC = new GroundTruth("linux/x.h", true, null,
            Map.of("A", BigInteger.ONE, "B", BigInteger.TWO, "C", BigInteger.TEN),
            Map.of("s", new RecordFact("struct", "s", false, 8, Map.of("a", 0L, "b", 32L)),
                    "t", new RecordFact("struct", "t", true, 4, Map.of("x", 0L))),
            Map.of("D1", BigInteger.valueOf(-1), "D2", BigInteger.valueOf(4), "D3", BigInteger.valueOf(5)), 4, 0, 0);

    private static ModelFacts model(int exit) {
        Map<String, BigInteger> defines = new HashMap<>();
        defines.put("D1", BigInteger.valueOf(-1));
        defines.put("D2", null);
        return new ModelFacts(exit, exit == 0, exit == 0 ? null : "uapiguard: /usr/include/linux/x.h:3:1: boom",
                exit == 0 ? Map.of("A", BigInteger.ONE, "B", BigInteger.valueOf(3)) : Map.of(),
                exit == 0 ? Map.of("s", new RecordFact("struct", "s", false, 12, Map.of("a", 0L, "b", 64L))) : Map.of(),
                exit == 0 ? defines : Map.of(), exit == 0 ? Map.of("D2", "_IOR('x', 1, struct s)") : Map.of());
    }

    @Test
    void eachFactIsEqualDifferentOrMissingWithWhy() {
        HeaderResult r = Differential.compare(GCC, model(0));
        assertThat(r.facts()).containsExactly(
                new Fact(Kind.ENUM, "A", BigInteger.ONE, BigInteger.ONE, Outcome.EQUAL, null),
                new Fact(Kind.ENUM, "B", BigInteger.TWO, BigInteger.valueOf(3), Outcome.DIFFER, null),
                new Fact(Kind.ENUM, "C", BigInteger.TEN, null, Outcome.MISSING, Differential.ABSENT),
                new Fact(Kind.SIZE, "struct s", BigInteger.valueOf(8), BigInteger.valueOf(12), Outcome.DIFFER, null),
                new Fact(Kind.OFFSET, "struct s.a", BigInteger.ZERO, BigInteger.ZERO, Outcome.EQUAL, null),
                new Fact(Kind.OFFSET, "struct s.b", BigInteger.valueOf(32), BigInteger.valueOf(64), Outcome.DIFFER,
                        null),
                new Fact(Kind.SIZE, "typedef t", BigInteger.valueOf(4), null, Outcome.MISSING,
                        Differential.TYPEDEF_RECORD),
                new Fact(Kind.OFFSET, "typedef t.x", BigInteger.ZERO, null, Outcome.MISSING,
                        Differential.TYPEDEF_RECORD),
                new Fact(Kind.DEFINE, "D1", BigInteger.valueOf(-1), BigInteger.valueOf(-1), Outcome.EQUAL, null),
                new Fact(Kind.DEFINE, "D2", BigInteger.valueOf(4), null, Outcome.MISSING,
                        Differential.NO_VALUE + ": invokes _IOR(...)"),
                new Fact(Kind.DEFINE, "D3", BigInteger.valueOf(5), null, Outcome.MISSING, Differential.ABSENT));
    }

    @Test
    void differencesInAnExit0ModelAreWrongFacts() {
        HeaderResult r = Differential.compare(GCC, model(0));
        assertThat(r.modelled()).isTrue();
        assertThat(r.wrong()).extracting(Fact::name).containsExactly("B", "struct s", "struct s.b");
    }

    @Test
    void factsAbsentFromAnExit0ModelAreSilentGapsButADefineWithoutValueIsNot() {
        assertThat(Differential.compare(GCC, model(0)).silentlyMissing()).extracting(Fact::name)
                .containsExactly("C", "typedef t", "typedef t.x", "D3");
        assertThat(Differential.compare(GCC, model(2)).silentlyMissing()).isEmpty();
    }

    @Test
    void aHeaderNotModelledMissesEveryFactAndHasNoWrongOnes() {
        HeaderResult r = Differential.compare(GCC, model(2));
        assertThat(r.modelled()).isFalse();
        assertThat(r.error()).contains("boom");
        assertThat(r.facts()).hasSize(11).allMatch(f -> f.outcome() == Outcome.MISSING
                && f.why().equals(Differential.NOT_MODELLED));
        assertThat(r.wrong()).isEmpty();
    }

    @Test
    void aHeaderGccDoesNotCompileIsNotCompared() {
        GroundTruth broken = new GroundTruth("linux/y.h", false, "error: nope", Map.of(), Map.of(), Map.of(), 0, 0, 0);
        assertThatThrownBy(() -> Differential.compare(broken, model(0))).hasMessageContaining("linux/y.h");
    }

    @Test
    void totalsShareTheEqualFactsOfEachKindAndCountHeaders() {
        Differential.Totals t = new Differential.Totals();
        t.add(Differential.compare(GCC, model(0)));
        t.add(Differential.compare(GCC, model(2)));
        t.addNotCompiling();
        assertThat(t.headers()).isEqualTo(3);
        assertThat(t.compiling()).isEqualTo(2);
        assertThat(t.modelled()).isEqualTo(1);
        assertThat(t.modelledShare()).isEqualTo(0.5);
        assertThat(t.total(Kind.ENUM)).isEqualTo(6);
        assertThat(t.equalShare(Kind.ENUM)).isEqualTo(1.0 / 6);
        assertThat(t.count(Kind.OFFSET, Outcome.MISSING)).isEqualTo(4);
        assertThat(t.wrong()).isEqualTo(3);
        assertThat(t.silentlyMissing()).isEqualTo(4);
        assertThat(t.silentHeaders()).isEqualTo(1);
    }

    @Test
    void aDefineWithoutValueIsGroupedByWhyItHasNone() {
        Map<String, BigInteger> defines = new HashMap<>();
        defines.put("MINE", BigInteger.ONE);
        defines.put("VALUELESS", null);
        ModelFacts m = new ModelFacts(0, true, null, Map.of("CONST", BigInteger.ONE), Map.of(), defines, Map.of());
        assertThat(Differential.shape("_IOWR('b', 3, struct foo)", m)).isEqualTo("invokes _IOWR(...)");
        assertThat(Differential.shape("(sizeof(struct can_frame))", m)).isEqualTo("sizeof");
        assertThat(Differential.shape("(MINE | ELSEWHERE)", m)).isEqualTo("uses a name the header does not define");
        assertThat(Differential.shape("(MINE + CONST + (unsigned long) VALUELESS)", m))
                .isEqualTo("uses a define of the header without a value");
        assertThat(Differential.shape("\"text\"", m)).isEqualTo("a string");
        assertThat(Differential.shape("1.5e3", m)).isEqualTo("other");
        assertThat(Differential.shape(null, m)).isEqualTo("other");
    }

    @Test
    void gccAndTheCliAgreeOnAHeaderUapiguardModels() throws URISyntaxException {
        assumeThat(GccGroundTruth.unavailable()).as("gcc and llvm-dwarfdump are needed").isNull();
        Path include = Path.of(DifferentialTest.class.getResource("/oracle/include/fx/agree.h").toURI()).getParent()
                .getParent();
        GroundTruth truth = new GccGroundTruth(include, null, false).of("fx/agree.h");
        HeaderResult r = Differential.compare(truth, ModelFacts.of(include.resolve("fx/agree.h")));
        assertThat(r.modelled()).isTrue();
        assertThat(r.facts()).extracting(Fact::name).containsExactlyInAnyOrder("FX_AGREE_A", "FX_AGREE_B",
                "struct fx_agree_rec", "struct fx_agree_rec.flag", "struct fx_agree_rec.len",
                "struct fx_agree_rec.value", "struct fx_agree_rec.value.u", "struct fx_agree_rec.value.parts",
                "FX_AGREE_MASK");
        assertThat(r.facts()).allMatch(f -> f.outcome() == Outcome.EQUAL, "equal");
    }

    /**
     * The C the UAPI headers use beyond plain declarations (issue 11, item 3), each construct in a fixture of ours:
     * every fact gcc reads from its DWARF and define probes, uapiguard models with gcc's value.
     */
    @ParameterizedTest
    @CsvSource({"fx/constructs.h, 20", "fx/measure.h, 17"})
    void gccAndTheCliAgreeOnEveryFactOfTheConstructsFixtures(String header, int atLeast) throws URISyntaxException {
        assumeThat(GccGroundTruth.unavailable()).as("gcc and llvm-dwarfdump are needed").isNull();
        Path include = Path.of(DifferentialTest.class.getResource("/oracle/include/fx/agree.h").toURI()).getParent()
                .getParent();
        GroundTruth truth = new GccGroundTruth(include, null, false).of(header);
        HeaderResult r = Differential.compare(truth, ModelFacts.of(include.resolve(header)));
        assertThat(r.modelled()).as(r.error()).isTrue();
        assertThat(r.facts()).hasSizeGreaterThanOrEqualTo(atLeast);
        assertThat(r.facts()).filteredOn(f -> f.outcome() != Outcome.EQUAL).isEmpty();
    }
}
