package io.uapiguard.admin;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the token guard in front of the admin API and binds its settings. */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The value of UAPIGUARD_ADMIN_TOKEN")
@EnableConfigurationProperties({AdminProperties.class, RemotesProperties.class})
public class AdminConfiguration {

    static final String ADMIN_PATHS = "/api/v1/admin/**";

    @Bean
    WebMvcConfigurer adminTokenGuard(AdminProperties properties) {
        AdminTokenInterceptor interceptor = new AdminTokenInterceptor(properties);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor).addPathPatterns(ADMIN_PATHS);
            }
        };
    }

    @Bean
    RemotePolicy remotePolicy(RemotesProperties properties) {
        return new RemotePolicy(properties);
    }
}
