package io.uapiguard.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.UapiguardException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderPatcherTest {

    static final String PATH = "include/uapi/linux/bpf.h";
    static final String BASE = """
            enum bpf_func_id {
            	BPF_FUNC_unspec,
            	BPF_FUNC_map_lookup_elem,
            	BPF_FUNC_map_update_elem,
            };
            /* end */
            """;

    final HeaderPatcher patcher = new HeaderPatcher();

    @Test
    void appliesAGitDiff() {
        String patch = """
                diff --git a/include/uapi/linux/bpf.h b/include/uapi/linux/bpf.h
                index 1111111..2222222 100644
                --- a/include/uapi/linux/bpf.h
                +++ b/include/uapi/linux/bpf.h
                @@ -3,3 +3,4 @@ enum bpf_func_id {
                 	BPF_FUNC_map_lookup_elem,
                 	BPF_FUNC_map_update_elem,
                +	BPF_FUNC_map_delete_elem,
                 };
                """;
        assertThat(patcher.apply(PATH, BASE, patch)).isEqualTo(BASE.replace("update_elem,\n",
                "update_elem,\n\tBPF_FUNC_map_delete_elem,\n"));
    }

    @Test
    void appliesAHunkWhoseLinesMovedByAnOffset() {
        String patch = """
                --- a/include/uapi/linux/bpf.h
                +++ b/include/uapi/linux/bpf.h
                @@ -40,1 +40,1 @@
                -/* end */
                +/* the end */
                """;
        assertThat(patcher.apply(PATH, BASE, patch)).endsWith("};\n/* the end */\n");
    }

    @Test
    void appliesAFormatPatchSeriesInOrder() {
        String series = """
                From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001
                From: A Developer <dev@example.org>
                Date: Tue, 24 Nov 2026 10:00:00 +0000
                Subject: [PATCH 1/2] bpf: add map_delete_elem

                ---
                 include/uapi/linux/bpf.h | 1 +
                 1 file changed, 1 insertion(+)

                diff --git a/include/uapi/linux/bpf.h b/include/uapi/linux/bpf.h
                --- a/include/uapi/linux/bpf.h
                +++ b/include/uapi/linux/bpf.h
                @@ -4,2 +4,3 @@
                 	BPF_FUNC_map_update_elem,
                +	BPF_FUNC_map_delete_elem,
                 };
                --\s
                2.47.0

                From 89abcdef0123456789abcdef0123456789abcdef Mon Sep 17 00:00:00 2001
                From: A Developer <dev@example.org>
                Date: Tue, 24 Nov 2026 10:01:00 +0000
                Subject: [PATCH 2/2] bpf: add tail_call

                diff --git a/include/uapi/linux/bpf.h b/include/uapi/linux/bpf.h
                --- a/include/uapi/linux/bpf.h
                +++ b/include/uapi/linux/bpf.h
                @@ -5,2 +5,3 @@
                 	BPF_FUNC_map_delete_elem,
                +	BPF_FUNC_tail_call,
                 };
                --\s
                2.47.0
                """;
        assertThat(patcher.apply(PATH, BASE, series)).contains(
                "\tBPF_FUNC_map_update_elem,\n\tBPF_FUNC_map_delete_elem,\n\tBPF_FUNC_tail_call,\n};\n");
        assertThat(HeaderPatcher.splitMessages(series)).hasSize(2);
    }

    @Test
    void theChangedPathsOfASeriesAreEveryFileItsMessagesTouchWithoutPrefixes() {
        String series = """
                From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001
                Subject: [PATCH 1/2] docs

                diff --git a/README b/README
                --- a/README
                +++ b/README
                @@ -1 +1 @@
                -a
                +b

                From 89abcdef0123456789abcdef0123456789abcdef Mon Sep 17 00:00:00 2001
                Subject: [PATCH 2/2] tools: sync

                diff --git a/tools/include/uapi/linux/bpf.h b/tools/include/uapi/linux/bpf.h
                --- a/tools/include/uapi/linux/bpf.h
                +++ b/tools/include/uapi/linux/bpf.h
                @@ -1 +1 @@
                -a
                +b
                diff --git a/docs/new.txt b/docs/new.txt
                new file mode 100644
                --- /dev/null
                +++ b/docs/new.txt
                @@ -0,0 +1 @@
                +new
                """;
        assertThat(patcher.paths(series)).containsExactly("README", "tools/include/uapi/linux/bpf.h", "docs/new.txt");
        assertThatThrownBy(() -> patcher.paths("just words\n")).isInstanceOf(UapiguardException.class)
                .hasMessageContaining("no file changes found");
    }

    @Test
    void aPatchOfOtherFilesLeavesTheHeaderAlone() {
        String patch = """
                diff --git a/kernel/bpf/syscall.c b/kernel/bpf/syscall.c
                --- a/kernel/bpf/syscall.c
                +++ b/kernel/bpf/syscall.c
                @@ -1 +1 @@
                -a
                +b
                """;
        assertThat(patcher.apply(PATH, BASE, patch)).isEqualTo(BASE);
    }

    @Test
    void aHunkThatDoesNotApplyNamesFileHunkAndLine() {
        String patch = """
                --- a/include/uapi/linux/bpf.h
                +++ b/include/uapi/linux/bpf.h
                @@ -2,2 +2,2 @@ enum bpf_func_id {
                 	BPF_FUNC_unspec,
                -	BPF_FUNC_map_lookup,
                +	BPF_FUNC_map_lookup_elem2,
                """;
        assertThatThrownBy(() -> patcher.apply(PATH, BASE, patch))
                .isInstanceOfSatisfying(HunkFailedException.class, e -> {
                    assertThat(e.hunk()).isEqualTo("@@ -2,2 +2,2 @@");
                    assertThat(e.file()).isEqualTo(PATH);
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.reason()).isEqualTo(UapiguardException.Reason.PARSE_ERROR);
                    assertThat(e.getMessage()).isEqualTo("hunk @@ -2,2 +2,2 @@ of " + PATH
                            + " does not apply at line 3: expected 'BPF_FUNC_map_lookup,' but the header has"
                            + " 'BPF_FUNC_map_lookup_elem,'");
                });
    }

    /** Identical lines everywhere defeat early mismatch: the hunks' placement cost is bounded, not a hang. */
    @Test
    void aPatchThatCostsTooMuchToPlaceIsRefused() {
        String base = "x\n".repeat(9_000) + "end\n";
        StringBuilder patch = new StringBuilder("--- a/" + PATH + "\n+++ b/" + PATH + "\n");
        // Each hunk claims line 1 but only matches near the end, after ~7,000 positions of 2,000-line tries.
        String context = " x\n".repeat(1_999);
        for (int i = 0; i < 5; i++) {
            patch.append("@@ -1,2000 +1,2000 @@\n").append(context).append("-end\n+end\n");
        }
        long started = System.nanoTime();
        assertThatThrownBy(() -> patcher.apply(PATH, base, patch.toString()))
                .isInstanceOfSatisfying(UapiguardException.class,
                        e -> assertThat(e.reason()).isEqualTo(UapiguardException.Reason.LIMIT_EXCEEDED))
                .hasMessageContaining("line comparisons");
        assertThat(System.nanoTime() - started).as("refused well before a request timeout").isLessThan(10_000_000_000L);
    }

    @Test
    void textWithoutAnyDiffIsAClearError() {
        assertThatThrownBy(() -> patcher.apply(PATH, BASE, "just some words\n"))
                .isInstanceOf(UapiguardException.class)
                .hasMessageStartingWith("no file changes found in the patch");
    }

    @Test
    void deletingTheHeaderIsRefused() {
        String patch = """
                diff --git a/include/uapi/linux/bpf.h b/include/uapi/linux/bpf.h
                deleted file mode 100644
                --- a/include/uapi/linux/bpf.h
                +++ /dev/null
                @@ -1,6 +0,0 @@
                -enum bpf_func_id {
                -	BPF_FUNC_unspec,
                -	BPF_FUNC_map_lookup_elem,
                -	BPF_FUNC_map_update_elem,
                -};
                -/* end */
                """;
        assertThatThrownBy(() -> patcher.apply(PATH, BASE, patch)).hasMessage("the patch deletes " + PATH);
    }
    /** A hunk header's numbers come from the sender: none may overflow the placement arithmetic. */
    @ParameterizedTest
    @ValueSource(strings = {"@@ -2147483647,1 +1,1 @@", "@@ -2147483647,2147483647 +1,1 @@",
            "@@ -1,2147483647 +1,1 @@", "@@ -2147483646,0 +1,1 @@", "@@ -99999999999,1 +1,1 @@"})
    void anyHunkHeaderGivesAClearParseErrorNeverAnOverflow(String hunkHeader) {
        String patch = "--- a/" + PATH + "\n+++ b/" + PATH + "\n" + hunkHeader + "\n-/* end */\n+/* the end */\n";
        assertThatThrownBy(() -> patcher.apply(PATH, BASE, patch))
                .isInstanceOfSatisfying(UapiguardException.class,
                        e -> assertThat(e.reason()).isEqualTo(UapiguardException.Reason.PARSE_ERROR));
    }

    /** Git says so for a binary change; no hunk would apply, and "compatible" would be a lie. */
    @Test
    void aBinaryChangeOfTheHeaderIsRefusedAsNotApplicableAsText() {
        String patch = """
                diff --git a/include/uapi/linux/bpf.h b/include/uapi/linux/bpf.h
                index 1111111..2222222 100644
                Binary files a/include/uapi/linux/bpf.h and b/include/uapi/linux/bpf.h differ
                """;
        assertThatThrownBy(() -> patcher.apply(PATH, BASE, patch))
                .isInstanceOfSatisfying(UapiguardException.class,
                        e -> assertThat(e.reason()).isEqualTo(UapiguardException.Reason.PARSE_ERROR))
                .hasMessage("the patch changes " + PATH + " as a binary file, which cannot be applied as text");
    }

    @Test
    void aGitBinaryPatchOfTheHeaderIsRefusedAsNotApplicableAsText() {
        String patch = """
                diff --git a/include/uapi/linux/bpf.h b/include/uapi/linux/bpf.h
                index 1111111..2222222 100644
                GIT binary patch
                literal 5
                McmZ?wbYx^;00Ag~0RR91

                literal 5
                McmZ?wbYx^;00Ag~0RR91

                """;
        assertThatThrownBy(() -> patcher.apply(PATH, BASE, patch))
                .isInstanceOf(UapiguardException.class)
                .hasMessage("the patch changes " + PATH + " as a binary file, which cannot be applied as text");
    }

    @Test
    void aBinaryChangeOfAnotherFileLeavesTheHeaderAlone() {
        String patch = """
                diff --git a/logo.png b/logo.png
                index 1111111..2222222 100644
                Binary files a/logo.png and b/logo.png differ
                """;
        assertThat(patcher.apply(PATH, BASE, patch)).isEqualTo(BASE);
    }
}
