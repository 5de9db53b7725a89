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
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies over the limit with 413: at once from Content-Length, and while reading for chunked bodies
 * (Tomcat's max-post-size only covers form posts, not JSON).
 */
final class BodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final JsonMapper json;

    BodyLimitFilter(long maxBytes, JsonMapper json) {
        this.maxBytes = maxBytes;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            // Tell the client not to keep streaming a body we will not read.
            response.setHeader("Connection", "close");
            ApiExceptionHandler.write(ApiExceptionHandler.tooLarge(maxBytes), request, response, json);
            return;
        }
        try {
            chain.doFilter(new BoundedRequest(request, maxBytes), response);
        } catch (BodyTooLargeException e) {
            // Read by a filter or a handler of ours that let it through (Spring MVC's own reads become 400s
            // that ApiExceptionHandler turns back into this 413).
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            response.setHeader("Connection", "close");
            ApiExceptionHandler.write(ApiExceptionHandler.tooLarge(maxBytes), request, response, json);
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

    private static final class BoundedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        BoundedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream(), maxBytes);
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
        private final long maxBytes;
        private long read;

        BoundedStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
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
