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
}
