package io.uapiguard.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.uapiguard.UapiguardException;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.header.pp.IncludeSource;
import io.uapiguard.history.StoredComparisons;
import io.uapiguard.patch.HeaderPatcher;
import io.uapiguard.store.HistoryQueries;
import io.uapiguard.store.ModelCache;
import io.uapiguard.include.IncludeDirectories;
import java.util.function.ToIntFunction;
import org.springframework.beans.factory.annotation.Value;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.json.JsonMapper;

/** The check endpoint's stateless collaborators, the request body limits, Tomcat's handling of unread bodies. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LimitsProperties.class, ReportProperties.class})
public class ApiConfiguration {

    @Bean
    OpenAPI uapiguardOpenApi() {
        return new OpenAPI().info(new Info().title("uapiguard").version("v1")
                .description("Guards the Linux BPF user-space API (include/uapi/linux/bpf.h) against breaking "
                        + "changes. Errors are RFC 7807 problem+json."));
    }

    /**
     * The checks' front end: {@code #include} looked up in {@code uapiguard.include-dirs} (comma-separated, default
     * none: every include a gap of the model, which then says it is incomplete).
     */
    @Bean
    HeaderParser headerParser(IncludeSource includeDirectories) {
        return new HeaderParser(includeDirectories);
    }

    /** {@code uapiguard.include-dirs}: where a checked header's includes are looked up after its own tree. */
    @Bean
    IncludeSource includeDirectories(@Value("${uapiguard.include-dirs:}") String includeDirs) {
        return IncludeDirectories.configured(includeDirs);
    }

    @Bean
    CompatEngine compatEngine() {
        return CompatEngine.standard();
    }

    /** The status a failed ingest run records, for the history's background runs (which know no HTTP). */
    @Bean
    ToIntFunction<UapiguardException.Reason> errorStatus() {
        return ProblemStatus::code;
    }

    @Bean
    StoredComparisons storedComparisons(HistoryQueries queries, CompatEngine engine, ModelCache models) {
        return new StoredComparisons(queries, engine, models);
    }

    @Bean
    ModelCache modelCache(HistoryQueries queries, LimitsProperties limits) {
        return new ModelCache(queries, limits.cachedModels());
    }

    @Bean
    HeaderPatcher headerPatcher() {
        return new HeaderPatcher();
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(LimitsProperties limits, JsonMapper json) {
        FilterRegistrationBean<BodyLimitFilter> registration =
                new FilterRegistrationBean<>(new BodyLimitFilter(limits.maxBody().toBytes(), new BodyLimitFilter.Pace(
                        limits.bodyReadGrace(), limits.bodyMinRate().toBytes(), limits.bodyReadTimeout()), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * Tomcat reads and throws away the unread rest of a request body after the answer, up to max-swallow-size
     * (2 MB), with no bound on its time: a client trickling a body that nobody reads held a container thread as
     * long as it liked. With 0 it reads once more at most, then closes the connection.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)   // after Spring Boot's own, which sets server.tomcat.max-swallow-size
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> unreadBodiesAreNotSwallowed() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setMaxSwallowSize(0);
            }
        });
    }

    @Bean
    FilterRegistrationBean<CheckAdmissionFilter> checkAdmissionFilter(LimitsProperties limits, JsonMapper json) {
        // One worker per core: a third one on two cores gave 3 % fewer checks/s and a 20 % higher p99.
        int workers = limits.concurrentChecks() > 0 ? limits.concurrentChecks()
                : Runtime.getRuntime().availableProcessors();
        FilterRegistrationBean<CheckAdmissionFilter> registration = new FilterRegistrationBean<>(
                new CheckAdmissionFilter(workers, limits.checkQueueTimeout(), json));
        // After the body limit, which bounds the body this filter reads before the check queues for a worker.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.addUrlPatterns("/api/v1/checks");
        return registration;
    }
}
