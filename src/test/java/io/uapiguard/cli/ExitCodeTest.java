package io.uapiguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.UapiguardException.Reason;
import org.junit.jupiter.api.Test;

class ExitCodeTest {

    @Test
    void userErrorsExitTwoAndOurOwnFailuresThree() {
        assertThat(UapiguardCommand.exitCode(Reason.BAD_INPUT)).isEqualTo(2);
        assertThat(UapiguardCommand.exitCode(Reason.NOT_FOUND)).isEqualTo(2);
        assertThat(UapiguardCommand.exitCode(Reason.PARSE_ERROR)).isEqualTo(2);
        assertThat(UapiguardCommand.exitCode(Reason.LIMIT_EXCEEDED)).isEqualTo(2);
        assertThat(UapiguardCommand.exitCode(Reason.INTERNAL)).isEqualTo(3);
        assertThat(UapiguardCommand.exitCode(Reason.UNAVAILABLE)).isEqualTo(3);
    }
}
