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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the checks on a fixed set of worker threads, one per core by default, first come first served; the others
 * wait their turn in a queue. A check is CPU-bound (decoding a 300 KB body, parsing it, comparing), so more of
 * them at once than there are cores only makes every one of them slower and their latencies uneven. The body is
 * received on the container's thread before the check queues; that thread then waits for the worker to run the
 * rest of the filter chain, the controller included, and write the answer. A check that waits longer than the
 * queue timeout for a worker gets a 503 with Retry-After rather than hanging.
 *
 * <p>Workers rather than a semaphore over the container's threads: a worker that ends a check takes the next one
 * from the queue without sleeping, where a released permit had to wake a parked thread and wait for the scheduler
 * to run it. At saturation on two cores that wake left the cores idle 6 % (three permits) to 18 % (two) of the
 * time; two workers keep them busy, and do ~500 checks/s at a p99 of 23–25 ms where three permits did 465–480 at
 * 27–29 ms (docs/benchmarks.md, "Service → Fifth round").
 */
final class CheckAdmissionFilter extends OncePerRequestFilter {

    private final ThreadPoolExecutor workers;
    private final Duration queueTimeout;
    private final JsonMapper json;

    CheckAdmissionFilter(int workers, Duration queueTimeout, JsonMapper json) {
        if (queueTimeout.toMillis() < 1) {
            // Zero would refuse every check, even with idle workers: none could take it before its wait ended.
            throw new IllegalArgumentException("uapiguard.limits.check-queue-timeout must be at least 1ms, not "
                    + queueTimeout);
        }
        CustomizableThreadFactory threads = new CustomizableThreadFactory("uapiguard-check-");
        threads.setDaemon(true);
        this.workers = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                threads);
        // Started now, on the thread that builds the filter: started by the first checks, they would inherit the
        // class loader and inheritable thread-locals of whichever request thread that was.
        this.workers.prestartAllCoreThreads();
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
        // The upload is network time, not CPU: read it before queueing, so that slow clients cannot hold the
        // workers. The body limit filter in front bounds what is read here, and answers 413 past it.
        byte[] body = readBody(request);
        Turn turn = new Turn(() -> chain.doFilter(new ReadBody(request, body), response));
        try {
            workers.execute(turn);
        } catch (RejectedExecutionException e) {
            refuse(request, response, "The service is stopping", "It takes no new checks; retry on another "
                    + "instance or later.");
            return;
        }
        if (!turn.awaitStart(queueTimeout)) {
            workers.remove(turn);   // let go of its body now rather than when a worker would skip it
            if (Thread.currentThread().isInterrupted()) {   // the container is stopping its threads
                refuse(request, response, "The service is stopping", "The check was given up before it started; "
                        + "retry on another instance or later.");
            } else {
                refuse(request, response, "Checks are queued too long", "Too many checks are waiting; none started "
                        + "within " + queueTimeout.toSeconds() + " s (uapiguard.limits.check-queue-timeout). Retry "
                        + "later.");
            }
            return;
        }
        turn.awaitEnd();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle(title);
        response.setHeader("Retry-After", Long.toString(Math.max(1, queueTimeout.toSeconds())));
        ApiExceptionHandler.write(problem, request, response, json);
    }

    /** Checks waiting for a worker, given-up ones included until they are removed. */
    int waiting() {
        return workers.getQueue().size();
    }

    /**
     * Stops the workers with the web application. Nothing waits here for a check still running: the server's
     * graceful shutdown has let the requests in flight end before the application stops.
     */
    @Override
    public void destroy() {
        workers.shutdown();
    }

    /** The rest of the chain, which throws what a filter chain throws. */
    private interface Chain {
        void run() throws IOException, ServletException;
    }

    /**
     * One check's turn on a worker. It either starts or is given up by its waiter, never both: the one who
     * moves it out of {@code QUEUED} first decides.
     */
    private static final class Turn implements Runnable {
        private static final int QUEUED = 0;
        private static final int RUNNING = 1;
        private static final int ABANDONED = 2;

        private final Chain chain;
        private final ClassLoader loader = Thread.currentThread().getContextClassLoader();
        private final AtomicInteger state = new AtomicInteger(QUEUED);
        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch ended = new CountDownLatch(1);
        private Throwable failure;   // written before ended counts down, read after it

        Turn(Chain chain) {
            this.chain = chain;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(QUEUED, RUNNING)) {
                return;
            }
            started.countDown();
            Thread worker = Thread.currentThread();
            ClassLoader own = worker.getContextClassLoader();
            worker.setContextClassLoader(loader);   // what the container's thread would have run with
            try {
                chain.run();
            } catch (Throwable t) {
                failure = t;
            } finally {
                worker.setContextClassLoader(own);
                ended.countDown();
            }
        }

        /** True once a worker runs it; false if it was given up after waiting this long or being interrupted. */
        boolean awaitStart(Duration timeout) {
            try {
                if (started.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                    return true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return !state.compareAndSet(QUEUED, ABANDONED);   // lost the race: it has just started
        }

        /**
         * Until the check has ended, even when interrupted: the worker is using this request and its response,
         * so the container must not have them back before. Then what the chain threw, thrown here.
         */
        void awaitEnd() throws IOException, ServletException {
            boolean interrupted = false;
            while (true) {
                try {
                    ended.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure instanceof IOException e) {
                throw e;
            }
            if (failure instanceof ServletException e) {
                throw e;
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new ServletException(failure);
            }
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
