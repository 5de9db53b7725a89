package io.uapiguard.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The stored checks: {@code uapiguard.checks.retention} (default 30d), how long a check's page stays after the last
 * identical request; {@code uapiguard.checks.sweep-interval} (default 1h), how often older ones are deleted.
 */
@ConfigurationProperties("uapiguard.checks")
public record ChecksProperties(@DefaultValue("30d") Duration retention, @DefaultValue("1h") Duration sweepInterval) {

    public ChecksProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("uapiguard.checks.retention must be positive, not " + retention);
        }
    }
}
