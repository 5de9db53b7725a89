package io.uapiguard.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.uapiguard.include.IncludeDirectories;
import io.uapiguard.model.Abi;
import io.uapiguard.oracle.Differential.HeaderResult;
import io.uapiguard.oracle.Differential.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bounded differential test of issue 11: a fixed sample of linux-libc-dev's headers, read in place with the
 * system's include directories as gcc searches them, whose every enum constant, struct size, member offset and
 * integer define must equal gcc's, in a model that says it is complete. The sample holds the BPF headers and one
 * header for each construct that once gave a wrong or missing fact: target predefines (posix_types.h), byte order
 * from {@code <asm/byteorder.h>} (if_hippi.h, if_packet.h, batadv_packet.h, aio_abi.h), {@code #pragma pack} and
 * typedef'd anonymous records (cciss_defs.h), a member that is a macro of another header (tc_act/tc_gact.h),
 * {@code sizeof} in ioctl numbers (soundcard.h, sysinfo.h), {@code static inline} (auto_dev-ioctl.h),
 * {@code __volatile__} (wmi.h), {@code __signed__} (acrn.h), initialised objects (cxl_mem.h). The whole tree is
 * {@code bench/differential.sh}'s (docs/differential.md). gcc's answers are cached in target/.
 */
@Execution(ExecutionMode.CONCURRENT)
class UapiSampleDifferentialTest {

    private static final Path SYSTEM = Path.of("/usr/include");

    private static GccGroundTruth gcc;

    @BeforeAll
    static void needsGcc() {
        assumeThat(GccGroundTruth.unavailable()).as("gcc and llvm-dwarfdump are needed").isNull();
        gcc = new GccGroundTruth(SYSTEM, Path.of("target/differential-cache"), false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux/bpf.h", "linux/bpf_common.h", "linux/btf.h", "linux/if_link.h", "linux/if_xdp.h",
        "linux/if_ether.h", "linux/netdev.h", "linux/perf_event.h", "linux/posix_types.h", "linux/if_hippi.h",
        "linux/if_packet.h", "linux/batadv_packet.h", "linux/aio_abi.h", "linux/cciss_defs.h",
        "linux/tc_act/tc_gact.h", "linux/soundcard.h", "linux/sysinfo.h", "linux/auto_dev-ioctl.h", "linux/wmi.h",
        "linux/acrn.h", "linux/cxl_mem.h"})
    void everyFactOfACompleteModelIsWhatGccSays(String header) {
        assumeThat(Files.isRegularFile(SYSTEM.resolve(header))).as("linux-libc-dev's " + header + " is needed")
                .isTrue();
        GroundTruth truth = gcc.of(header);
        assumeThat(truth.compiles()).as("this linux-libc-dev's " + header + " compiles standalone").isTrue();
        HeaderResult r = Differential.compare(truth,
                ModelFacts.of(SYSTEM.resolve(header), IncludeDirectories.system(Abi.X86_64)));
        assertThat(r.error()).isNull();
        assertThat(r.complete()).as("the model says it is complete").isTrue();
        assertThat(r.facts()).isNotEmpty().filteredOn(f -> f.outcome() != Outcome.EQUAL).isEmpty();
    }
}
