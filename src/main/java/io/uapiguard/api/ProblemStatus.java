package io.uapiguard.api;

import io.uapiguard.UapiguardException.Reason;
import org.springframework.http.HttpStatus;

/** The HTTP status each reason of the application exception answers with; the reason itself knows no HTTP. */
public final class ProblemStatus {

    private ProblemStatus() {
    }

    public static HttpStatus of(Reason reason) {
        return switch (reason) {
            case BAD_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case PARSE_ERROR, LIMIT_EXCEEDED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** {@link #of} as a number, for those that record it (ingest runs). */
    public static int code(Reason reason) {
        return of(reason).value();
    }
}
