package io.uapiguard.output;

import io.uapiguard.compat.Comparison;

/** Writes one comparison in one format. Implementations are stateless and thread-safe. */
public interface Renderer {

    /** The format's name on the command line: text, json, sarif, markdown, junit. */
    String format();

    /** The HTTP media type of the output. */
    String mediaType();

    /** Renders {@code comparison}; {@code context} names what was compared, for titles and links. */
    String render(Comparison comparison, RenderContext context);
}
