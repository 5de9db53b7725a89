package io.uapiguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The limit also holds for bodies without a Content-Length (chunked), which only reading can catch. */
class BodyLimitFilterTest {

    static final BodyLimitFilter.Pace PACE = new BodyLimitFilter.Pace(Duration.ofSeconds(5), 1000,
            Duration.ofSeconds(60));

    final BodyLimitFilter filter = new BodyLimitFilter(100, PACE, JsonMapper.builder().build());

    static MockHttpServletRequest post(byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/checks");
        request.setContent(body);
        return request;
    }

    /** The request with the length its client declares: -1 for a chunked body, whatever the body really is. */
    static HttpServletRequestWrapper declaring(MockHttpServletRequest request, long declared) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public long getContentLengthLong() {
                return declared;
            }

            @Override
            public int getContentLength() {
                return declared > Integer.MAX_VALUE ? -1 : (int) declared;
            }
        };
    }

    @Test
    void aChunkedBodyPastTheLimitFailsWhileReading() throws Exception {
        HttpServletRequestWrapper chunked = declaring(post(new byte[101]), -1);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(chunked, response, (req, res) ->
                assertThatThrownBy(() -> req.getInputStream().readAllBytes())
                        .isInstanceOf(BodyLimitFilter.BodyTooLargeException.class)
                        .hasMessage("request body exceeds 100 bytes"));
        assertThat(response.getStatus()).isEqualTo(200);   // the reader above caught it: its answer stands
    }

    @Test
    void aBodyPastTheLimitThatAFilterBehindLetsThroughIs413FromThisOne() throws Exception {
        HttpServletRequestWrapper chunked = declaring(post(new byte[101]), -1);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(chunked, response, (req, res) -> CheckAdmissionFilter.readBody((HttpServletRequest) req));
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getHeader("Connection")).isEqualTo("close");
        assertThat(response.getContentAsString()).contains("\"title\":\"Request body too large\"");
    }

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws Exception {
        MockHttpServletRequest raw = post(new byte[100]);
        int[] read = new int[1];
        filter.doFilter(raw, new MockHttpServletResponse(),
                (req, res) -> read[0] = req.getInputStream().readAllBytes().length);
        assertThat(read[0]).isEqualTo(100);
    }

    @Test
    void aDeclaredLengthPastTheLimitIs413WithoutReading() throws Exception {
        MockHttpServletRequest raw = post(new byte[101]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(raw, response, (req, res) -> {
            throw new AssertionError("the chain must not run");
        });
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"title\":\"Request body too large\"");
    }

    /** Closing with unread input would reset the connection, and a client that writes before it reads loses the 413. */
    @Test
    void aDeclaredBodyPastTheLimitIsReadToItsEndAfterThe413SoTheClientGetsTheAnswer() throws Exception {
        MockHttpServletRequest raw = post(new byte[300_000]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(raw, response, (req, res) -> {
            throw new AssertionError("the chain must not run");
        });
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.isCommitted()).as("the answer is sent before the rest of the body is read").isTrue();
        assertThat(raw.getInputStream().read()).as("the rest of the body was read").isEqualTo(-1);
    }

    @Test
    void whatArrivesAfterThe413IsReadOnlyForTheGracePeriod() throws Exception {
        long[] now = {0};
        BodyLimitFilter paced = new BodyLimitFilter(100, PACE, () -> now[0], JsonMapper.builder().build());
        int[] reads = {0};
        MockHttpServletRequest endless = new MockHttpServletRequest("POST", "/api/v1/checks") {
            @Override
            public jakarta.servlet.ServletInputStream getInputStream() {
                return new jakarta.servlet.ServletInputStream() {
                    @Override
                    public int read() {
                        return read(new byte[1], 0, 1) < 0 ? -1 : ' ';
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        reads[0]++;
                        now[0] += Duration.ofSeconds(1).toNanos();   // a client that never stops sending
                        return len;
                    }

                    @Override
                    public boolean isFinished() {
                        return false;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(jakarta.servlet.ReadListener listener) {
                        throw new UnsupportedOperationException();
                    }
                };
            }
        };
        MockHttpServletResponse response = new MockHttpServletResponse();
        paced.doFilter(declaring(endless, 1L << 40), response, (req, res) -> {
            throw new AssertionError("the chain must not run");
        });
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(reads[0]).as("reads within the 5 s grace, one second each").isEqualTo(5);
    }

    @Test
    void aBodySlowerThanTheMinimumRateAfterTheGraceIs408AndClosesTheConnection() throws Exception {
        long[] now = {0};
        BodyLimitFilter paced = new BodyLimitFilter(100_000, PACE, () -> now[0], JsonMapper.builder().build());
        MockHttpServletResponse response = new MockHttpServletResponse();
        paced.doFilter(post(new byte[10_000]), response, (req, res) -> {
            var in = req.getInputStream();
            in.readNBytes(1_000);                          // at 0 s
            now[0] = Duration.ofSeconds(5).toNanos();      // 5 s grace + 1 s per 1000 bytes: 6 s allowed
            in.readNBytes(1_000);                          // 2000 bytes at 5 s: within 7 s
            now[0] = Duration.ofMillis(7_100).toNanos();
            in.readNBytes(1);                              // 2001 bytes at 7.1 s: past 7.001 s
        });
        assertThat(response.getStatus()).isEqualTo(408);
        assertThat(response.getHeader("Connection")).isEqualTo("close");
        assertThat(response.getContentAsString()).contains("\"title\":\"Request body too slow\"")
                .contains("2001 bytes in 7100 ms");
    }

    @Test
    void aBodyIsNeverAllowedMoreThanTheTotalTime() {
        BodyLimitFilter.Pace pace = new BodyLimitFilter.Pace(Duration.ofSeconds(5), 1000, Duration.ofSeconds(60));
        assertThat(pace.allowanceNanos(0)).isEqualTo(Duration.ofSeconds(5).toNanos());
        assertThat(pace.allowanceNanos(10_000)).isEqualTo(Duration.ofSeconds(15).toNanos());
        assertThat(pace.allowanceNanos(10_000_000)).isEqualTo(Duration.ofSeconds(60).toNanos());
    }
}
