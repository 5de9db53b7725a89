package io.uapiguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class CheckAdmissionFilterTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<CheckAdmissionFilter> filters = new ArrayList<>();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        callers.shutdownNow();
        filters.forEach(CheckAdmissionFilter::destroy);
    }

    private CheckAdmissionFilter filter(int workers, Duration queueTimeout) {
        CheckAdmissionFilter filter = new CheckAdmissionFilter(workers, queueTimeout, json);
        filters.add(filter);
        return filter;
    }

    private static MockHttpServletRequest post() {
        return new MockHttpServletRequest("POST", "/api/v1/checks");
    }

    /** A chain that says it runs, then holds its worker until released. */
    private record Holding(CountDownLatch running, CountDownLatch release) implements FilterChain {
        Holding() {
            this(new CountDownLatch(1), new CountDownLatch(1));
        }

        @Override
        public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
            running.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void awaitRunning() throws InterruptedException {
            assertThat(running.await(10, TimeUnit.SECONDS)).as("the held check started").isTrue();
        }
    }

    private Future<MockHttpServletResponse> inBackground(CheckAdmissionFilter filter, FilterChain chain) {
        return callers.submit(() -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(post(), response, chain);
            return response;
        });
    }

    /** A check that holds the filter's only worker until released. */
    private final class HeldWorker {
        private final Holding chain = new Holding();
        private final Future<MockHttpServletResponse> call;

        HeldWorker(CheckAdmissionFilter filter) throws InterruptedException {
            call = inBackground(filter, chain);
            chain.awaitRunning();
        }

        MockHttpServletResponse release() throws Exception {
            chain.release().countDown();
            return call.get(10, TimeUnit.SECONDS);
        }
    }

    /** A check given up while queued has not run, even now that a check queued after it has. */
    private static void assertNeverRan(CheckAdmissionFilter filter, AtomicInteger ran) throws Exception {
        filter.doFilter(post(), new MockHttpServletResponse(), (req, res) -> { });
        assertThat(ran).hasValue(0);
    }

    private static void awaitWaiting(CheckAdmissionFilter filter, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (filter.waiting() < count) {
            assertThat(System.nanoTime()).as("%d checks queued", count).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    @Test
    void aCheckRunsOnAWorkerWithTheCallersClassLoaderAndTheCallerWaitsForIt() throws Exception {
        ClassLoader own = Thread.currentThread().getContextClassLoader();
        CheckAdmissionFilter filter = filter(1, Duration.ofSeconds(1));   // its worker starts now, with own
        ClassLoader callers = new ClassLoader(getClass().getClassLoader()) { };
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        AtomicReference<ClassLoader> ranWith = new AtomicReference<>();
        MockHttpServletResponse response = new MockHttpServletResponse();
        Thread.currentThread().setContextClassLoader(callers);
        try {
            filter.doFilter(post(), response, (req, res) -> {
                ranOn.set(Thread.currentThread());
                ranWith.set(Thread.currentThread().getContextClassLoader());
                res.getWriter().write("answered");
            });
        } finally {
            Thread.currentThread().setContextClassLoader(own);
        }
        assertThat(ranOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(ranOn.get().getName()).startsWith("uapiguard-check-");
        assertThat(ranWith.get()).isSameAs(callers);
        assertThat(ranOn.get().getContextClassLoader()).as("the worker's own, back after the check").isSameAs(own);
        assertThat(response.getContentAsString()).isEqualTo("answered");   // written before doFilter returned
        filter.doFilter(post(), response, (req, res) -> ranOn.set(null));
        assertThat(ranOn.get()).isNull();   // the first check freed its worker
    }

    @Test
    void aQueueTimeoutUnderAMillisecondIsRefusedAtStartup() {
        for (Duration timeout : List.of(Duration.ZERO, Duration.ofNanos(999_999), Duration.ofSeconds(-1))) {
            assertThatThrownBy(() -> new CheckAdmissionFilter(1, timeout, json)).as("%s", timeout)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("check-queue-timeout");
        }
    }

    @Test
    void aCallerInterruptedWhileQueuedGetsA503AndItsCheckNeverRuns() throws Exception {
        CheckAdmissionFilter filter = filter(1, Duration.ofSeconds(10));
        HeldWorker held = new HeldWorker(filter);
        AtomicInteger ran = new AtomicInteger();
        AtomicReference<Thread> caller = new AtomicReference<>();
        Future<MockHttpServletResponse> queued = callers.submit(() -> {
            caller.set(Thread.currentThread());
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(post(), response, (req, res) -> ran.incrementAndGet());
            return response;
        });
        awaitWaiting(filter, 1);
        caller.get().interrupt();
        MockHttpServletResponse refused = queued.get(10, TimeUnit.SECONDS);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getContentAsString()).contains("stopping");
        assertThat(filter.waiting()).isZero();

        held.release();
        assertNeverRan(filter, ran);
    }

    @Test
    void whatTheChainThrowsReachesTheCallerAsItIs() {
        CheckAdmissionFilter filter = filter(1, Duration.ofSeconds(1));
        for (Throwable thrown : List.of(new IOException("connection reset"), new ServletException("dispatch failed"),
                new IllegalStateException("bug"), new StackOverflowError())) {
            FilterChain throwing = (req, res) -> sneaky(thrown);
            assertThatThrownBy(() -> filter.doFilter(post(), new MockHttpServletResponse(), throwing)).isSameAs(thrown);
        }
        // A checked exception the chain does not declare (thrown through a lambda, say) comes as a ServletException.
        Exception undeclared = new java.util.concurrent.TimeoutException("undeclared");
        FilterChain throwing = (req, res) -> sneaky(undeclared);
        assertThatThrownBy(() -> filter.doFilter(post(), new MockHttpServletResponse(), throwing))
                .isInstanceOf(ServletException.class).hasCause(undeclared);
    }

    /** Throws any throwable, checked or not, past the compiler's checks. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneaky(Throwable thrown) throws T {
        throw (T) thrown;
    }

    @Test
    void checksBeyondTheWorkersWaitAndRunInArrivalOrder() throws Exception {
        CheckAdmissionFilter filter = filter(1, Duration.ofSeconds(10));
        HeldWorker held = new HeldWorker(filter);
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        List<Future<MockHttpServletResponse>> queued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int number = i;
            queued.add(inBackground(filter, (req, res) -> order.add(number)));
            awaitWaiting(filter, i + 1);   // each queued before the next arrives
        }
        assertThat(order).isEmpty();   // one worker, and it is held
        assertThat(held.release().getStatus()).isEqualTo(200);
        for (Future<MockHttpServletResponse> f : queued) {
            assertThat(f.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        }
        assertThat(order).containsExactly(0, 1, 2);
    }

    @Test
    void aCheckThatWaitsPastTheQueueTimeoutIs503WithRetryAfterAndNeverRuns() throws Exception {
        CheckAdmissionFilter filter = filter(1, Duration.ofMillis(100));
        HeldWorker held = new HeldWorker(filter);
        MockHttpServletResponse refused = new MockHttpServletResponse();
        AtomicInteger ran = new AtomicInteger();
        filter.doFilter(post(), refused, (req, res) -> ran.incrementAndGet());
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentAsString()).contains("\"status\":503").contains("check-queue-timeout");
        assertThat(filter.waiting()).isZero();   // its body is let go at once

        held.release();
        assertNeverRan(filter, ran);
    }

    @Test
    void aCallerInterruptedWhileItsCheckRunsWaitsForTheEnd() throws Exception {
        CheckAdmissionFilter filter = filter(1, Duration.ofSeconds(1));
        Holding check = new Holding();
        AtomicReference<Thread> caller = new AtomicReference<>();
        AtomicInteger releasedBeforeReturn = new AtomicInteger(-1);
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Future<?> call = callers.submit(() -> {
            caller.set(Thread.currentThread());
            filter.doFilter(post(), new MockHttpServletResponse(), check);
            releasedBeforeReturn.set((int) check.release().getCount());
            stillInterrupted.set(Thread.interrupted());
            return null;
        });
        check.awaitRunning();
        caller.get().interrupt();
        Thread.sleep(50);   // not a timing assertion: the caller must still be waiting however long this is
        assertThat(call.isDone()).isFalse();
        check.release().countDown();
        call.get(10, TimeUnit.SECONDS);
        assertThat(releasedBeforeReturn).hasValue(0);
        assertThat(stillInterrupted.get()).as("the interrupt is kept for the container").isTrue();
    }

    @Test
    void aStoppedFilterRefusesChecksWith503() throws Exception {
        CheckAdmissionFilter filter = filter(1, Duration.ofSeconds(1));
        filter.destroy();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        AtomicInteger ran = new AtomicInteger();
        filter.doFilter(post(), refused, (req, res) -> ran.incrementAndGet());
        assertThat(ran).hasValue(0);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getContentAsString()).contains("stopping");
    }

    @Test
    void readsAreNotQueued() throws Exception {
        CheckAdmissionFilter filter = filter(1, Duration.ofMillis(10));
        AtomicInteger ran = new AtomicInteger();
        FilterChain nested = (req, res) -> filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/checks"),
                new MockHttpServletResponse(), (r, s) -> ran.incrementAndGet());
        filter.doFilter(post(), new MockHttpServletResponse(), nested);
        assertThat(ran).hasValue(1);   // the GET ran while the POST held the only worker
    }

    @Test
    void theBodyIsReceivedBeforeTheCheckQueuesAndReadAgainOnTheWorker() throws Exception {
        CheckAdmissionFilter filter = filter(1, Duration.ofMillis(200));
        MockHttpServletRequest waiting = post();
        waiting.setContent("{\"header\": \"int x;\"}".getBytes(StandardCharsets.UTF_8));
        AtomicInteger consumedWhileQueued = new AtomicInteger(-1);
        FilterChain holdsTheWorker = (req, res) -> {
            // The only worker is taken: the other request, refused after its wait, has read its body all the same.
            MockHttpServletResponse refused = new MockHttpServletResponse();
            filter.doFilter(waiting, refused, (r, s2) -> { });
            consumedWhileQueued.set(waiting.getInputStream().available());
        };
        filter.doFilter(post(), new MockHttpServletResponse(), holdsTheWorker);
        assertThat(consumedWhileQueued).hasValue(0);

        MockHttpServletRequest admitted = post();
        admitted.setContent("{\"header\": \"int y;\"}".getBytes(StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        filter.doFilter(admitted, new MockHttpServletResponse(),
                (req, res) -> seen.append(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
        assertThat(seen.toString()).isEqualTo("{\"header\": \"int y;\"}");
    }

    @Test
    void theBodyReadsTheSameWhateverLengthTheClientDeclares() throws Exception {
        byte[] content = "{\"header\": \"int z;\"}".getBytes(StandardCharsets.UTF_8);
        for (long declared : new long[] {content.length, -1, content.length + 100,
                CheckAdmissionFilter.PRESIZED_MAX + 1L}) {
            HttpServletRequestWrapper request = BodyLimitFilterTest.declaring(BodyLimitFilterTest.post(content), declared);
            assertThat(CheckAdmissionFilter.readBody(request)).as("declared %d", declared).isEqualTo(content);
        }
    }
}
