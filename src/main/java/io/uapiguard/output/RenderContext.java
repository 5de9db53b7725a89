package io.uapiguard.output;

/**
 * What a renderer needs besides the findings: labels of the two sides ("v1.0.0", "HEAD", a file name),
 * whether ANSI colour is wanted (text on a TTY only), an optional link to the web report, where known what was
 * compared ({@link Source}: SARIF's {@code automationDetails} and {@code versionControlProvenance}), and an optional
 * link to this check's own page (a stored REST check).
 */
public record RenderContext(String oldLabel, String newLabel, boolean colour, String reportUrl, Source source,
                            String checkUrl) {
    public RenderContext(String oldLabel, String newLabel, boolean colour, String reportUrl) {
        this(oldLabel, newLabel, colour, reportUrl, null, null);
    }

    /** This context with a link to the check's own page. */
    public RenderContext withCheckUrl(String url) {
        return new RenderContext(oldLabel, newLabel, colour, reportUrl, source, url);
    }

    public RenderContext withoutCheckUrl() {
        return withCheckUrl(null);
    }
    public static RenderContext plain(String oldLabel, String newLabel) {
        return new RenderContext(oldLabel, newLabel, false, null);
    }

    /** This context with {@code source}. */
    public RenderContext with(Source source) {
        return new RenderContext(oldLabel, newLabel, colour, reportUrl, source, checkUrl);
    }

    /**
     * What was compared: the repository's name (null for two loose files), the header's path in it, the
     * repository's URI (null when it is not to be shown, e.g. a path on the server), the base (old side's)
     * commit id (null when the old side is not a commit), and the old side's file when it is a loose file (null
     * when it is {@code path} at the base).
     */
    public record Source(String repository, String path, String repositoryUri, String baseRevision, String oldPath) {

        /** Two revisions of {@code path} in a repository. */
        public Source(String repository, String path, String repositoryUri, String baseRevision) {
            this(repository, path, repositoryUri, baseRevision, null);
        }
    }
}
