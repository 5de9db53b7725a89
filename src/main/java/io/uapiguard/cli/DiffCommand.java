package io.uapiguard.cli;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.compat.Comparison;
import io.uapiguard.policy.Policy;
import io.uapiguard.git.GitHeaders;
import io.uapiguard.git.RevPath;
import io.uapiguard.output.RenderContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code uapiguard diff OLD NEW}: each side a header file or {@code REV:PATH} read from a git repository. */
@Command(name = "diff",
        description = "Compare two versions of a header. Each side is a file, or REV:PATH read from git.",
        footer = {"", "Examples:",
            "  uapiguard diff old/bpf.h new/bpf.h",
            "  uapiguard diff v6.1:include/uapi/linux/bpf.h HEAD:include/uapi/linux/bpf.h --repo ~/linux",
            "  uapiguard diff --tags v6.1 v6.2 --repo linux     (every watched header of two revisions recorded by"
                    + " 'uapiguard ingest', header by header)"})
final class DiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD", description = "The old header: a file or REV:PATH.")
    String oldSpec;

    @Parameters(index = "1", paramLabel = "NEW", description = "The new header: a file or REV:PATH.")
    String newSpec;

    @Option(names = "--repo", paramLabel = "DIR|NAME",
            description = "Git repository for REV:PATH sides (default: the one around the current directory);"
                    + " with --tags, the name of a repository recorded in the store.")
    Path repo;

    @Option(names = "--tags",
            description = "OLD and NEW are tags or commit ids of the stored repository --repo NAME, read from the store.")
    boolean tags;

    @Mixin
    DatabaseOptions database;

    @Mixin
    ComparisonOptions options;

    @Spec
    CommandSpec spec;

    private GitHeaders git;

    @Override
    public Integer call() {
        try {
            Comparison comparison;
            // With --tags: the changed headers that could not be judged (they did not parse), each with why.
            List<String> unjudged = List.of();
            if (tags) {
                if (repo == null) {
                    throw new UapiguardException(Reason.BAD_INPUT, "--tags needs --repo NAME, a repository recorded by 'uapiguard ingest'");
                }
                var stored = StoredComparison.of(database, repo.toString(), oldSpec, newSpec);
                unjudged = stored.problems();
                if (!unjudged.isEmpty() && stored.comparison().headers().isEmpty()) {
                    // Not "no watched header changed": one did, and it could not be judged.
                    throw new UapiguardException(Reason.PARSE_ERROR, "nothing judged: " + String.join("; ", unjudged));
                }
                unjudged.forEach(p -> spec.commandLine().getErr().println("uapiguard: not judged: " + p));
                comparison = stored.comparison();
            } else {
                comparison = HeaderSide.compare(read(oldSpec), read(newSpec), locationPath(newSpec));
            }
            Policy policy = options.policy(configRoot());
            Comparison judged = options.judge(comparison, policy, spec.commandLine().getErr());
            spec.commandLine().getOut().print(options.render(judged, oldSpec, newSpec, source()));
            spec.commandLine().getOut().flush();
            // A header it could not judge makes the answer incomplete, whatever the others' verdict.
            return unjudged.isEmpty() ? options.exitCode(judged) : UapiguardCommand.exitCode(Reason.PARSE_ERROR);
        } finally {
            if (git != null) {
                git.close();
            }
        }
    }

    /** What SARIF says was compared: the stored repository, the git repository with the old side's commit, or a path. */
    private RenderContext.Source source() {
        String path = tags ? null : locationPath(newSpec);
        if (tags) {
            return new RenderContext.Source(repo.toString(), null, null, null);
        }
        boolean oldFromGit = !Files.exists(Path.of(oldSpec)) && oldSpec.indexOf(':') > 0;
        if (git == null || !oldFromGit) {
            return new RenderContext.Source(null, path, null, null, oldFromGit ? null : oldSpec);
        }
        return ComparisonOptions.source(git, path, git.resolveCommit(RevPath.parse(oldSpec).revision()));
    }

    /** A side that names an existing file is that file; otherwise it must be REV:PATH. */
    private HeaderSide read(String side) {
        Path file = Path.of(side);
        if (Files.isRegularFile(file)) {
            return new HeaderSide(side, readFile(file));
        }
        if (Files.isDirectory(file)) {
            throw new UapiguardException(Reason.BAD_INPUT, side + " is a directory, not a header file");
        }
        if (side.indexOf(':') <= 0) {
            throw new UapiguardException(Reason.NOT_FOUND,
                    "no such file: " + side + " (to read a header from git, write REV:PATH)");
        }
        RevPath revPath = RevPath.parse(side);
        return new HeaderSide(side, git().read(revPath.revision(), revPath.path()));
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UapiguardException.cannotRead(file, e);
        }
    }

    /** Findings name the new side's path: the file as given, or PATH of REV:PATH. */
    private static String locationPath(String side) {
        if (Files.exists(Path.of(side)) || side.indexOf(':') <= 0) {
            return side;
        }
        return RevPath.parse(side).path();
    }

    /** The repository is only opened when a side comes from git, so comparing two files never loads JGit. */
    private GitHeaders git() {
        if (git == null) {
            git = repo != null ? GitHeaders.open(repo) : GitHeaders.discover(Path.of(""));
        }
        return git;
    }

    /** Where the default {@code .uapiguard.yml} lives: the work tree of the repository in use, else the one around here. */
    private Path configRoot() {
        if (tags) {
            return WorkTrees.rootAbove(Path.of(""));
        }
        if (git != null && !git.repository().isBare()) {
            return git.workTree();
        }
        if (repo != null) {
            return WorkTrees.rootAbove(repo);
        }
        return WorkTrees.rootAbove(Path.of(""));
    }
}
