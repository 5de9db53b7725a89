package io.uapiguard.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.UapiguardException;
import org.junit.jupiter.api.Test;

class GitSourceTest {

    /**
     * The JDK keeps the last path each thread handed the file system; a 5 MB location stayed reachable on every
     * container thread that had seen one (the robustness run's heap grew by 50 MB).
     */
    @Test
    void aLocationLongerThanAnyPathIsRefusedBeforeItBecomesAPath() {
        String huge = "/" + "x".repeat(5_000_000);
        assertThatThrownBy(() -> GitSource.kind(huge)).isInstanceOfSatisfying(UapiguardException.class, e -> {
            assertThat(e.reason()).isEqualTo(UapiguardException.Reason.BAD_INPUT);
            assertThat(e.getMessage()).startsWith("a local repository location has at most 4096 characters")
                    .hasSizeLessThan(300);
        });
    }

    @Test
    void aMissingLocalLocationIsNamedInTheError() {
        assertThatThrownBy(() -> GitSource.kind("/no/such/repository"))
                .isInstanceOf(UapiguardException.class).hasMessageContaining("/no/such/repository")
                .hasMessageContaining("no such file or directory");
    }
}
