package io.uapiguard.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a request may cost: {@code uapiguard.limits.max-body} (default 10MB), the largest request body;
 * {@code uapiguard.limits.cached-models} (default 64), how many stored base models stay parsed in memory;
 * {@code uapiguard.limits.resolution-ttl} (default 5s), how long a check remembers a repository and base lookup;
 * {@code uapiguard.limits.concurrent-checks} (default 0: one per core), how many checks run at once, each on a
 * worker thread of its own, the others waiting in order; {@code uapiguard.limits.check-queue-timeout} (default 30s,
 * at least 1ms), how long one may wait before a 503. A request body must arrive within
 * {@code uapiguard.limits.body-read-grace} (default 5s) plus one second per {@code uapiguard.limits.body-min-rate}
 * (default 1KB) received, and whole within {@code uapiguard.limits.body-read-timeout} (default 60s), else 408.
 */
@ConfigurationProperties("uapiguard.limits")
public record LimitsProperties(@DefaultValue("10MB") DataSize maxBody, @DefaultValue("64") int cachedModels,
                               @DefaultValue("5s") Duration resolutionTtl, @DefaultValue("0") int concurrentChecks,
                               @DefaultValue("30s") Duration checkQueueTimeout,
                               @DefaultValue("5s") Duration bodyReadGrace, @DefaultValue("1KB") DataSize bodyMinRate,
                               @DefaultValue("60s") Duration bodyReadTimeout) {
}
