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
}
