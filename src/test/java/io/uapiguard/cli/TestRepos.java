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
    /** A second UAPI header: if_link.h's XDP attributes, cut down. */
    static final String LINK = "include/uapi/linux/if_link.h";
    static final String LINK_TEXT = "enum {\n\tIFLA_XDP_UNSPEC,\n\tIFLA_XDP_FD,\n\tIFLA_XDP_ATTACHED,\n"
            + "\t__IFLA_XDP_MAX\n};\n";
    /** {@link #LINK_TEXT} without IFLA_XDP_FD (line 3): a removed enumerator, and the ones after it renumbered. */
    static final String LINK_WITHOUT_FD = LINK_TEXT.replace("\tIFLA_XDP_FD,\n", "");

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

    /** Removes {@code path} and commits that. */
    static RevCommit remove(Git git, String path, String message) throws GitAPIException {
        git.rm().addFilepattern(path).call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                .setSign(false).call();
    }

    /** Writes a fixture header to {@link #HEADER} and commits it. */
    static RevCommit commitHeader(Git git, String fixture, String message) throws IOException, GitAPIException {
        return commit(git, HEADER, CliRun.fixture(fixture), message);
    }
}
