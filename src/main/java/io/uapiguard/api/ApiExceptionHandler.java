package io.uapiguard.api;

import static io.uapiguard.UapiguardException.quote;

import io.uapiguard.UapiguardException;
import io.uapiguard.patch.HunkFailedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.beans.TypeMismatchException;
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
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
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
        problem.setInstance(ProblemInstances.of(request.getRequestURI()));
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

    static ProblemDetail tooSlow(BodyLimitFilter.BodyTooSlowException slow) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.REQUEST_TIMEOUT, slow.getMessage());
        problem.setTitle("Request body too slow");
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
                "Malformed media type " + quote(e.getMediaType()) + ".");
        problem.setTitle("Bad request");
        return problem(problem);
    }

    /** A path or query value of the wrong type ({@code /ingests/abc}): named, and quoted only in part. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "'" + name + "' cannot be "
                + quote(ex.getValue() == null ? null : ex.getValue().toString())
                + (ex.getRequiredType() == long.class || ex.getRequiredType() == Long.class ? ": a number is expected"
                : "") + ".");
        problem.setTitle("Bad request");
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    /** Spring's own answers (404 for an unknown path, 405, 415, ...) never quote more than a prefix of a value. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getDetail() != null
                && problem.getDetail().length() > MAX_DETAIL) {
            problem.setDetail(problem.getDetail().substring(0, MAX_DETAIL) + "...");
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** Longer details are cut: Spring's quote paths and media types whole (up to Tomcat's 8 KB header limit). */
    static final int MAX_DETAIL = 300;

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.");
        problem.setTitle("Internal error");
        return problem(problem);
    }

    /**
     * A body that is missing, not JSON, or not of the request's shape: said in terms of the request (its fields,
     * line and column), never in the words of the classes that read it, which the messages of Spring and Jackson
     * name ({@code io.uapiguard.api.CheckRequest}, a method signature, {@code java.lang.String}).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BodyLimitFilter.BodyTooLargeException tooLarge) {
                return new ResponseEntity<>(tooLarge(tooLarge.maxBytes), problemHeaders(), HttpStatus.CONTENT_TOO_LARGE);
            }
            if (t instanceof BodyLimitFilter.BodyTooSlowException slow) {
                return new ResponseEntity<>(tooSlow(slow), problemHeaders(), HttpStatus.REQUEST_TIMEOUT);
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadable(ex.getCause()));
        problem.setTitle("Malformed request body");
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    /** What is wrong with a body, from the structured parts of the reader's exception, not from its message. */
    static String unreadable(Throwable cause) {
        if (cause == null) {
            // Spring's own words name the controller method.
            return "The request body is missing: a JSON object is expected.";
        }
        String shape = "The request body is not valid JSON of the expected shape: ";
        if (cause instanceof MismatchedInputException mismatch) {
            String field = field(mismatch);
            if (field == null) {
                return shape + "a JSON object is expected" + at(mismatch) + ".";
            }
            return shape + "'" + field + "' " + (isText(mismatch.getTargetType()) ? "must be a JSON string"
                    : "does not have the expected JSON type") + at(mismatch) + ".";
        }
        if (cause instanceof DatabindException databind) {
            String field = field(databind);
            return shape + (field == null ? "unexpected content" : "unexpected content at '" + field + "'")
                    + at(databind) + ".";
        }
        if (cause instanceof JacksonException jackson) {
            return "The request body is not valid JSON: " + jsonReason(jackson.getOriginalMessage()) + at(jackson)
                    + ".";
        }
        return "The request body could not be read.";
    }

    private static boolean isText(Class<?> type) {
        return type == String.class || type == HeaderText.class;
    }

    /** The JSON path of the field that was given the wrong thing ({@code paths[0]}), or null at the top. */
    private static String field(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                String name = reference.getPropertyName();
                path.append(path.isEmpty() ? "" : ".").append(name.length() <= 64 ? name : name.substring(0, 64) + "...");
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String at(JacksonException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() <= 0) {
            return "";
        }
        return " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /**
     * Jackson's reason for a syntax error, up to where it starts describing its own input source (which names
     * its classes and features); its quoted tokens are already cut short by Jackson.
     */
    private static String jsonReason(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.length();
        for (String cut : new String[] {"\n", " (start marker at", "[Source:", " at [Source"}) {
            int i = message.indexOf(cut);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return message.substring(0, end).strip();
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
