package io.uapiguard.output;

/**
 * What a renderer needs besides the findings: labels of the two sides ("v1.0.0", "HEAD", a file name),
 * whether ANSI colour is wanted (text on a TTY only), an optional link to the web report, and an optional link to
 * this check's own page (a stored REST check).
 */
public record RenderContext(String oldLabel, String newLabel, boolean colour, String reportUrl, String checkUrl) {

    public RenderContext(String oldLabel, String newLabel, boolean colour, String reportUrl) {
        this(oldLabel, newLabel, colour, reportUrl, null);
    }

    public RenderContext withoutCheckUrl() {
        return new RenderContext(oldLabel, newLabel, colour, reportUrl, null);
    }

    public static RenderContext plain(String oldLabel, String newLabel) {
        return new RenderContext(oldLabel, newLabel, false, null);
    }
}
