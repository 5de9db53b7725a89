package io.uapiguard.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;

/** A small git repository built commit by commit, for ingest tests that need exact histories. */
final class GitFixture implements AutoCloseable {

    static final String HEADER = "include/uapi/linux/bpf.h";

    private final Git git;
    private final Path dir;
    private long time = 1_700_000_000L;

    GitFixture(Path dir) throws GitAPIException {
        this.dir = dir;
        this.git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    }

    Path dir() {
        return dir;
    }

    Git git() {
        return git;
    }

    /** Commits {@code text} at {@code path} (or any file when path is not the header) with a later timestamp. */
    RevCommit commit(String path, String text, String message) throws IOException, GitAPIException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        git.add().addFilepattern(path).call();
        time += 60;
        PersonIdent who = new PersonIdent("A U Thor", "author@example.org", Instant.ofEpochSecond(time),
                ZoneOffset.UTC);
        return git.commit().setMessage(message + "\n\nbody").setAuthor(who).setCommitter(who).call();
    }

    RevCommit header(String text, String message) throws IOException, GitAPIException {
        return commit(HEADER, text, message);
    }

    void tag(String name, ObjectId commit) throws IOException {
        RefUpdate u = git.getRepository().updateRef(Constants.R_TAGS + name);
        u.setNewObjectId(commit);
        u.setForceUpdate(true);
        u.update();
    }

    void deleteTag(String name) throws GitAPIException {
        git.tagDelete().setTags(name).call();
    }

    /** Moves {@code branch} to {@code commit} (a force-push seen from the ingest) and checks it out. */
    void reset(String branch, ObjectId commit) throws GitAPIException {
        git.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(commit.name()).call();
    }

    @Override
    public void close() {
        git.close();
    }
}
