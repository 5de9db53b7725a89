package io.uapiguard.cli;

import io.uapiguard.compat.TreeJudge;
import io.uapiguard.git.GitHeaders;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.model.UapiModel;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The headers of one revision for {@link TreeJudge}: a commit read through JGit, or the working tree; each path read
 * and parsed at most once. Parse errors name the header as {@code REV:PATH} (a commit) or {@code PATH}.
 */
final class GitTree implements TreeJudge.Tree {

    private final Function<String, Optional<String>> reader;
    private final String prefix;
    private final Map<String, Optional<String>> texts = new HashMap<>();
    private final Map<String, UapiModel> models = new HashMap<>();
    private final HeaderParser parser = new HeaderParser();

    private GitTree(Function<String, Optional<String>> reader, String prefix) {
        this.reader = reader;
        this.prefix = prefix;
    }

    /** The headers at {@code commit}; {@code label} names the revision. */
    static GitTree commit(GitHeaders git, ObjectId commit, String label) {
        return new GitTree(path -> git.blobAt(commit, path).map(blob -> git.readBlob(blob, label + ":" + path)),
                label + ":");
    }

    /** The headers of the working tree around {@code git}'s repository. */
    static GitTree workingTree(GitHeaders git) {
        return new GitTree(path -> Files.isRegularFile(git.workTree().resolve(path))
                ? Optional.of(git.readWorkingTree(path)) : Optional.empty(), "");
    }

    @Override
    public Optional<String> text(String path) {
        return texts.computeIfAbsent(path, reader);
    }

    @Override
    public UapiModel model(String path) {
        return models.computeIfAbsent(path, p -> parser.parse(prefix + p, text(p).orElseThrow()));
    }
}
