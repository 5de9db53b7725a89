package io.uapiguard.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.UapiguardException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathGlobTest {

    private static final String BPF = "include/uapi/linux/bpf.h";
    private static final String LINK = "include/uapi/linux/if_link.h";
    private static final String ARCH = "arch/x86/include/uapi/asm/unistd.h";

    @Test
    void theDefaultMatchesEveryHeaderUnderIncludeUapiAtAnyDepthAndNothingElse() {
        PathGlob uapi = PathGlob.of(List.of(PathGlob.UAPI_HEADERS));

        assertThat(uapi.matches(BPF)).isTrue();
        assertThat(uapi.matches("include/uapi/linux/netfilter/nf_tables.h")).isTrue();
        assertThat(uapi.matches("include/uapi/drm.h")).isTrue();
        assertThat(uapi.matches("include/uapi/linux/Kbuild")).isFalse();
        assertThat(uapi.matches("tools/include/uapi/linux/bpf.h")).isFalse();
        assertThat(uapi.matches(ARCH)).isFalse();
    }

    @Test
    void aLiteralPathWatchesExactlyThatFileAndStarsStayInOneFolder() {
        assertThat(PathGlob.of(List.of(BPF)).matches(BPF)).isTrue();
        assertThat(PathGlob.of(List.of(BPF)).matches(LINK)).isFalse();
        assertThat(PathGlob.of(List.of("include/uapi/*/bpf*.h")).matches("include/uapi/linux/bpf_common.h")).isTrue();
        assertThat(PathGlob.of(List.of("include/uapi/*.h")).matches(BPF)).isFalse();
    }

    @Test
    void selectKeepsTheOrderOfThePatternsAndPathOrderWithinOne() {
        PathGlob watched = PathGlob.of(List.of(LINK, "arch/*/include/uapi/**/*.h", PathGlob.UAPI_HEADERS));

        assertThat(watched.select(List.of("README", BPF, ARCH, LINK, "include/uapi/linux/btf.h", BPF)))
                .containsExactly(LINK, ARCH, BPF, "include/uapi/linux/btf.h");
    }

    @Test
    void aPathOutsideTheRepositoryOrAPartialDoubleStarIsRefused() {
        for (String bad : List.of("/usr/include/linux/bpf.h", "../linux/bpf.h", "include/uapi/", "include/**x/*.h")) {
            assertThatThrownBy(() -> PathGlob.of(List.of(bad))).isInstanceOf(UapiguardException.class)
                    .hasMessageContaining(bad);
        }
    }
}
