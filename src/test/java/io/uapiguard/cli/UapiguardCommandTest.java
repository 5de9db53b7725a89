package io.uapiguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UapiguardCommandTest {

    @Test
    void unknownCommandIsAUsageErrorWithExitCode2() {
        assertThat(UapiguardCommand.run("no-such-command")).isEqualTo(2);
    }

    @Test
    void helpExitsZero() {
        assertThat(UapiguardCommand.run("--help")).isZero();
    }
}
