package io.uapiguard.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs at most N checks at once, first come first served; the others wait their turn. A check is CPU-bound
 * (reading a 300 KB body, parsing it, comparing), so more of them at once than there are cores only makes every
 * one of them slower and their latencies uneven. A check that waits longer than the queue timeout gets a 503
 * with Retry-After rather than hanging.
 */
final class CheckAdmissionFilter extends OncePerRequestFilter {

    private final Semaphore slots;
    private final Duration queueTimeout;
    private final JsonMapper json;

    CheckAdmissionFilter(int concurrentChecks, Duration queueTimeout, JsonMapper json) {
        this.slots = new Semaphore(concurrentChecks, true);
        this.queueTimeout = queueTimeout;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = slots.tryAcquire(queueTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "Too many checks are waiting; none started within " + queueTimeout.toSeconds()
                            + " s (uapiguard.limits.check-queue-timeout). Retry later.");
            problem.setTitle("Checks are queued too long");
            response.setHeader("Retry-After", Long.toString(Math.max(1, queueTimeout.toSeconds())));
            ApiExceptionHandler.write(problem, request, response, json);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            slots.release();
        }
    }
}
