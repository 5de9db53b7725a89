package io.uapiguard.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that no controller answered: the container's own (a request line or path it refuses, a body that stopped
 * arriving, 408) and exceptions a filter let out. In place of Spring Boot's error controller, whose JSON is not a
 * problem and whose page is not the report's: problem+json for everything but a browser, the report's error page
 * for a browser. Each says only what the status means, never an exception's message.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ContainerErrorController implements ErrorController {

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = status(request);
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("report/error");
        page.addObject("status", status.value());
        page.addObject("message", detail(status));
        return page;
    }

    @RequestMapping
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
        problem.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request could not be read: its request line, headers, path or body is malformed, "
                    + "incomplete or over the server's size limit.";
            case REQUEST_TIMEOUT -> "The request body stopped arriving: nothing came for the server's connection "
                    + "timeout.";
            case INTERNAL_SERVER_ERROR -> "An unexpected error occurred; it has been logged.";
            default -> status.getReasonPhrase() + ".";
        };
    }
}
