package io.uapiguard.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.UapiguardException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemotePolicyTest {

    final RemotePolicy strict = new RemotePolicy(new RemotesProperties(List.of("git.kernel.org", "GitHub.com"), false));
    final RemotePolicy local = new RemotePolicy(new RemotesProperties(List.of(), true));

    @Test
    void httpsAndSshToAllowedHostsPass() {
        for (String ok : List.of("https://git.kernel.org/pub/scm/linux/kernel/git/bpf/bpf-next.git",
                "ssh://git@github.com/torvalds/linux.git", "git@github.com:torvalds/linux.git",
                "https://GITHUB.COM/torvalds/linux")) {
            assertThatCode(() -> strict.check(ok)).as(ok).doesNotThrowAnyException();
        }
    }

    @Test
    void otherSchemesHostsAndLocalPathsAreRefused() {
        assertThatThrownBy(() -> strict.check("http://github.com/x.git"))
                .isInstanceOf(UapiguardException.class).hasMessageContaining("only https and ssh URLs");
        assertThatThrownBy(() -> strict.check("https://github.com.evil.example/x.git"))
                .hasMessageContaining("host 'github.com.evil.example:443' is not in uapiguard.remotes.allowed-hosts");
        assertThatThrownBy(() -> strict.check("/home/me/linux"))
                .hasMessageContaining("local paths may not be registered");
        assertThatThrownBy(() -> strict.check("file:///home/me/linux")).hasMessageContaining("only https and ssh");
        assertThatThrownBy(() -> strict.check("ext::sh -c id")).hasMessageContaining("unsupported location");
        assertThatThrownBy(() -> strict.check(" ")).hasMessageContaining("'location' is required");
    }

    @Test
    void credentialsInAUrlAreRefusedAndNeverRepeated() {
        for (String withCredentials : List.of("https://user:secretpw@github.com/x/y.git",
                "https://secretpw@github.com/x/y.git", "ssh://git:secretpw@github.com/x/y.git",
                "git:secretpw@github.com:x/y.git")) {
            assertThatThrownBy(() -> strict.check(withCredentials)).as(withCredentials)
                    .hasMessageContaining("may not carry credentials").message().doesNotContain("secretpw");
        }
        // An ssh user name is no secret: which account to log in as.
        assertThat(strict.check("ssh://git@github.com/x/y.git")).isEqualTo("ssh://git@github.com/x/y.git");
    }

    @Test
    void theHostListHonoursPorts() {
        for (String otherPort : List.of("https://github.com:8443/x/y.git", "ssh://git@github.com:2222/x/y.git",
                "https://github.com:22/x/y.git")) {
            assertThatThrownBy(() -> strict.check(otherPort)).as(otherPort)
                    .hasMessageContaining("is not in uapiguard.remotes.allowed-hosts");
        }
        assertThat(strict.check("https://github.com:443/x/y.git")).isEqualTo("https://github.com:443/x/y.git");
        var withPort = new RemotePolicy(new RemotesProperties(List.of("git.example.org:8443"), false));
        assertThat(withPort.check("https://git.example.org:8443/x.git")).isEqualTo("https://git.example.org:8443/x.git");
        assertThatThrownBy(() -> withPort.check("https://git.example.org/x.git"))
                .hasMessageContaining("host 'git.example.org:443' is not in");
    }

    @Test
    void theSchemeAndHostAreReadWithoutRegardToCaseAndRegisteredInLowerCase() {
        // JGit reads only a lower-case scheme: "HTTPS://" was a local path to it, with the host ''.
        assertThat(strict.check("HTTPS://GitHub.com/torvalds/linux.git")).isEqualTo("https://github.com/torvalds/linux.git");
        assertThat(strict.check("git@GITHUB.com:torvalds/linux.git")).isEqualTo("git@github.com:torvalds/linux.git");
    }

    @Test
    void aUrlThatReadsAsAnotherHostIsRefused() {
        assertThatThrownBy(() -> strict.check("https://evil.example#@github.com/x.git"))
                .hasMessageContaining("no query or fragment");
        assertThatThrownBy(() -> strict.check("https://github.com#@evil.example/x.git"))
                .hasMessageContaining("no query or fragment");
        assertThatThrownBy(() -> strict.check("https://evil.example\\@github.com/x.git"))
                .hasMessageContaining("unsupported location");
        assertThatThrownBy(() -> strict.check("https://github.com?@evil.example/x.git"))
                .hasMessageContaining("no query or fragment");
        assertThatThrownBy(() -> strict.check("https://evil.example%40github.com/x.git"))
                .isInstanceOf(UapiguardException.class);
        assertThatThrownBy(() -> strict.check("https:///x.git")).hasMessageContaining("no host");
    }

    @Test
    void aHugeLocationIsQuotedOnlyByItsStart() {
        String huge = "/" + "a".repeat(5_000_000);
        assertThatThrownBy(() -> strict.check(huge)).message().hasSizeLessThan(400).contains("(5000001 characters)");
    }

    @Test
    void localPathsPassOnlyWhenEnabled() {
        assertThatCode(() -> local.check("/srv/git/linux.bundle")).doesNotThrowAnyException();
        assertThatThrownBy(() -> local.check("https://github.com/x.git")).hasMessageContaining("not in");
    }
}
