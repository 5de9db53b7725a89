package io.uapiguard.cli;

import static io.uapiguard.cli.TestRepos.HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.git.PathGlob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookCommandTest {

    static final String ZERO = ObjectId.zeroId().name();

    @TempDir
    Path dir;

    Git git;
    Path hook;

    @BeforeEach
    void repository() throws Exception {
        git = TestRepos.init(dir);
        hook = dir.resolve(".git/hooks/pre-push");
    }

    @Test
    void installWritesAnExecutableMarkedHookThatRunsTheGivenCommand() throws Exception {
        CliRun run = CliRun.run("hook", "install", "--repo", dir.toString(), "--command", "/opt/uapiguard/bin/uapiguard");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("installed " + hook);
        String script = Files.readString(hook);
        assertThat(script).startsWith("#!/bin/sh\n").contains(HookInstallCommand.MARKER)
                .contains("exec /opt/uapiguard/bin/uapiguard hook pre-push --path 'include/uapi/**/*.h' \"$@\"\n");
        assertThat(Files.getPosixFilePermissions(hook)).contains(PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void theDefaultCommandIsThisJavaWithItsAbsoluteClassPath() {
        String command = HookInstallCommand.defaultCommand();
        assertThat(command).contains("io.uapiguard.Main").contains(" -cp ");
        assertThat(command.split(" ")[0].replace("'", "")).satisfies(java -> assertThat(Path.of(java)).isAbsolute());
    }

    @Test
    void installRefusesToReplaceAHookItDidNotWrite() throws Exception {
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\necho someone else's hook\n");
        CliRun run = CliRun.run("hook", "install", "--repo", dir.toString(), "--command", "uapiguard");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(hook + " exists and was not written by uapiguard")
                .contains("uapiguard hook install --force");
        assertThat(Files.readString(hook)).isEqualTo("#!/bin/sh\necho someone else's hook\n");
    }

    @Test
    void forceReplacesAForeignHookAndReinstallingOurOwnNeedsNoForce() throws Exception {
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\necho someone else's hook\n");
        assertThat(CliRun.run("hook", "install", "--repo", dir.toString(), "--command", "uapiguard", "--force").exit())
                .isZero();
        assertThat(Files.readString(hook)).contains(HookInstallCommand.MARKER);
        CliRun again = CliRun.run("hook", "install", "--repo", dir.toString(), "--command", "other-uapiguard",
                "--path", "a.h", "--path", "b's.h");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(Files.readString(hook)).contains("exec other-uapiguard hook pre-push --path a.h --path 'b'\\''s.h'");
    }

    @Test
    void installHonoursCoreHooksPath() throws Exception {
        StoredConfig config = git.getRepository().getConfig();
        config.setString("core", null, "hooksPath", ".githooks");
        config.save();
        assertThat(CliRun.run("hook", "install", "--repo", dir.toString(), "--command", "uapiguard").exit()).isZero();
        assertThat(dir.resolve(".githooks/pre-push")).exists();
        assertThat(hook).doesNotExist();
    }

    @Test
    void aDeletedRefPasses() throws Exception {
        RevCommit c = TestRepos.commitHeader(git, "helpers-v1.h", "v1");
        CliRun run = prePush("refs/heads/gone " + ZERO + " refs/heads/gone " + c.name() + "\n");
        assertThat(run.exit()).isZero();
        assertThat(run.out() + run.err()).isEmpty();
    }

    @Test
    void aPushThatDoesNotTouchTheHeaderPassesWithoutParsingItAndSaysSoInOneLine() throws Exception {
        // The header does not even parse: reading it would end in exit 2, so exit 0 proves it was never parsed.
        RevCommit base = TestRepos.commit(git, HEADER, CliRun.fixture("broken.h"), "unparsable header");
        RevCommit docs = TestRepos.commit(git, "README", "docs\n", "docs only");
        CliRun run = prePush("refs/heads/main " + docs.name() + " refs/heads/main " + base.name() + "\n");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("uapiguard: the push changes no watched UAPI header (" + PathGlob.UAPI_HEADERS
                + "): nothing to judge\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aPushThatRenumbersAHelperIsBlockedWithTheWaysAround() throws Exception {
        RevCommit base = TestRepos.commitHeader(git, "helpers-v1.h", "v1");
        RevCommit renumbered = TestRepos.commitHeader(git, "helpers-renumbered.h", "renumber");
        CliRun run = prePush("refs/heads/main " + renumbered.name() + " refs/heads/main " + base.name() + "\n");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("helper.id-changed");
        assertThat(run.err()).contains("push blocked: main would break the BPF user-space API")
                .contains("git push --no-verify")
                .contains("accept:\n  - rule: helper.id-changed\n    symbol: ")
                .contains("    justification: ");
    }

    @Test
    void aNewBranchIsComparedWithItsForkPointOnTheRemotesDefaultBranch() throws Exception {
        // origin/main moved on after the fork, appending ktime_get_ns; the new branch forked at v1.
        // Against origin/main's tip the branch would lose that helper; against the fork point it changes nothing.
        RevCommit fork = TestRepos.commitHeader(git, "helpers-v1.h", "v1");
        RevCommit moved = TestRepos.commitHeader(git, "helpers-appended.h", "append on main");
        setRef("refs/remotes/origin/main", moved);
        git.checkout().setCreateBranch(true).setName("topic").setStartPoint(fork).call();
        TestRepos.commit(git, "README", "topic\n", "topic work");
        RevCommit tip = TestRepos.commit(git, HEADER,
                CliRun.fixture("helpers-v1.h").replace("fixture", "fixture (edited)"), "edit a comment");
        CliRun run = prePush("refs/heads/topic " + tip.name() + " refs/heads/topic " + ZERO + "\n");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();

        // The same new branch renumbering a helper is blocked, and the report names the fork point.
        RevCommit breaking = TestRepos.commitHeader(git, "helpers-renumbered.h", "renumber on topic");
        CliRun blocked = prePush("refs/heads/topic " + breaking.name() + " refs/heads/topic " + ZERO + "\n");
        assertThat(blocked.exit()).isEqualTo(1);
        assertThat(blocked.out()).contains("merge base with origin/main@" + fork.abbreviate(12).name());
    }

    @Test
    void aNewBranchWithNothingToCompareWithPassesAndSaysSo() throws Exception {
        RevCommit c = TestRepos.commitHeader(git, "helpers-renumbered.h", "first push to an empty remote");
        CliRun run = prePush("refs/heads/main " + c.name() + " refs/heads/main " + ZERO + "\n");
        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("main: nothing to compare with").contains("not checked");
    }

    static final String TOOLS = "tools/include/uapi/linux/bpf.h";

    @Test
    void aPushChangingIfLinkHAndBpfHGetsBothJudgedAndOneDeletingAHeaderIsBlockedByItsRemoval() throws Exception {
        TestRepos.commitHeader(git, "helpers-v1.h", "v1");
        RevCommit base = TestRepos.commit(git, TestRepos.LINK, TestRepos.LINK_TEXT, "if_link.h");
        TestRepos.commitHeader(git, "helpers-appended.h", "append a helper");
        RevCommit both = TestRepos.commit(git, TestRepos.LINK, TestRepos.LINK_WITHOUT_FD, "drop IFLA_XDP_FD");

        CliRun run = prePush("refs/heads/main " + both.name() + " refs/heads/main " + base.name() + "\n",
                "--format", "json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("\"path\" : \"" + HEADER + "\"", "\"path\" : \"" + TestRepos.LINK + "\"",
                "helper.added", "enum.removed");
        assertThat(run.err()).contains("push blocked: main");

        RevCommit deleted = TestRepos.remove(git, TestRepos.LINK, "remove if_link.h");
        CliRun removal = prePush("refs/heads/main " + deleted.name() + " refs/heads/main " + both.name() + "\n");
        assertThat(removal.exit()).as(removal.err()).isEqualTo(1);
        assertThat(removal.out()).contains("header.removed").contains(TestRepos.LINK);
        assertThat(removal.err()).contains("rule: header.removed");
    }

    @Test
    void aPushChangingBpfHButNotItsToolsCopyWarnsThatTheyAreOutOfSync() throws Exception {
        TestRepos.commitHeader(git, "helpers-v1.h", "v1");
        RevCommit base = TestRepos.commit(git, TOOLS, CliRun.fixture("helpers-v1.h"), "tools copy");
        RevCommit appended = TestRepos.commitHeader(git, "helpers-appended.h", "append a helper");
        CliRun run = prePush("refs/heads/main " + appended.name() + " refs/heads/main " + base.name() + "\n",
                "--path", HEADER, "--path", TOOLS, "--fail-on", "warning");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("copy.out-of-sync").contains(TOOLS + " is out of sync with " + HEADER);

        RevCommit synced = TestRepos.commit(git, TOOLS, CliRun.fixture("helpers-appended.h"), "sync the copy");
        CliRun both = prePush("refs/heads/main " + synced.name() + " refs/heads/main " + base.name() + "\n",
                "--path", HEADER, "--path", TOOLS, "--fail-on", "warning");
        assertThat(both.out()).doesNotContain("copy.out-of-sync");
    }

    @Test
    void malformedInputIsExitTwo() {
        CliRun run = prePush("refs/heads/main not-a-sha\n");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("pre-push input line 1: expected "
                + "'<local ref> <local sha> <remote ref> <remote sha>', got 'refs/heads/main not-a-sha'");
    }

    @Test
    void sixtyFourHexIdsAreReadAsSha256AndTheirPushPassesWithANotice() {
        String id = "0faf8a188b9840384791762604ea84cc751756ea5378ff3d88e31bbd742b16aa";
        CliRun run = prePush("refs/heads/main " + id + " refs/heads/main " + "0".repeat(64) + "\n");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("uses SHA-256 object ids").contains("the push to origin is not checked");
    }

    CliRun prePush(String stdin, String... options) {
        List<String> args = new ArrayList<>(List.of("hook", "pre-push", "--repo", dir.toString()));
        args.addAll(List.of(options));
        args.addAll(List.of("origin", "https://example.org/bpf.git"));
        return CliRun.withStdin(stdin, args.toArray(String[]::new));
    }

    void setRef(String name, ObjectId id) throws Exception {
        RefUpdate update = git.getRepository().updateRef(name);
        update.setNewObjectId(id);
        update.forceUpdate();
    }
}
