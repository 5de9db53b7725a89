package io.uapiguard.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of every answer, pages and API alike, errors included. The report has no script and no
 * inline style (its styles are in report.css, its chart is SVG markup), so its policy allows nothing but this
 * origin's style sheet and images and forms sent back here. The API's JSON needs nothing at all; it gets the same
 * policy. Only the bundled Swagger UI runs scripts (its own files) and sets styles inline.
 */
final class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";
    static final String SWAGGER_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String policy = request.getRequestURI().startsWith(request.getContextPath() + "/swagger-ui")
                ? SWAGGER_POLICY : POLICY;
        Secured secured = new Secured(response, policy);
        secured.apply();
        chain.doFilter(request, secured);
    }

    /** The container's error dispatch (after a reset of the response that is not ours to see): again. */
    @Override
    protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
                                               FilterChain chain) throws ServletException, IOException {
        doFilterInternal(request, response, chain);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** Sets the headers, and sets them again when an error answer resets the response. */
    private static final class Secured extends HttpServletResponseWrapper {
        private final String policy;

        Secured(HttpServletResponse response, String policy) {
            super(response);
            this.policy = policy;
        }

        @Override
        public void reset() {
            super.reset();
            apply();
        }

        void apply() {
            secure(this, policy);
        }
    }

    /** Sets the security headers on {@code response} (also Tomcat's own answers: ProblemErrorReportValve). */
    static void secure(HttpServletResponse response, String policy) {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
