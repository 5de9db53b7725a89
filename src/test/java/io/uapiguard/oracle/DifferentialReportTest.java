package io.uapiguard.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.oracle.Differential.Fact;
import io.uapiguard.oracle.Differential.HeaderResult;
import io.uapiguard.oracle.Differential.Kind;
import io.uapiguard.oracle.Differential.Outcome;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures and the to-do list that a differential run reports. */
class DifferentialReportTest {

    private static Fact fact(Kind kind, String name, long gcc, Long mine, Outcome outcome) {
        return new Fact(kind, name, BigInteger.valueOf(gcc), mine == null ? null : BigInteger.valueOf(mine), outcome,
                outcome == Outcome.MISSING ? Differential.ABSENT : null);
    }

    private static final DifferentialReport REPORT = new DifferentialReport("/usr/include", "gcc 12 / llvm 14",
            "2 cores", List.of(
                    new HeaderResult("linux/a.h", 0, true, null, List.of(
                            fact(Kind.ENUM, "A_ONE", 1, 1L, Outcome.EQUAL),
                            fact(Kind.SIZE, "struct statfs", 120, 64L, Outcome.DIFFER),
                            fact(Kind.DEFINE, "A_IOCTL", 16641, null, Outcome.MISSING))),
                    new HeaderResult("linux/b.h", 2, false, "uapiguard: /usr/include/linux/b.h:58:14: in array length: "
                            + "'IFNAMSIZ' is not an integer constant", List.of(
                            new Fact(Kind.OFFSET, "struct b.x", BigInteger.ZERO, null, Outcome.MISSING,
                                    Differential.NOT_MODELLED))),
                    new HeaderResult("linux/c.h", 2, false, "uapiguard: /usr/include/linux/c.h:7:1: in array length: "
                            + "'TASK_COMM_LEN' is not an integer constant", List.of())),
            Map.of("linux/d.h", "error: unknown type name 'size_t'"), Map.of(),
            new DifferentialReport.Timing(1_500_000_000L, 3_000_000_000L, 90_000_000_000L, 60_000_000_000L,
                    30_000_000_000L, 4, 0, 1));

    @Test
    void theSummaryGivesTheAcceptanceFiguresWithTheirGoals() {
        assertThat(REPORT.summary()).contains(
                "headers: 4, 3 compile standalone with gcc, 1 do not",
                "modelled with exit 0: 1 of 3 = 33.33 % (goal >= 99 %)",
                "enum constants equal: 1 of 1 = 100.00 %",
                "struct sizes equal: 0 of 1 = 0.00 % (differ 1, missing 0; goal >= 99.5 %)",
                "member offsets equal: 0 of 1 = 0.00 % (differ 0, missing 1",
                "integer defines equal: 0 of 1 = 0.00 % (differ 0, missing 1; goal >= 99 %)",
                "wrong facts in headers modelled with exit 0 and reported complete: 1 in 1 headers (goal 0)",
                "facts silently absent from headers modelled with exit 0: 1 in 1 headers",
                "front end 1.50 s", "CLI model + JSON 3.00 s",
                "gcc -g + DWARF / uapiguard: 40.0x the front end, 20.0x the CLI");
    }

    @Test
    void theReportNamesEachWrongFactsHeaderAndElementAndGroupsCausesWithoutNames(@TempDir Path dir)
            throws IOException {
        REPORT.write(dir);
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("| linux/a.h | struct sizes | `struct statfs` | 120 | 64 |");
        assertThat(md).contains("| 2 | in array length: 'X' is not an integer constant | linux/b.h, linux/c.h | "
                + "uapiguard: /usr/include/linux/b.h:58:14: in array length: 'IFNAMSIZ' is not an integer constant |");
        assertThat(md).contains("- linux/d.h: `error: unknown type name 'size_t'`");
        assertThat(md).contains("| integer defines | absent from the model | 1 | 1 |");
        assertThat(Files.readString(dir.resolve("report.json"))).contains("\"header\" : \"linux/a.h\"");
    }

    @Test
    void aCauseLosesItsLocationNamesAndNumbers() {
        assertThat(DifferentialReport.cause("uapiguard: /usr/include/linux/atm_tcp.h:38: unknown type "
                + "'atm_kptr_t' at line 38")).isEqualTo("unknown type 'X' at line N");
        assertThat(DifferentialReport.cause("uapiguard: /usr/include/linux/acct.h:113:2: #error \"Please fix "
                + "<asm/byteorder.h>\"")).isEqualTo("#error \"Please fix <asm/byteorder.h>\"");
        assertThat(DifferentialReport.cause("uapiguard: /usr/include/linux/x.h:29: union nf_conntrack_man_proto is "
                + "incomplete")).isEqualTo("union X is incomplete");
        assertThat(DifferentialReport.cause("uapiguard: x.h:116:1: mismatched input '{' expecting {ATTRIBUTE, ')'}"))
                .isEqualTo("mismatched input '{' expecting {ATTRIBUTE, ')'}");
    }
}
