package io.uapiguard.admin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code uapiguard.admin.token} (env {@code UAPIGUARD_ADMIN_TOKEN}): the bearer token the admin API requires.
 * Unset or blank: the admin API is off and answers 404. {@code uapiguard.admin.ingest-wait} (default 10m): the
 * longest an ingest request with {@code wait=true} waits before it answers with the run as it is.
 */
@ConfigurationProperties("uapiguard.admin")
public record AdminProperties(String token, @DefaultValue("10m") Duration ingestWait) {

    public boolean enabled() {
        return token != null && !token.isBlank();
    }
}
