package io.uapiguard.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/** The answers a comparison can take, chosen from the request's Accept header; JSON when the client takes anything. */
enum OutputFormat {
    JSON("json", MediaType.APPLICATION_JSON),
    SARIF("sarif", MediaType.parseMediaType("application/sarif+json")),
    TEXT("text", MediaType.TEXT_PLAIN),
    MARKDOWN("markdown", MediaType.TEXT_MARKDOWN),
    /** A patchwork check body: {@code state}, {@code description}, {@code context}, {@code target_url}. */
    PATCHWORK(null, MediaType.parseMediaType(OutputFormat.PATCHWORK_TYPE));

    static final String PATCHWORK_TYPE = "application/vnd.patchwork.check+json";
    static final String SARIF_TYPE = "application/sarif+json";

    /** The renderer's name, null for the formats this package writes itself. */
    final String renderer;
    final MediaType mediaType;

    OutputFormat(String renderer, MediaType mediaType) {
        this.renderer = renderer;
        this.mediaType = mediaType;
    }

    /** The media type of the response, with charset for text. */
    MediaType contentType() {
        return mediaType.getType().equals("text") ? new MediaType(mediaType, StandardCharsets.UTF_8) : mediaType;
    }

    /** The first of {@code offered} that the Accept header takes, by quality then order; 406 when none. */
    static OutputFormat negotiate(String accept, List<OutputFormat> offered) throws HttpMediaTypeNotAcceptableException {
        if (accept == null || accept.isBlank()) {
            return offered.get(0);
        }
        List<MediaType> accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType wanted : accepted) {
            if (wanted.getQualityValue() == 0) {
                continue;
            }
            for (OutputFormat format : offered) {
                if (wanted.includes(format.mediaType)) {
                    return format;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(offered.stream().map(f -> f.mediaType).toList());
    }

    static List<OutputFormat> all() {
        return Arrays.asList(values());
    }

    static List<OutputFormat> renderers() {
        return all().stream().filter(f -> f.renderer != null).toList();
    }
}
