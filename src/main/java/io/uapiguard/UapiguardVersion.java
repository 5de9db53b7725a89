package io.uapiguard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this build, as Maven wrote it into {@code io/uapiguard/version.properties} (resource filtering of
 * {@code @project.version@}): the one source for {@code uapiguard --version} and SARIF's {@code driver.version}.
 */
public final class UapiguardVersion {

    /** What an unfiltered build reports: still a semantic version. */
    static final String DEVELOPMENT = "0.0.0-dev";
    private static final String VERSION = read();

    private UapiguardVersion() {
    }

    /** E.g. {@code 0.1.0-SNAPSHOT}; a semantic version, as SARIF's {@code semanticVersion} wants. */
    public static String get() {
        return VERSION;
    }

    /** An unfiltered copy (a run from an IDE's own build) reports a development version rather than failing. */
    private static String read() {
        try (InputStream in = UapiguardVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "");
            return v.isBlank() || v.startsWith("@") ? DEVELOPMENT : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
