package io.uapiguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The limit also holds for bodies without a Content-Length (chunked), which only reading can catch. */
class BodyLimitFilterTest {

    final BodyLimitFilter filter = new BodyLimitFilter(100, JsonMapper.builder().build());

    @Test
    void aChunkedBodyPastTheLimitFailsWhileReading() throws Exception {
        MockHttpServletRequest raw = new MockHttpServletRequest("POST", "/api/v1/checks");
        raw.setContent(new byte[101]);
        HttpServletRequestWrapper chunked = new HttpServletRequestWrapper(raw) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(chunked, response, (req, res) ->
                assertThatThrownBy(() -> req.getInputStream().readAllBytes())
                        .isInstanceOf(BodyLimitFilter.BodyTooLargeException.class)
                        .hasMessage("request body exceeds 100 bytes"));
        assertThat(response.getStatus()).isEqualTo(200);   // the reader above caught it: its answer stands
    }

    @Test
    void aBodyPastTheLimitThatAFilterBehindLetsThroughIs413FromThisOne() throws Exception {
        MockHttpServletRequest raw = new MockHttpServletRequest("POST", "/api/v1/checks");
        raw.setContent(new byte[101]);
        HttpServletRequestWrapper chunked = new HttpServletRequestWrapper(raw) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(chunked, response, (req, res) -> CheckAdmissionFilter.readBody((HttpServletRequest) req));
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getHeader("Connection")).isEqualTo("close");
        assertThat(response.getContentAsString()).contains("\"title\":\"Request body too large\"");
    }

    @Test
    void aBodyWithinTheLimitIsReadWhole() throws Exception {
        MockHttpServletRequest raw = new MockHttpServletRequest("POST", "/api/v1/checks");
        raw.setContent(new byte[100]);
        int[] read = new int[1];
        filter.doFilter(raw, new MockHttpServletResponse(),
                (req, res) -> read[0] = req.getInputStream().readAllBytes().length);
        assertThat(read[0]).isEqualTo(100);
    }

    @Test
    void aDeclaredLengthPastTheLimitIs413WithoutReading() throws Exception {
        MockHttpServletRequest raw = new MockHttpServletRequest("POST", "/api/v1/checks");
        raw.setContent(new byte[101]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(raw, response, (req, res) -> {
            throw new AssertionError("the chain must not run");
        });
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"title\":\"Request body too large\"");
    }
}
