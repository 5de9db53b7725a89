package io.uapiguard.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs at most N checks at once, first come first served; the others wait their turn. A check is CPU-bound
 * (decoding a 300 KB body, parsing it, comparing), so more of them at once than there are cores only makes every
 * one of them slower and their latencies uneven. The body is received before the check waits for a slot. A check
 * that waits longer than the queue timeout gets a 503 with Retry-After rather than hanging.
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
        // The upload is network time, not CPU: read it before taking a slot, so that slow clients cannot hold
        // the slots. The body limit filter in front bounds what is read here, and answers 413 past it.
        byte[] body = readBody(request);
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
            chain.doFilter(new ReadBody(request, body), response);
        } finally {
            slots.release();
        }
    }

    /** Bodies up to this declared length are read into one array of their size, without growing copies. */
    static final int PRESIZED_MAX = 1 << 20;

    /**
     * The whole body. A declared length up to {@link #PRESIZED_MAX} is read into an array of that size (a
     * check's 300 KB body is otherwise gathered in 8 KB pieces and copied once more); larger or undeclared
     * lengths are read as they come, so that a client cannot make the service reserve memory by declaring it.
     */
    static byte[] readBody(HttpServletRequest request) throws IOException {
        InputStream in = request.getInputStream();
        long declared = request.getContentLengthLong();
        if (declared < 0 || declared > PRESIZED_MAX) {
            return in.readAllBytes();
        }
        byte[] body = new byte[(int) declared];
        int read = in.readNBytes(body, 0, body.length);
        // The container ends the stream at the declared length; one that ends earlier gives what came.
        return read == body.length ? body : Arrays.copyOf(body, read);
    }

    /** The request with its body already read into memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return BodyLimitFilter.readerOf(this, getInputStream());
        }
    }
}
