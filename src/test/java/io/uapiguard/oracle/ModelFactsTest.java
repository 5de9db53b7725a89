package io.uapiguard.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.oracle.GroundTruth.RecordFact;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** uapiguard's side: the CLI's {@code model} JSON read into facts, and its errors kept. */
class ModelFactsTest {

    @Test
    void enumsStructFieldsAndDefinesAreReadFromTheCliJson(@TempDir Path dir) throws IOException {
        Path h = Files.writeString(dir.resolve("m.h"), """
                enum m { M_BIG = 0xffffffffffffffffULL, M_NEG = -3 };
                struct r { char c; struct { int x; } in; };
                #define M_VALUE (1 << 4)
                #define M_TEXT "t"
                """);
        ModelFacts m = ModelFacts.of(h);
        assertThat(m.exit()).isZero();
        assertThat(m.error()).isNull();
        assertThat(m.enumConstants()).isEqualTo(Map.of("M_BIG", new BigInteger("18446744073709551615"),
                "M_NEG", BigInteger.valueOf(-3)));
        assertThat(m.records()).isEqualTo(Map.of("r", new RecordFact("struct", "r", false, 8,
                Map.of("c", 0L, "in", 32L, "in.x", 32L))));
        assertThat(m.defines()).containsEntry("M_VALUE", BigInteger.valueOf(16)).containsEntry("M_TEXT", null);
        assertThat(m.defineTexts()).containsEntry("M_VALUE", "(1 << 4)");
    }

    @Test
    void aHeaderTheFrontEndRefusesKeepsTheExitStatusAndMessage(@TempDir Path dir) throws IOException {
        Path h = Files.writeString(dir.resolve("bad.h"), "#error not for us\n");
        ModelFacts m = ModelFacts.of(h);
        assertThat(m.exit()).isEqualTo(2);
        assertThat(m.error()).contains("bad.h:1").contains("not for us");
        assertThat(m.enumConstants()).isEmpty();
    }
}
