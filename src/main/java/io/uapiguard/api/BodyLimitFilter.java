package io.uapiguard.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies over the limit with 413: at once from Content-Length, and while reading for chunked bodies
 * (Tomcat's max-post-size only covers form posts, not JSON). Bounds the time the whole body may take to arrive with
 * 408: it must come at a minimum average rate once a grace period has passed, and whole within a total time.
 * Tomcat's timeout bounds each read alone, so a client sending a byte every few seconds held a container thread
 * for as long as it liked; here such a body ends at the first read past its allowance. A read that receives nothing
 * at all ends at Tomcat's connection timeout, and is answered the same way.
 */
final class BodyLimitFilter extends OncePerRequestFilter {

    /**
     * How long a body may take: {@code grace} plus one second per {@code minBytesPerSecond} received so far, and
     * never more than {@code total}.
     */
    record Pace(Duration grace, long minBytesPerSecond, Duration total) {
        Pace {
            if (minBytesPerSecond < 1 || grace.isNegative() || total.compareTo(grace) < 0) {
                throw new IllegalArgumentException("body read bounds need a positive minimum rate and a total "
                        + "time at least the grace period: " + grace + ", " + minBytesPerSecond + " B/s, " + total);
            }
        }

        /** The nanoseconds a body of {@code received} bytes may have taken so far. */
        long allowanceNanos(long received) {
            double allowance = grace.toNanos() + received * 1e9 / minBytesPerSecond;
            return (long) Math.min(allowance, total.toNanos());
        }
    }

    private final long maxBytes;
    private final Pace pace;
    private final LongSupplier nanoClock;
    private final JsonMapper json;

    BodyLimitFilter(long maxBytes, Pace pace, JsonMapper json) {
        this(maxBytes, pace, System::nanoTime, json);
    }

    BodyLimitFilter(long maxBytes, Pace pace, LongSupplier nanoClock, JsonMapper json) {
        this.maxBytes = maxBytes;
        this.pace = pace;
        this.nanoClock = nanoClock;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            // Tell the client not to keep streaming a body we will not read.
            response.setHeader("Connection", "close");
            ApiExceptionHandler.write(ApiExceptionHandler.tooLarge(maxBytes), request, response, json);
            response.flushBuffer();
            dropWhatStillArrives(request);
            return;
        }
        try {
            chain.doFilter(new BoundedRequest(request, this), response);
        } catch (BodyTooLargeException | BodyTooSlowException e) {
            // Read by a filter or a handler of ours that let it through (Spring MVC's own reads become 400s
            // that ApiExceptionHandler turns back into this 413 or 408).
            if (response.isCommitted()) {
                if (e instanceof BodyTooSlowException && response.getStatus() == HttpStatus.REQUEST_TIMEOUT.value()) {
                    // Tomcat has answered a read that timed out itself: 408, through the error page.
                    return;
                }
                throw e;
            }
            response.reset();
            // The rest of the body is not wanted: the connection ends after the answer.
            response.setHeader("Connection", "close");
            ApiExceptionHandler.write(e instanceof BodyTooSlowException slow ? ApiExceptionHandler.tooSlow(slow)
                    : ApiExceptionHandler.tooLarge(maxBytes), request, response, json);
        }
    }

    /**
     * Reads and drops what the client still sends after the 413, for at most the grace period. Closing a connection
     * with unread input resets it, and a client that writes its whole body before reading (most simple ones) then
     * loses the answer; nginx's lingering close does the same. Each read is still bounded by the container's timeout.
     */
    private void dropWhatStillArrives(HttpServletRequest request) {
        long deadline = nanoClock.getAsLong() + pace.grace().toNanos();
        byte[] scratch = new byte[64 * 1024];
        try {
            InputStream in = request.getInputStream();
            while (nanoClock.getAsLong() - deadline < 0 && in.read(scratch) >= 0) {
                // dropped
            }
        } catch (IOException e) {
            // The client has gone: nobody is left to read the answer.
        }
    }

    /** A reader of {@code in} in the request's declared encoding, UTF-8 when it declares none. */
    static BufferedReader readerOf(HttpServletRequest request, InputStream in) {
        String encoding = request.getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(in, charset));
    }

    /** Thrown while reading a body that grows past the limit; mapped to 413. */
    static final class BodyTooLargeException extends IOException {
        final long maxBytes;

        BodyTooLargeException(long maxBytes) {
            super("request body exceeds " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }
    }

    /** Thrown while reading a body that arrives too slowly, or not at all; mapped to 408. */
    static final class BodyTooSlowException extends IOException {
        BodyTooSlowException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final class BoundedRequest extends HttpServletRequestWrapper {
        private final BodyLimitFilter limits;
        private ServletInputStream stream;

        BoundedRequest(HttpServletRequest request, BodyLimitFilter limits) {
            super(request);
            this.limits = limits;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream(), limits);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return readerOf(this, getInputStream());
        }
    }

    private static final class BoundedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final BodyLimitFilter limits;
        private long read;
        private long startedAt = Long.MIN_VALUE;   // the first read: the body's time starts when it is wanted

        BoundedStream(ServletInputStream in, BodyLimitFilter limits) {
            this.in = in;
            this.limits = limits;
        }

        @Override
        public int read() throws IOException {
            start();
            int b;
            try {
                b = in.read();
            } catch (IOException e) {
                throw stalled(e);
            }
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            start();
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (IOException e) {
                throw stalled(e);
            }
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void start() {
            if (startedAt == Long.MIN_VALUE) {
                startedAt = limits.nanoClock.getAsLong();
            }
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limits.maxBytes) {
                throw new BodyTooLargeException(limits.maxBytes);
            }
            long elapsed = limits.nanoClock.getAsLong() - startedAt;
            if (elapsed > limits.pace.allowanceNanos(read)) {
                throw new BodyTooSlowException("The request body arrives too slowly: " + read + " bytes in "
                        + elapsed / 1_000_000 + " ms. A body must come at " + limits.pace.minBytesPerSecond()
                        + " bytes/s or more after the first " + limits.pace.grace().toSeconds() + " s, and whole "
                        + "within " + limits.pace.total().toSeconds() + " s (uapiguard.limits.body-min-rate, "
                        + "body-read-grace, body-read-timeout).", null);
            }
        }

        /** A read that timed out is a body that stopped coming (408); other failures stay what they are. */
        private IOException stalled(IOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SocketTimeoutException) {
                    return new BodyTooSlowException("The request body stopped arriving: nothing came for the "
                            + "server's connection timeout after " + read + " bytes.", e);
                }
            }
            return e;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
