package io.uapiguard.api;

import static io.uapiguard.api.ServiceFixtures.C1;
import static io.uapiguard.api.ServiceFixtures.C2;
import static io.uapiguard.api.ServiceFixtures.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A check's id: identical requests share it; whatever decides the answer changes it. */
class CheckDigestTest {

    static CheckRequest header(String text, String policy) {
        return new CheckRequest("linux", "v2", new HeaderText(text.toCharArray()), null, null, policy);
    }

    @Test
    void identicalRequestsShareADigestAndAnythingThatDecidesTheAnswerChangesIt() {
        String digest = CheckService.digest("linux", C2, PATH, header("int x;\n", null));
        assertThat(digest).matches("[0-9a-f]{64}")
                .isEqualTo(CheckService.digest("linux", C2, PATH, header("int x;\n", null)));
        // The base is the resolved commit: "v2" or the commit id itself name the same check.
        assertThat(CheckService.digest("linux", C2, PATH,
                new CheckRequest("linux", C2, new HeaderText("int x;\n".toCharArray()), null, null, null)))
                .isEqualTo(digest);
        List<String> others = List.of(
                CheckService.digest("bpf-next", C2, PATH, header("int x;\n", null)),
                CheckService.digest("linux", C1, PATH, header("int x;\n", null)),
                CheckService.digest("linux", C2, "tools/" + PATH, header("int x;\n", null)),
                CheckService.digest("linux", C2, PATH, header("int y;\n", null)),
                // Beyond ASCII, and lone surrogates, are told apart too.
                CheckService.digest("linux", C2, PATH, header("int \u00e9;\n", null)),
                CheckService.digest("linux", C2, PATH, header("int \ud800;\n", null)),
                CheckService.digest("linux", C2, PATH, header("int \udc00;\n", null)),
                CheckService.digest("linux", C2, PATH, header("int x;\n", "version: 1\n")),
                CheckService.digest("linux", C2, PATH, header("int x;\n", "")),
                // The same text as a patch is another request.
                CheckService.digest("linux", C2, PATH, new CheckRequest("linux", "v2", null, "int x;\n", null, null)));
        assertThat(others).doesNotContain(digest).doesNotHaveDuplicates();
    }
}
