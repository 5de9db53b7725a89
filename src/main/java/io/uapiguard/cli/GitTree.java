package io.uapiguard.cli;

import io.uapiguard.UapiguardException;
import io.uapiguard.compat.TreeJudge;
import io.uapiguard.git.GitHeaders;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.header.pp.IncludeSource;
import io.uapiguard.include.IncludeDirectories;
import io.uapiguard.include.RevisionIncludes;
import io.uapiguard.model.Abi;
import io.uapiguard.model.UapiModel;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevTree;

/**
 * The headers of one revision for {@link TreeJudge}: a commit read through JGit, or the working tree; each path read
 * and parsed at most once, its {@code #include} found in the same revision ({@link RevisionIncludes}: its
 * include/uapi and arch/x86/include/uapi), then in the system's directories. Parse errors name the header as
 * {@code REV:PATH} (a commit) or {@code PATH}.
 */
final class GitTree implements TreeJudge.Tree {

    private final Function<String, Optional<String>> reader;
    private final String prefix;
    private final Map<String, Optional<String>> texts = new HashMap<>();
    private final Map<String, UapiModel> models = new HashMap<>();
    private final HeaderParser parser;

    private GitTree(Function<String, Optional<String>> reader, String prefix, RevisionIncludes.Files files) {
        this.reader = reader;
        this.prefix = prefix;
        this.parser = new HeaderParser(new RevisionIncludes(files, SYSTEM.get()));
    }

    /** The system's include directories (gcc's for x86-64, where present), looked up once per run. */
    private static final Supplier<IncludeSource> SYSTEM = new Supplier<>() {
        private IncludeSource system;

        @Override
        public synchronized IncludeSource get() {
            if (system == null) {
                system = new IncludeDirectories(IncludeDirectories.system(Abi.X86_64));
            }
            return system;
        }
    };

    /** The headers at {@code commit}; {@code label} names the revision. */
    static GitTree commit(GitHeaders git, ObjectId commit, String label) {
        RevisionIncludes.Files tree = RevisionIncludes.gitTree(git.repository(), tree(git, commit, label));
        // The headers are parsed as REV:PATH, so a quoted include beside one is asked for as REV:PATH too.
        String prefix = label + ":";
        UnaryOperator<String> inTree = path -> path.startsWith(prefix) ? path.substring(prefix.length()) : path;
        RevisionIncludes.Files files = new RevisionIncludes.Files() {
            @Override
            public String key(String path) {
                return tree.key(inTree.apply(path));
            }

            @Override
            public char[] text(String path, String key) {
                return tree.text(inTree.apply(path), key);
            }
        };
        return new GitTree(path -> git.blobAt(commit, path).map(blob -> git.readBlob(blob, label + ":" + path)),
                prefix, files);
    }

    /** {@code commit}'s tree, parsed once for all of its include lookups. */
    private static RevTree tree(GitHeaders git, ObjectId commit, String label) {
        try {
            return git.repository().parseCommit(commit).getTree();
        } catch (IOException e) {
            throw new UapiguardException(UapiguardException.Reason.NOT_FOUND, "cannot read commit " + label + ": "
                    + e.getMessage(), e);
        }
    }

    /** The headers of the working tree around {@code git}'s repository. */
    static GitTree workingTree(GitHeaders git) {
        return new GitTree(path -> Files.isRegularFile(git.workTree().resolve(path))
                ? Optional.of(git.readWorkingTree(path)) : Optional.empty(), "",
                RevisionIncludes.directory(git.workTree()));
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
