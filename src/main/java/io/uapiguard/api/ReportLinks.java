package io.uapiguard.api;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** Absolute links to the report's pages, from {@code uapiguard.report.base-url} or the current request. */
@Component
public class ReportLinks {

    private final ReportProperties properties;

    ReportLinks(ReportProperties properties) {
        this.properties = properties;
    }

    public String repository(String repository) {
        return base().pathSegment("report", repository).build().encode().toUriString();
    }

    public String tag(String repository, String tag) {
        return base().pathSegment("report", repository, "tags", tag).build().encode().toUriString();
    }

    public String helper(String repository, String helper) {
        return base().pathSegment("report", repository, "helpers", helper).build().encode().toUriString();
    }

    private UriComponentsBuilder base() {
        if (properties.baseUrl() != null) {
            String url = properties.baseUrl().toString();
            return UriComponentsBuilder.fromUriString(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath();
    }
}
