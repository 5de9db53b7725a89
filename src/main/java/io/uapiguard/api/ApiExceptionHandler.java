package io.uapiguard.api;

import io.uapiguard.UapiguardException;
import io.uapiguard.patch.HunkFailedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error of the API as RFC 7807 problem+json: the app exception's reason gives the status, parse errors carry
 * file, line and column; Spring's own errors (bad JSON, wrong method, unknown path) keep their 4xx status.
 * Anything unexpected is a 500 without internals in the body.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /**
     * Writes {@code problem} as the whole response, for filters that answer before Spring MVC (and this
     * handler) is reached; headers the caller set stay.
     */
    static void write(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response,
                      JsonMapper json) throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    static ProblemDetail tooLarge(long maxBytes) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body exceeds the limit of " + maxBytes + " bytes (uapiguard.limits.max-body).");
        problem.setTitle("Request body too large");
        return problem;
    }

    @ExceptionHandler(UapiguardException.class)
    ResponseEntity<ProblemDetail> uapiguard(UapiguardException e) {
        HttpStatus status = ProblemStatus.of(e.reason());
        if (e.reason() == UapiguardException.Reason.INTERNAL) {
            log.error("internal error", e);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.describe());
        problem.setTitle(title(e));
        problem.setProperty("reason", e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        if (e.file() != null) {
            problem.setProperty("file", e.file());
            if (e.line() > 0) {
                problem.setProperty("line", e.line());
            }
            if (e.column() > 0) {
                problem.setProperty("column", e.column());
            }
        }
        if (e instanceof HunkFailedException hunk) {
            problem.setProperty("hunk", hunk.hunk());
        }
        return problem(problem);
    }

    private static String title(UapiguardException e) {
        if (e instanceof HunkFailedException) {
            return "Patch does not apply";
        }
        return switch (e.reason()) {
            case BAD_INPUT -> "Bad request";
            case NOT_FOUND -> "Not found";
            case PARSE_ERROR -> "Header or patch does not parse";
            case LIMIT_EXCEEDED -> "Input exceeds a limit";
            case INTERNAL -> "Internal error";
            case UNAVAILABLE -> "Service unavailable";
        };
    }

    @ExceptionHandler(InvalidMediaTypeException.class)
    ResponseEntity<ProblemDetail> badMediaType(InvalidMediaTypeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Malformed media type '" + e.getMediaType() + "': " + e.getMessage());
        problem.setTitle("Bad request");
        return problem(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.");
        problem.setTitle("Internal error");
        return problem(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BodyLimitFilter.BodyTooLargeException tooLarge) {
                return new ResponseEntity<>(tooLarge(tooLarge.maxBytes), problemHeaders(), HttpStatus.CONTENT_TOO_LARGE);
            }
        }
        Throwable cause = ex.getMostSpecificCause();
        String what = firstLine(cause.getMessage());
        String stringField = stringField(cause);
        if (stringField != null) {
            what = "'" + stringField + "' must be a JSON string";   // Jackson's own words name java.lang.String
        } else if (cause instanceof JacksonException jackson) {
            what = firstLine(jackson.getOriginalMessage());
            if (jackson.getLocation() != null && jackson.getLocation().getLineNr() > 0) {
                what += " (line " + jackson.getLocation().getLineNr() + ", column "
                        + jackson.getLocation().getColumnNr() + ")";
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON of the expected shape: " + what);
        problem.setTitle("Malformed request body");
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    /** The property that was given something else where a string belongs, or null. */
    private static String stringField(Throwable cause) {
        if (!(cause instanceof MismatchedInputException mismatch) || mismatch.getTargetType() != String.class
                || mismatch.getPath().isEmpty()) {
            return null;
        }
        return mismatch.getPath().get(mismatch.getPath().size() - 1).getPropertyName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable body";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return new ResponseEntity<>(problem, problemHeaders(), problem.getStatus());
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }
}
