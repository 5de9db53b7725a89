package io.uapiguard.api;

import io.uapiguard.UapiguardException;
import java.net.URI;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * A problem's {@code instance} is the request's path, and its segments are what the caller sent (a repository, a
 * tag, a helper): each is cut to its first {@value UapiguardException#QUOTED_CHARS} characters, as every value an
 * error quotes is, wherever the problem was made (Spring sets the instance of any problem a handler returns).
 */
@RestControllerAdvice
class ProblemInstances implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && problem.getInstance() != null) {
            problem.setInstance(of(problem.getInstance().getRawPath()));
        }
        return body;
    }

    /** {@code rawPath} (as sent, percent-escapes kept) with each segment cut; never inside an escape. */
    static URI of(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(rawPath.length(), 512));
        String[] segments = rawPath.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.length() > UapiguardException.QUOTED_CHARS) {
                int cut = UapiguardException.QUOTED_CHARS;
                int escape = s.lastIndexOf('%', cut - 1);
                if (escape >= 0 && escape > cut - 3) {
                    cut = escape;
                }
                s = s.substring(0, cut) + "...";
            }
            out.append(i == 0 ? "" : "/").append(s);
        }
        return URI.create(out.toString());
    }
}
