package io.uapiguard.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHeadersTest {

    static final String HEADER = "include/uapi/linux/bpf.h";

    @TempDir
    Path dir;

    Git git;
    RevCommit first;
    RevCommit second;
    RevCommit unrelated;

    @BeforeEach
    void history() throws Exception {
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        first = commit(HEADER, "#define A 1\n", "add header");
        second = commit(HEADER, "#define A 1\n#define B 2\n", "add B");
        unrelated = commit("README", "docs\n", "docs only");
    }

    RevCommit commit(String path, String text, String message) throws Exception {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        git.add().addFilepattern(path).call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                .setSign(false).call();
    }

    @Test
    void readsAPathAtARevision() {
        try (GitHeaders headers = GitHeaders.open(dir)) {
            assertThat(headers.read("HEAD~2", HEADER)).isEqualTo("#define A 1\n");
            assertThat(headers.read("main", HEADER)).isEqualTo("#define A 1\n#define B 2\n");
            assertThat(headers.read(first.name(), HEADER)).isEqualTo("#define A 1\n");
        }
    }

    @Test
    void opensTheRepositoryAroundASubdirectory() {
        try (GitHeaders headers = GitHeaders.open(dir.resolve("include/uapi"))) {
            assertThat(headers.workTree()).isEqualTo(dir);
        }
    }

    @Test
    void readsTheWorkingTreeIncludingUncommittedEdits() throws IOException {
        Files.writeString(dir.resolve(HEADER), "#define A 7\n");
        try (GitHeaders headers = GitHeaders.open(dir)) {
            assertThat(headers.readWorkingTree(HEADER)).isEqualTo("#define A 7\n");
        }
    }

    @Test
    void aDirectoryOutsideAnyRepositoryIsBadInput(@TempDir Path elsewhere) {
        assertThatThrownBy(() -> GitHeaders.open(elsewhere))
                .isInstanceOfSatisfying(UapiguardException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_INPUT);
                    assertThat(e.getMessage()).startsWith("not a git repository").contains(elsewhere.toString());
                });
    }

    @Test
    void anUnknownRevisionIsNotFound() {
        try (GitHeaders headers = GitHeaders.open(dir)) {
            assertThatThrownBy(() -> headers.read("v9.9", HEADER))
                    .isInstanceOfSatisfying(UapiguardException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
                        assertThat(e.getMessage()).isEqualTo("unknown revision 'v9.9' in " + dir);
                    });
        }
    }

    @Test
    void aPathMissingFromTheRevisionIsNotFound() {
        try (GitHeaders headers = GitHeaders.open(dir)) {
            assertThatThrownBy(() -> headers.read("HEAD", "include/uapi/linux/btf.h"))
                    .isInstanceOfSatisfying(UapiguardException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
                        assertThat(e.getMessage())
                                .isEqualTo("path 'include/uapi/linux/btf.h' does not exist in revision 'HEAD'");
                    });
            assertThatThrownBy(() -> headers.read("HEAD", "include/uapi"))
                    .isInstanceOfSatisfying(UapiguardException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_INPUT));
        }
    }

    @Test
    void aFileMissingFromTheWorkingTreeIsNotFound() {
        try (GitHeaders headers = GitHeaders.open(dir)) {
            assertThatThrownBy(() -> headers.readWorkingTree("nope.h"))
                    .isInstanceOfSatisfying(UapiguardException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
                        assertThat(e.getMessage()).startsWith("no such file in the working tree: ");
                    });
        }
    }

    @Test
    void rangeTouchesThePathOnlyWhenACommitInItChangedThePath() {
        try (GitHeaders headers = GitHeaders.open(dir)) {
            assertThat(headers.touches(first, second, HEADER)).isTrue();
            assertThat(headers.touches(first, unrelated, HEADER)).isTrue();
            assertThat(headers.touches(second, unrelated, HEADER)).isFalse();
            assertThat(headers.touches(unrelated, unrelated, HEADER)).isFalse();
            assertThat(headers.touches(second, unrelated, "README")).isTrue();
        }
    }

    @Test
    void divergedHistoriesTouchThePathWhenEitherSideChangedIt() throws Exception {
        // A force-push that drops B: nothing in second..dropped changes the header, yet it differs.
        git.checkout().setName(first.name()).call();
        RevCommit dropped = commit("README", "other\n", "rewrite without B");
        try (GitHeaders headers = GitHeaders.open(dir)) {
            assertThat(headers.touches(second, dropped, HEADER)).isTrue();
            assertThat(headers.touches(first, dropped, HEADER)).isFalse();
        }
    }

    @Test
    void upstreamIsTheTrackingBranchWhenConfiguredElseHead() throws Exception {
        try (GitHeaders headers = GitHeaders.open(dir)) {
            assertThat(headers.upstreamOrHead()).isEqualTo("HEAD");
        }
        git.branchCreate().setName("upstream-main").setStartPoint(first).call();
        StoredConfig config = git.getRepository().getConfig();
        config.setString("branch", "main", "remote", ".");
        config.setString("branch", "main", "merge", "refs/heads/upstream-main");
        config.save();
        try (GitHeaders headers = GitHeaders.open(dir)) {
            assertThat(headers.upstreamOrHead()).isEqualTo("refs/heads/upstream-main");
            assertThat(headers.read(headers.upstreamOrHead(), HEADER)).isEqualTo("#define A 1\n");
        }
    }

    @Test
    void mergeBaseWithTheRemotesDefaultBranch() throws Exception {
        // refs/remotes/origin/main at `second`; a topic branch forked at `first`.
        var update = git.getRepository().updateRef("refs/remotes/origin/main");
        update.setNewObjectId(second);
        update.forceUpdate();
        git.checkout().setCreateBranch(true).setName("topic").setStartPoint(first).call();
        RevCommit topic = commit(HEADER, "#define A 1\n#define C 3\n", "add C");
        try (GitHeaders headers = GitHeaders.open(dir)) {
            assertThat(headers.mergeBaseWithDefaultBranch(topic, "origin"))
                    .contains(new GitHeaders.Base("refs/remotes/origin/main", first));
            assertThat(headers.mergeBaseWithDefaultBranch(topic, "upstream")).isEmpty();
        }
    }

    @Test
    void historyListsTheCommitsThatChangedThePathOldestFirst() {
        try (GitHeaders headers = GitHeaders.open(dir)) {
            assertThat(headers.history("HEAD", HEADER)).extracting(GitHeaders.FileRevision::commit)
                    .containsExactly(first, second);
        }
    }

    @Test
    void hooksLiveInGitDirUnlessCoreHooksPathSaysOtherwise() throws IOException {
        try (GitHeaders headers = GitHeaders.open(dir)) {
            assertThat(headers.hooksDirectory()).isEqualTo(dir.resolve(".git/hooks"));
        }
        StoredConfig config = git.getRepository().getConfig();
        config.setString("core", null, "hooksPath", "tools/hooks");
        config.save();
        try (GitHeaders headers = GitHeaders.open(dir)) {
            assertThat(headers.hooksDirectory()).isEqualTo(dir.resolve("tools/hooks"));
        }
    }

    @Test
    void revPathSplitsAtTheFirstColon() {
        assertThat(RevPath.parse("v6.1:include/uapi/linux/bpf.h"))
                .isEqualTo(new RevPath("v6.1", "include/uapi/linux/bpf.h"));
        assertThat(RevPath.parse("HEAD:/a:b")).isEqualTo(new RevPath("HEAD", "a:b"));
        assertThat(RevPath.parse("HEAD:./include/bpf.h")).isEqualTo(new RevPath("HEAD", "include/bpf.h"));
        assertThatThrownBy(() -> RevPath.parse("HEAD:../etc/passwd")).isInstanceOf(UapiguardException.class)
                .hasMessage("path '../etc/passwd' leaves the repository");
        assertThatThrownBy(() -> RevPath.parse("HEAD:")).isInstanceOf(UapiguardException.class)
                .hasMessageContaining("expected REV:PATH");
        assertThatThrownBy(() -> RevPath.parse("bpf.h")).isInstanceOf(UapiguardException.class)
                .hasMessageContaining("expected REV:PATH");
    }

    @Test
    void peelsAnnotatedTagsToCommitsAndKnowsWhatIsMissing() throws Exception {
        var tag = git.tag().setName("v1").setAnnotated(true).setMessage("v1").setObjectId(second)
                .setTagger(new org.eclipse.jgit.lib.PersonIdent("t", "t@example.org")).setSigned(false).call();
        try (GitHeaders headers = GitHeaders.open(dir)) {
            assertThat(headers.peelToCommit(tag.getObjectId())).contains(second);
            assertThat(headers.peelToCommit(second.getTree())).isEmpty();
            assertThat(headers.hasCommit(ObjectId.fromString("1234567890123456789012345678901234567890"))).isFalse();
            assertThat(headers.hasCommit(second)).isTrue();
        }
    }
}
