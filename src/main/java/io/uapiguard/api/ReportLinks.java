package io.uapiguard.api;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

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
        return base().path(tagPath(repository, tag)).build().toUriString();
    }

    /**
     * The tag page's path below the context: a tag's '/' stay separators ({@code release/v9} is two segments,
     * as the route reads it), everything else but unreserved characters is percent-encoded, ';' included, which
     * a server would otherwise read as the start of path parameters.
     */
    public String tagPath(String repository, String tag) {
        StringBuilder path = new StringBuilder("/report/").append(UriUtils.encode(repository, StandardCharsets.UTF_8))
                .append("/tags");
        for (String segment : tag.split("/", -1)) {
            path.append('/').append(UriUtils.encode(segment, StandardCharsets.UTF_8));
        }
        return path.toString();
    }

    /** A stored check's page. */
    public String check(String digest) {
        return base().path(checkPath(digest)).build().toUriString();
    }

    public static String checkPath(String digest) {
        return "/report/checks/" + digest;
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
