package io.uapiguard.admin;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the admin API may register: {@code uapiguard.remotes.allowed-hosts}, the hosts remote URLs may name (https or
 * ssh only); {@code uapiguard.remotes.allow-local-paths} (default false), whether a path on this machine may be given.
 */
@ConfigurationProperties("uapiguard.remotes")
public record RemotesProperties(List<String> allowedHosts, @DefaultValue("false") boolean allowLocalPaths) {

    public RemotesProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }
}
