package io.uapiguard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real thing: the git binary pushes to a bare remote and runs the hook that {@code uapiguard hook install} wrote. */
class GitPushHookTest {

    @TempDir
    Path tmp;

    Path remote;
    Path work;

    record Result(int exit, String output) {
    }

    @BeforeEach
    void repositories() throws Exception {
        assumeTrue(gitAvailable(), "no git binary on PATH");
        remote = tmp.resolve("remote.git");
        work = tmp.resolve("work");
        git(tmp, "init", "-q", "--bare", "-b", "main", remote.toString());
        git(tmp, "init", "-q", "-b", "main", work.toString());
        git(work, "remote", "add", "origin", remote.toString());
        commitHeader("helpers-v1.h", "v1");
        assertThat(git(work, "push", "-q", "origin", "main").exit()).isZero();
    }

    @Test
    void aPushThatRenumbersAHelperIsRefusedAndOneThatAppendsGoesThrough() throws Exception {
        CliRun install = CliRun.run("hook", "install", "--repo", work.toString());
        assertThat(install.exit()).as(install.err()).isZero();

        commitHeader("helpers-renumbered.h", "renumber two helpers");
        Result refused = git(work, "push", "origin", "main");
        assertThat(refused.exit()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("helper.id-changed").contains("push blocked")
                .contains("git push --no-verify").contains("failed to push some refs");
        assertThat(head(remote)).isEqualTo(head(work, "HEAD~1"));

        git(work, "reset", "-q", "--hard", "HEAD~1");
        commitHeader("helpers-appended.h", "append a helper");
        Result accepted = git(work, "push", "origin", "main");
        assertThat(accepted.exit()).as(accepted.output()).isZero();
        assertThat(head(remote)).isEqualTo(head(work, "HEAD"));
    }

    /**
     * Git's SHA-256 object format gives 64-hex ids on the hook's stdin. JGit 7 reads only SHA-1 repositories, so the
     * hook cannot compare anything there: it must say so and let the push through, not block every push.
     */
    @Test
    void aPushFromASha256RepositoryGoesThroughWithANoticeThatItWasNotChecked() throws Exception {
        remote = tmp.resolve("remote256.git");
        work = tmp.resolve("work256");
        git(tmp, "init", "-q", "--bare", "--object-format=sha256", "-b", "main", remote.toString());
        git(tmp, "init", "-q", "--object-format=sha256", "-b", "main", work.toString());
        git(work, "remote", "add", "origin", remote.toString());
        commitHeader("helpers-v1.h", "v1");
        assertThat(head(work)).hasSize(64);
        CliRun install = CliRun.run("hook", "install", "--repo", work.toString());
        assertThat(install.exit()).as(install.err()).isZero();

        commitHeader("helpers-appended.h", "append a helper");
        Result accepted = git(work, "push", "origin", "main");
        assertThat(accepted.exit()).as(accepted.output()).isZero();
        assertThat(accepted.output()).contains("uses SHA-256 object ids").contains("is not checked");
        assertThat(head(remote)).isEqualTo(head(work, "HEAD"));
    }

    void commitHeader(String fixture, String message) throws Exception {
        Path header = work.resolve(TestRepos.HEADER);
        Files.createDirectories(header.getParent());
        Files.writeString(header, CliRun.fixture(fixture));
        git(work, "add", TestRepos.HEADER);
        assertThat(git(work, "commit", "-q", "-m", message).exit()).isZero();
    }

    String head(Path repo) throws Exception {
        return git(repo, "rev-parse", "main").output().trim();
    }

    String head(Path repo, String rev) throws Exception {
        return git(repo, "rev-parse", rev).output().trim();
    }

    /** Runs git with no user or system configuration, so a developer's global hooksPath cannot interfere. */
    Result git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("GIT_"));
        env.put("HOME", tmp.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("NO_COLOR", "1");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("git " + String.join(" ", args)).isTrue();
        return new Result(process.exitValue(), output);
    }

    static boolean gitAvailable() {
        try {
            return new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
