package io.uapiguard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.UapiguardException.Reason;
import org.junit.jupiter.api.Test;

class ProblemStatusTest {

    @Test
    void eachReasonAnswersWithTheStatusTheApiDocuments() {
        assertThat(ProblemStatus.code(Reason.BAD_INPUT)).isEqualTo(400);
        assertThat(ProblemStatus.code(Reason.NOT_FOUND)).isEqualTo(404);
        assertThat(ProblemStatus.code(Reason.PARSE_ERROR)).isEqualTo(422);
        assertThat(ProblemStatus.code(Reason.LIMIT_EXCEEDED)).isEqualTo(422);
        assertThat(ProblemStatus.code(Reason.INTERNAL)).isEqualTo(500);
        assertThat(ProblemStatus.code(Reason.UNAVAILABLE)).isEqualTo(503);
    }
}
