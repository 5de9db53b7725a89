package io.uapiguard.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.patch.HeaderPatcher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** The stateless collaborators of the check endpoint and the request body limit. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitsProperties.class)
public class ApiConfiguration {

    @Bean
    OpenAPI uapiguardOpenApi() {
        return new OpenAPI().info(new Info().title("uapiguard").version("v1")
                .description("Guards the Linux BPF user-space API (include/uapi/linux/bpf.h) against breaking "
                        + "changes. Errors are RFC 7807 problem+json."));
    }

    @Bean
    HeaderParser headerParser() {
        return new HeaderParser();
    }

    @Bean
    CompatEngine compatEngine() {
        return CompatEngine.standard();
    }

    @Bean
    HeaderPatcher headerPatcher() {
        return new HeaderPatcher();
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(LimitsProperties limits, JsonMapper json) {
        FilterRegistrationBean<BodyLimitFilter> registration =
                new FilterRegistrationBean<>(new BodyLimitFilter(limits.maxBody().toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<CheckAdmissionFilter> checkAdmissionFilter(LimitsProperties limits, JsonMapper json) {
        // One more than the cores: a check also waits on the database and the network now and then.
        int slots = limits.concurrentChecks() > 0 ? limits.concurrentChecks()
                : Runtime.getRuntime().availableProcessors() + 1;
        FilterRegistrationBean<CheckAdmissionFilter> registration = new FilterRegistrationBean<>(
                new CheckAdmissionFilter(slots, limits.checkQueueTimeout(), json));
        // After the body limit, which bounds the body this filter reads before it waits for a slot.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.addUrlPatterns("/api/v1/checks");
        return registration;
    }
}
