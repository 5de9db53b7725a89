package io.uapiguard.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code uapiguard.admin.token} (env {@code UAPIGUARD_ADMIN_TOKEN}): the bearer token the admin API requires.
 * Unset or blank: the admin API is off and answers 404.
 */
@ConfigurationProperties("uapiguard.admin")
public record AdminProperties(String token) {

    public boolean enabled() {
        return token != null && !token.isBlank();
    }
}
