package io.uapiguard.api;

import static io.uapiguard.api.ServiceFixtures.C1;
import static io.uapiguard.api.ServiceFixtures.C2;
import static io.uapiguard.api.ServiceFixtures.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A check's id: identical requests share it; whatever decides the answer changes it. */
class CheckDigestTest {

    static final String BASE = "/* base */\nint a;\nint b;\nint c;\n";

    static String header(String text, String policy) {
        return CheckService.digest("linux", C2, PATH, policy, BASE, text);
    }

    @Test
    void identicalRequestsShareADigestAndAnythingThatDecidesTheAnswerChangesIt() {
        String digest = header("int x;\n", null);
        assertThat(digest).matches("[0-9a-f]{64}").isEqualTo(header("int x;\n", null));
        // Equal texts, not the same Strings: the change between them is found again, the same.
        assertThat(CheckService.digest("linux", C2, PATH, null, new String(BASE.toCharArray()),
                new String("int x;\n".toCharArray()))).isEqualTo(digest);
        List<String> others = List.of(
                CheckService.digest("bpf-next", C2, PATH, null, BASE, "int x;\n"),
                CheckService.digest("linux", C1, PATH, null, BASE, "int x;\n"),
                CheckService.digest("linux", C2, "tools/" + PATH, null, BASE, "int x;\n"),
                header("int y;\n", null),
                // Beyond ASCII, and lone surrogates, are told apart too.
                header("int \u00e9;\n", null),
                header("int \ud800;\n", null),
                header("int \udc00;\n", null),
                header("int x;\n", "version: 1\n"),
                header("int x;\n", ""),
                // The same text as a patch is another request.
                CheckService.digest("linux", C2, PATH, null, "int x;\n"));
        assertThat(others).doesNotContain(digest).doesNotHaveDuplicates();
    }

    @Test
    void aHeaderIsNamedByItsChangeFromTheBaseSoEveryDifferentHeaderHasItsOwnDigest() {
        // Headers that differ from the base in one place, in another, in two, or in where a line moved: each its own.
        List<String> headers = List.of(BASE, BASE + "int d;\n", "int d;\n" + BASE,
                BASE.replace("int b;", "int B;"), BASE.replace("int c;", "int b;"), BASE.replace("int b;\n", ""),
                BASE.replace("int a;", "int A;").replace("int c;", "int C;"), "", "int a;\nint b;\nint c;\n",
                BASE.replace("int b;\nint c;", "int c;\nint b;"), BASE.replace("\n", "\r\n"));
        List<String> digests = headers.stream().map(h -> header(h, null)).toList();
        assertThat(digests).doesNotHaveDuplicates();
        // A header posted against a base without that header is named by its whole text, as against any other base.
        assertThat(CheckService.digest("linux", C2, PATH, null, "", BASE)).isNotIn(digests)
                .isEqualTo(CheckService.digest("linux", C2, PATH, null, "", new String(BASE.toCharArray())));
    }
}
