package io.uapiguard.web;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the security headers on every answer, Tomcat's own included; lets encoded slashes through to the report's
 * routing.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    /**
     * A tag's '/' may also come encoded ({@code /report/linux/tags/release%2Fv9}, as a client that encodes the
     * name as one segment writes it): Tomcat refuses %2F with a 400 unless told to pass it on, still encoded, to
     * the routing, which decodes it within the tag.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachTheRouting() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    /**
     * Tomcat answers a request it could not read (headers over its limit) from the host's error report valve, before
     * any filter: ours answers problem+json with the security headers. It replaces the valve Spring Boot adds (whose
     * customizer runs before this one) and is the one the host would otherwise add when it starts.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> unreadRequestsGetAProblem() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                host.getPipeline().addValve(new ProblemErrorReportValve());
            }
        });
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        FilterRegistrationBean<SecurityHeadersFilter> registration =
                new FilterRegistrationBean<>(new SecurityHeadersFilter());
        // First, so that the answers of the filters behind it (413, 408, 503) have the headers too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }
}
