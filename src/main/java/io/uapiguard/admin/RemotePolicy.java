package io.uapiguard.admin;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jgit.transport.URIish;

/**
 * Decides whether a location given over the network may be registered: https and ssh URLs (also scp-like
 * {@code git@host:path}) to an allowed host; local paths and bundles only when explicitly enabled; nothing else
 * (no http, git://, file://, ext::).
 */
final class RemotePolicy {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern SCP_LIKE = Pattern.compile("^[^/:\\s]+@[^/:\\s]+:.*");

    private final RemotesProperties properties;

    RemotePolicy(RemotesProperties properties) {
        this.properties = properties;
    }

    void check(String location) {
        if (location == null || location.isBlank()) {
            throw new UapiguardException(Reason.BAD_INPUT, "'location' is required: an https or ssh URL");
        }
        if (location.contains("::") || location.chars().anyMatch(Character::isISOControl)) {
            throw new UapiguardException(Reason.BAD_INPUT, "unsupported location '" + location + "'");
        }
        boolean hasScheme = SCHEME.matcher(location).find();
        if (!hasScheme && !SCP_LIKE.matcher(location).matches()) {
            if (!properties.allowLocalPaths()) {
                throw new UapiguardException(Reason.BAD_INPUT, "local paths may not be registered over the API "
                        + "(set uapiguard.remotes.allow-local-paths=true to allow them): '" + location + "'");
            }
            return;
        }
        URIish uri;
        try {
            uri = new URIish(location);
        } catch (URISyntaxException e) {
            throw new UapiguardException(Reason.BAD_INPUT, "malformed URL '" + location + "': " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "ssh" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("ssh")) {
            throw new UapiguardException(Reason.BAD_INPUT,
                    "only https and ssh URLs may be registered, not " + scheme + ": '" + location + "'");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean allowed = properties.allowedHosts().stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).equals(host));
        if (!allowed) {
            throw new UapiguardException(Reason.BAD_INPUT, "host '" + host + "' is not in uapiguard.remotes.allowed-hosts "
                    + properties.allowedHosts());
        }
    }
}
