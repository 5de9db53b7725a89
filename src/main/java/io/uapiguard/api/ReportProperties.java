package io.uapiguard.api;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code uapiguard.report.base-url}: the public address of this service (e.g. {@code https://uapi.example.org}), for
 * links that leave it, such as a patchwork check's {@code target_url}. Unset: the address the request came to.
 */
@ConfigurationProperties("uapiguard.report")
public record ReportProperties(URI baseUrl) {
}
