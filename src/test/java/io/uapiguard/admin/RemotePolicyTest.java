package io.uapiguard.admin;

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
                .hasMessageContaining("host 'github.com.evil.example' is not in uapiguard.remotes.allowed-hosts");
        assertThatThrownBy(() -> strict.check("/home/me/linux"))
                .hasMessageContaining("local paths may not be registered");
        assertThatThrownBy(() -> strict.check("file:///home/me/linux")).hasMessageContaining("only https and ssh");
        assertThatThrownBy(() -> strict.check("ext::sh -c id")).hasMessageContaining("unsupported location");
        assertThatThrownBy(() -> strict.check(" ")).hasMessageContaining("'location' is required");
    }

    @Test
    void localPathsPassOnlyWhenEnabled() {
        assertThatCode(() -> local.check("/srv/git/linux.bundle")).doesNotThrowAnyException();
        assertThatThrownBy(() -> local.check("https://github.com/x.git")).hasMessageContaining("not in");
    }
}
