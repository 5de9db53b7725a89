package io.uapiguard.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the report's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportProperties.class)
public class WebConfiguration {
}
