package io.uapiguard.history;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.uapiguard.UapiguardException;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.history.HistoryAdmin.IngestSummary;
import io.uapiguard.include.IncludeDirectories;
import io.uapiguard.store.HistoryQueries;
import io.uapiguard.store.IngestRunStore;
import io.uapiguard.store.JdbcHistoryQueries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write side of the history for the service: clones go to {@code uapiguard.history.cache-dir}; ingests run in
 * the background, and every registered repository is ingested each {@code uapiguard.history.poll-interval}
 * (0, the default: only when asked).
 */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

    /** A run's instance renews it this often; one not renewed for {@link #STALE} is abandoned. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration STALE = Duration.ofMinutes(1);
    /** How long a stop waits for the running ingest before marking its run failed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /** The store's read side, serving comparisons of the current engine version only. */
    @Bean
    HistoryQueries historyQueries(DataSource dataSource) {
        return new JdbcHistoryQueries(dataSource, CompatEngine.VERSION);
    }

    @Bean
    Registrations registrations(DataSource dataSource) {
        return new Registrations(dataSource);
    }

    /**
     * The ingest: a header's {@code #include} found in its own revision first, then in {@code uapiguard.include-dirs}
     * (the checks' setting; default none).
     */
    @Bean
    Ingester historyAdmin(DataSource dataSource, @Value("${uapiguard.history.cache-dir:}") String cacheDir,
                          @Value("${uapiguard.include-dirs:}") String includeDirs) {
        return new Ingester(dataSource, StringUtils.hasText(cacheDir) ? Path.of(cacheDir) : null,
                IncludeDirectories.configured(includeDirs));
    }

    @Bean(destroyMethod = "close")
    IngestRuns ingestRuns(DataSource dataSource, Ingester ingester, JsonMapper json,
                          ObjectProvider<MeterRegistry> meters,
                          @Value("${uapiguard.history.poll-interval:0s}") Duration poll,
                          ToIntFunction<UapiguardException.Reason> errorStatus) {
        return new IngestRuns(new IngestRunStore(dataSource, STALE),
                timed(ingester::ingest, meters.getIfAvailable(SimpleMeterRegistry::new)), json::writeValueAsString,
                new IngestRuns.Timing(HEARTBEAT, STALE, poll, STOP_GRACE), errorStatus);
    }

    /**
     * The ingest, timed per repository and outcome (Prometheus: uapiguard_ingests_seconds_count{outcome="failed"}
     * is what an operator alerts on).
     */
    static IngestRuns.Work timed(IngestRuns.Work work, MeterRegistry meters) {
        return (repository, listener) -> {
            long start = System.nanoTime();
            String outcome = "failed";
            try {
                IngestSummary summary = work.ingest(repository, listener);
                outcome = "succeeded";
                return summary;
            } finally {
                meters.timer("uapiguard.ingests", "repository", repository, "outcome", outcome)
                        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        };
    }
}
