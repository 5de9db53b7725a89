package io.uapiguard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator of bench/load.sh keeps its rate and counts latency from when a request was due. */
class CheckLoadTest {

    private HttpServer server;
    private ExecutorService executor;
    private final AtomicInteger served = new AtomicInteger();
    private final java.util.Queue<String> received = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile long delayMillis;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/ok", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int n = served.incrementAndGet();
            if (n % 7 == 0) {
                exchange.getResponseHeaders().add("Connection", "close");   // a keep-alive limit
            }
            byte[] answer = ("{\"n\": " + n + "}").getBytes(StandardCharsets.UTF_8);
            // Answers of each framing the generator must read through: chunked, a fixed length, none.
            int framing = n % 3;
            exchange.sendResponseHeaders(n % 10 == 0 ? 500 : 200, framing == 0 ? 0 : framing == 1 ? answer.length : -1);
            if (framing != 2) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void sendsAtTheGivenRateReadsEachFramingReconnectsWhenTheServerClosesAndCountsStatusErrors() throws Exception {
        CheckLoad.Result r = CheckLoad.run(uri(), bodies("{\"header\": \"a\"}"), 100, 4, Duration.ofSeconds(1));
        assertThat(r.latencies().length + r.errors()).isEqualTo(100);
        assertThat(r.errors()).isEqualTo(10);
        assertThat(r.percentile(50)).isLessThan(Duration.ofMillis(50).toNanos());
        assertThat(r.seconds()).isBetween(0.95, 3.0);   // 100 checks due over one second, none sent early
        // Each body arrives whole though written in parts: the header's string, a comment of its own appended.
        assertThat(received).hasSize(100).allSatisfy(body ->
                assertThat(body).matches("\\{\"header\": \"a\\\\n/\\* uapiguard-bench \\d+-\\d-\\d+ \\*/\\\\n\"}"));
        assertThat(new HashSet<>(received)).hasSize(100);
    }

    @Test
    void aSlowServerChargesTheRequestsItHeldUp() throws Exception {
        // One client due every 10 ms, answers taking 30 ms: each request starts later than it was due, and the
        // lateness adds up; a closed-loop count would say 30 ms every time.
        delayMillis = 30;
        CheckLoad.Result r = CheckLoad.run(uri(), bodies("{\"header\": \"a\"}"), 100, 1, Duration.ofMillis(500));
        assertThat(r.percentile(100)).isGreaterThan(Duration.ofMillis(200).toNanos());
        // The timeline: each answered check's due time, on the 10 ms schedule (a tenth answer with 500 is left out),
        // and its latency, growing as the lateness adds up.
        long[] timeline = r.timeline();
        assertThat(timeline).hasSize(2 * r.latencies().length);
        for (int i = 2; i < timeline.length; i += 2) {
            assertThat(timeline[i] - timeline[i - 2]).isPositive();
            assertThat((timeline[i] - timeline[i - 2]) % Duration.ofMillis(10).toNanos()).isZero();
            assertThat(timeline[i + 1]).isGreaterThan(timeline[i - 1]);
        }
    }

    @Test
    void theWarmUpsChecksAreSentOnTheSameScheduleButNeitherCountedNorTimed() throws Exception {
        // 100 checks a second: 30 due in the 300 ms warm-up, then 50 measured.
        CheckLoad.Result r = CheckLoad.run(uri(), bodies("{\"header\": \"a\"}"), 100, 2, Duration.ofMillis(300),
                Duration.ofMillis(500));
        assertThat(received).hasSize(80);
        assertThat(r.warmUpChecks()).isEqualTo(30);
        assertThat(r.latencies().length + r.errors()).isEqualTo(50);
        assertThat(r.errors()).isBetween(4L, 6L);   // every tenth answer is a 500: five of the measured fifty
        assertThat(r.seconds()).isBetween(0.45, 2.0);
        // Due times count from the end of the warm-up.
        long[] timeline = r.timeline();
        for (int i = 0; i < timeline.length; i += 2) {
            assertThat(timeline[i]).isBetween(0L, Duration.ofMillis(500).toNanos());
        }
    }

    @Test
    void aMeaninglessRunIsRefused() {
        assertThatThrownBy(() -> CheckLoad.run(uri(), bodies("{\"header\": \"a\"}"), 0, 1,
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckLoad.run(uri(), bodies("{\"header\": \"a\"}"), 10, 1, Duration.ofSeconds(-1),
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRequestIsANewCandidateAndTheClientsGoThroughEveryBody() throws Exception {
        CheckLoad.Bodies bodies = bodies("{\"base\": \"b\", \"header\": \"one\\n\"}\n", "{\"header\": \"two\"}");
        Set<String> sent = new HashSet<>();
        for (int client = 0; client < 2; client++) {
            for (long n = 0; n < 3; n++) {
                sent.add(new String(bodies.next(client, n), StandardCharsets.UTF_8));
            }
        }
        assertThat(sent).hasSize(6).allSatisfy(body -> assertThat(body).matches(
                "\\{(\"base\": \"b\", \"header\": \"one\\\\n|\"header\": \"two)"
                        + "\\\\n/\\* uapiguard-bench \\d+-\\d-\\d \\*/\\\\n\"}"));
        assertThat(sent).anyMatch(body -> body.contains("one")).anyMatch(body -> body.contains("two"));
        assertThatThrownBy(() -> bodies("{\"header\": \"a\", \"n\": 1}"))
                .hasMessageContaining("must end with the header's string");
    }

    private static CheckLoad.Bodies bodies(String... json) {
        return new CheckLoad.Bodies(Arrays.stream(json).map(b -> b.getBytes(StandardCharsets.UTF_8)).toList());
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ok");
    }
}
