package io.uapiguard.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;

/** Small git repositories for CLI tests, made with JGit. */
final class TestRepos {

    static final String HEADER = "include/uapi/linux/bpf.h";

    private TestRepos() {
    }

    static Git init(Path dir) throws GitAPIException {
        return Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    }

    /** Writes {@code text} to {@code path} and commits it. */
    static RevCommit commit(Git git, String path, String text, String message) throws IOException, GitAPIException {
        Path file = git.getRepository().getWorkTree().toPath().resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        git.add().addFilepattern(path).call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                .setSign(false).call();
    }

    /** Writes a fixture header to {@link #HEADER} and commits it. */
    static RevCommit commitHeader(Git git, String fixture, String message) throws IOException, GitAPIException {
        return commit(git, HEADER, CliRun.fixture(fixture), message);
    }
}
