package io.uapiguard.admin;

import static io.uapiguard.UapiguardException.quote;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jgit.transport.URIish;

/**
 * Decides whether a location given over the network may be registered: https and ssh URLs (also scp-like
 * {@code git@host:path}) to an allowed host and port; local paths and bundles only when explicitly enabled; nothing
 * else (no http, git://, file://, ext::). A URL carries no credentials: they would be shown to anyone who lists the
 * repositories (credentials for a remote belong in the git or ssh configuration of the service's user).
 *
 * <p>A URL is read twice, by {@link URI} (RFC 3986, strict) and by JGit's {@link URIish} (what the ingest will
 * fetch from), and is refused unless both see the same scheme, host and port: a string that the two read
 * differently ({@code https://github.com#@evil/x}) could pass the check for one host and be fetched from another.
 */
final class RemotePolicy {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern SCP_LIKE = Pattern.compile("^[^/:\\s]+@[^/:\\s]+:.*");
    private static final Pattern SCP_WITH_PASSWORD = Pattern.compile("^[^/:@]+:[^/@]*@.*");
    /** A DNS name: what an allowed host is compared with. */
    private static final Pattern HOST = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final Pattern SSH_USER = Pattern.compile("[A-Za-z0-9._-]+");

    private final RemotesProperties properties;

    RemotePolicy(RemotesProperties properties) {
        this.properties = properties;
    }

    /**
     * The location as it is to be registered (a URL's scheme and host in lower case, as JGit reads them), or
     * BAD_INPUT saying why it may not be.
     */
    String check(String location) {
        if (location == null || location.isBlank()) {
            throw new UapiguardException(Reason.BAD_INPUT, "'location' is required: an https or ssh URL");
        }
        if (location.contains("::") || location.chars().anyMatch(c -> Character.isISOControl(c)
                || Character.isWhitespace(c) || c == '\\')) {
            throw new UapiguardException(Reason.BAD_INPUT, "unsupported location " + quote(location));
        }
        boolean hasScheme = SCHEME.matcher(location).find();
        if (!hasScheme && SCP_WITH_PASSWORD.matcher(location).matches()) {
            throw credentials(location);
        }
        if (!hasScheme && !SCP_LIKE.matcher(location).matches()) {
            if (!properties.allowLocalPaths()) {
                throw new UapiguardException(Reason.BAD_INPUT, "local paths may not be registered over the API "
                        + "(set uapiguard.remotes.allow-local-paths=true to allow them): " + quote(location));
            }
            return location;
        }
        return hasScheme ? url(location) : scpLike(location);
    }

    private String url(String location) {
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            throw malformed(location, e.getReason());
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("ssh")) {
            throw new UapiguardException(Reason.BAD_INPUT,
                    "only https and ssh URLs may be registered, not " + quote(scheme) + ": " + quote(location));
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null) {
            throw malformed(location, "no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new UapiguardException(Reason.BAD_INPUT, "a repository URL has no query or fragment ('?', '#'): "
                    + quote(location));
        }
        String user = uri.getRawUserInfo();
        if (user != null && (scheme.equals("https") || !SSH_USER.matcher(user).matches())) {
            throw credentials(location);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() < 0 ? defaultPort(scheme) : uri.getPort();
        checkHost(host, port, scheme);
        // What JGit will fetch: lower-case scheme (JGit reads only that) and host, the rest as given.
        String normalised = scheme + "://" + (user == null ? "" : user + "@") + host
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getRawPath();
        URIish jgit = jgit(normalised);
        if (!scheme.equals(jgit.getScheme()) || !host.equals(jgit.getHost())
                || port != (jgit.getPort() < 0 ? defaultPort(scheme) : jgit.getPort())) {
            throw malformed(location, "it reads differently to git");
        }
        return normalised;
    }

    private String scpLike(String location) {
        URIish uri = jgit(location);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (uri.getPass() != null || (uri.getUser() != null && !SSH_USER.matcher(uri.getUser()).matches())) {
            throw credentials(location);
        }
        checkHost(host, defaultPort("ssh"), "ssh");
        return uri.getUser() + "@" + host + ":" + uri.getPath();
    }

    private static URIish jgit(String location) {
        try {
            return new URIish(location);
        } catch (URISyntaxException e) {
            throw malformed(location, e.getReason());
        }
    }

    /** The host must be a DNS name on the list; its port the scheme's own, unless the list names it. */
    private void checkHost(String host, int port, String scheme) {
        if (!HOST.matcher(host).matches()) {
            throw new UapiguardException(Reason.BAD_INPUT, "host " + quote(host) + " is not a DNS name");
        }
        String withPort = host + ":" + port;
        boolean allowed = properties.allowedHosts().stream().map(h -> h.toLowerCase(Locale.ROOT))
                .anyMatch(h -> h.equals(withPort) || (h.equals(host) && port == defaultPort(scheme)));
        if (!allowed) {
            throw new UapiguardException(Reason.BAD_INPUT, "host " + quote(withPort)
                    + " is not in uapiguard.remotes.allowed-hosts " + properties.allowedHosts()
                    + " (a host alone allows its scheme's own port, 443 for https and 22 for ssh)");
        }
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("ssh") ? 22 : 443;
    }

    private static UapiguardException malformed(String location, String why) {
        return new UapiguardException(Reason.BAD_INPUT, "malformed URL " + quote(location) + ": " + why);
    }

    private static UapiguardException credentials(String location) {
        return new UapiguardException(Reason.BAD_INPUT, "a repository URL may not carry credentials (anyone who "
                + "lists the repositories would see them): give an https URL without user or password, or an ssh "
                + "URL with a user name only, and the credentials in the service's git or ssh configuration");
    }
}
