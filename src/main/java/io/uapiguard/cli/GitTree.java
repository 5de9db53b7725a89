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
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.ObjectId;

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
        // The headers are parsed as REV:PATH, so a quoted include beside one is asked for as REV:PATH too.
        String prefix = label + ":";
        RevisionIncludes.Files files = new RevisionIncludes.Files() {
            @Override
            public String key(String path) {
                String inTree = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
                try {
                    return git.blobAt(commit, inTree).map(blob -> "git:" + blob.name()).orElse(null);
                } catch (UapiguardException e) {
                    return null;   // a folder of that name: no file to include
                }
            }

            @Override
            public char[] text(String path, String key) {
                return git.readBlob(ObjectId.fromString(key.substring("git:".length())), label + ":" + path)
                        .toCharArray();
            }
        };
        return new GitTree(path -> git.blobAt(commit, path).map(blob -> git.readBlob(blob, label + ":" + path)),
                prefix, files);
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
