package io.uapiguard.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class CheckAdmissionFilterTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aCheckRunsAtOnceWhenASlotIsFree() throws Exception {
        CheckAdmissionFilter filter = new CheckAdmissionFilter(1, Duration.ofSeconds(1), json);
        AtomicInteger ran = new AtomicInteger();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("POST", "/api/v1/checks"), response,
                (req, res) -> ran.incrementAndGet());
        filter.doFilter(new MockHttpServletRequest("POST", "/api/v1/checks"), response,
                (req, res) -> ran.incrementAndGet());
        assertThat(ran).hasValue(2);   // the first released its slot
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void aCheckThatWaitsPastTheQueueTimeoutIs503WithRetryAfter() throws Exception {
        CheckAdmissionFilter filter = new CheckAdmissionFilter(1, Duration.ofMillis(100), json);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FilterChain slow = (req, res) -> {
            running.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> first = other.submit(() -> {
                filter.doFilter(new MockHttpServletRequest("POST", "/api/v1/checks"), new MockHttpServletResponse(),
                        slow);
                return null;
            });
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            MockHttpServletResponse refused = new MockHttpServletResponse();
            AtomicInteger ran = new AtomicInteger();
            filter.doFilter(new MockHttpServletRequest("POST", "/api/v1/checks"), refused,
                    (req, res) -> ran.incrementAndGet());
            assertThat(ran).hasValue(0);
            assertThat(refused.getStatus()).isEqualTo(503);
            assertThat(refused.getContentType()).isEqualTo("application/problem+json");
            assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
            assertThat(refused.getContentAsString()).contains("\"status\":503").contains("check-queue-timeout");
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void readsAreNotQueued() throws Exception {
        CheckAdmissionFilter filter = new CheckAdmissionFilter(1, Duration.ofMillis(10), json);
        AtomicInteger ran = new AtomicInteger();
        FilterChain nested = (req, res) -> filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/checks"),
                new MockHttpServletResponse(), (r, s) -> ran.incrementAndGet());
        filter.doFilter(new MockHttpServletRequest("POST", "/api/v1/checks"), new MockHttpServletResponse(), nested);
        assertThat(ran).hasValue(1);   // the GET ran while the POST held the only slot
    }

    @Test
    void theBodyIsReceivedBeforeTheCheckWaitsForASlotAndReadAgainInside() throws Exception {
        CheckAdmissionFilter filter = new CheckAdmissionFilter(1, Duration.ofMillis(200), json);
        MockHttpServletRequest waiting = new MockHttpServletRequest("POST", "/api/v1/checks");
        waiting.setContent("{\"header\": \"int x;\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        AtomicInteger consumedWhileQueued = new AtomicInteger(-1);
        FilterChain holdsTheSlot = (req, res) -> {
            // The only slot is taken: the other request, refused after its wait, has read its body all the same.
            MockHttpServletResponse refused = new MockHttpServletResponse();
            filter.doFilter(waiting, refused, (r, s2) -> { });
            consumedWhileQueued.set(waiting.getInputStream().available());
        };
        filter.doFilter(new MockHttpServletRequest("POST", "/api/v1/checks"), new MockHttpServletResponse(),
                holdsTheSlot);
        assertThat(consumedWhileQueued).hasValue(0);

        MockHttpServletRequest admitted = new MockHttpServletRequest("POST", "/api/v1/checks");
        admitted.setContent("{\"header\": \"int y;\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        filter.doFilter(admitted, new MockHttpServletResponse(),
                (req, res) -> seen.append(new String(req.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(seen.toString()).isEqualTo("{\"header\": \"int y;\"}");
    }

    @Test
    void theBodyReadsTheSameWhateverLengthTheClientDeclares() throws Exception {
        byte[] content = "{\"header\": \"int z;\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (long declared : new long[] {content.length, -1, content.length + 100,
                CheckAdmissionFilter.PRESIZED_MAX + 1L}) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/checks");
            request.setContent(content);
            HttpServletRequestWrapper declaring = new HttpServletRequestWrapper(request) {
                @Override
                public long getContentLengthLong() {
                    return declared;
                }
            };
            assertThat(CheckAdmissionFilter.readBody(declaring)).as("declared %d", declared).isEqualTo(content);
        }
    }
}
