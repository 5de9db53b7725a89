package io.uapiguard.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.uapiguard.oracle.Differential.HeaderResult;
import io.uapiguard.oracle.Differential.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The BPF headers of the system's linux-libc-dev, read in place, which the front end models exactly today: every
 * enum constant, struct size, member offset and integer define equal to gcc's. A guard for the front end's
 * restructuring until the bounded sample of issue 11 replaces it. gcc's answers are cached in target/.
 */
class BpfHeadersDifferentialTest {

    private static final Path SYSTEM = Path.of("/usr/include");

    private static GccGroundTruth gcc;

    @BeforeAll
    static void needsGcc() {
        assumeThat(GccGroundTruth.unavailable()).as("gcc and llvm-dwarfdump are needed").isNull();
        gcc = new GccGroundTruth(SYSTEM, Path.of("target/differential-cache"), false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux/bpf.h", "linux/bpf_common.h", "linux/btf.h", "linux/if_link.h", "linux/if_xdp.h",
        "linux/if_ether.h"})
    void everyFactUapiguardGivesIsWhatGccSays(String header) {
        assumeThat(Files.isRegularFile(SYSTEM.resolve(header))).as("linux-libc-dev's " + header + " is needed")
                .isTrue();
        GroundTruth truth = gcc.of(header);
        assumeThat(truth.compiles()).as("this linux-libc-dev's " + header + " compiles standalone").isTrue();
        HeaderResult r = Differential.compare(truth, ModelFacts.of(SYSTEM.resolve(header)));
        assertThat(r.error()).isNull();
        assertThat(r.facts()).isNotEmpty().filteredOn(f -> f.outcome() != Outcome.EQUAL).isEmpty();
    }
}
