package io.uapiguard.web;

import io.uapiguard.UapiguardException;
import io.uapiguard.api.ProblemStatus;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** The report's errors as a page (the API's are problem+json), with the same status and a readable message. */
@ControllerAdvice(assignableTypes = {ReportController.class, CheckPageController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReportExceptionHandler {

    @ExceptionHandler(UapiguardException.class)
    ModelAndView uapiguard(UapiguardException e, HttpServletResponse response) {
        int status = ProblemStatus.code(e.reason());
        response.setStatus(status);
        ModelAndView page = new ModelAndView("report/error");
        page.addObject("status", status);
        page.addObject("message", e.describe());
        return page;
    }
}
