package io.uapiguard.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards {@code /api/v1/admin/**}: 404 while no token is configured (the API does not exist), else 401 unless the
 * request carries {@code Authorization: Bearer <token>}. Digests are compared in constant time, so neither the
 * content nor the length of the token leaks through timing.
 */
final class AdminTokenInterceptor implements HandlerInterceptor {

    private static final String BEARER = "Bearer ";

    private final byte[] tokenDigest;

    AdminTokenInterceptor(AdminProperties properties) {
        this.tokenDigest = properties.enabled() ? sha256(properties.token()) : null;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (tokenDigest == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "The admin API is disabled: set UAPIGUARD_ADMIN_TOKEN (uapiguard.admin.token) to enable it.");
            problem.setTitle("Admin API disabled");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean valid = authorization != null
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && MessageDigest.isEqual(tokenDigest, sha256(authorization.substring(BEARER.length()).strip()));
        if (!valid) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, authorization == null
                    ? "The admin API requires 'Authorization: Bearer <token>'."
                    : "The bearer token is not the configured admin token.");
            problem.setTitle("Unauthorized");
            ErrorResponseException error = new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
            error.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, authorization == null
                    ? "Bearer realm=\"uapiguard-admin\""
                    : "Bearer realm=\"uapiguard-admin\", error=\"invalid_token\"");
            throw error;
        }
        return true;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
