package io.uapiguard.output;

/**
 * What a renderer needs besides the findings: labels of the two sides ("v1.0.0", "HEAD", a file name),
 * whether ANSI colour is wanted (text on a TTY only), and an optional link to the web report.
 */
public record RenderContext(String oldLabel, String newLabel, boolean colour, String reportUrl) {

    public static RenderContext plain(String oldLabel, String newLabel) {
        return new RenderContext(oldLabel, newLabel, false, null);
    }
}
