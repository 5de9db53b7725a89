package io.uapiguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UapiguardCommandTest {

    @Test
    void unknownCommandIsAUsageErrorWithExitCode2() {
        assertThat(CliRun.run("no-such-command").exit()).isEqualTo(2);
    }

    @Test
    void helpExitsZero() {
        assertThat(CliRun.run("--help").exit()).isZero();
    }
}
