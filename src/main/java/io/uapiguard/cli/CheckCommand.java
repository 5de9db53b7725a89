package io.uapiguard.cli;

import io.uapiguard.compat.Comparison;
import io.uapiguard.model.UapiModel;
import io.uapiguard.policy.Policy;
import io.uapiguard.git.GitHeaders;
import io.uapiguard.git.RevPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code uapiguard check}: the working tree's headers against a revision (the upstream, else HEAD). */
@Command(name = "check",
        description = "Compare the working tree's header(s) with a revision: by default the upstream of the "
                + "current branch, else HEAD.")
final class CheckCommand implements Callable<Integer> {


    @Option(names = "--against", paramLabel = "REV",
            description = "Revision to compare with (default: the current branch's upstream, else HEAD).")
    String against;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = UapiModel.DEFAULT_PATH,
            description = "Header path from the repository root; repeatable (default: ${DEFAULT-VALUE}).")
    List<String> paths = new ArrayList<>(List.of(UapiModel.DEFAULT_PATH));

    @Option(names = "--repo", paramLabel = "DIR",
            description = "The git working tree (default: the one around the current directory).")
    Path repo;

    @Mixin
    ComparisonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (GitHeaders git = repo != null ? GitHeaders.open(repo) : GitHeaders.discover(Path.of(""))) {
            Path root = git.workTree();
            String revision = against != null ? against : git.upstreamOrHead();
            ObjectId commit = git.resolveCommit(revision);
            String label = Repository.shortenRefName(revision);
            Policy policy = options.policy(root);
            List<Comparison> comparisons = new ArrayList<>();
            for (String path : paths.stream().map(RevPath::repositoryPath).toList()) {
                HeaderSide old = new HeaderSide(label + ":" + path, git.read(commit, path, label));
                HeaderSide now = new HeaderSide(path, git.readWorkingTree(path));
                comparisons.add(HeaderSide.compare(old, now, path));
            }
            Comparison judged = options.judge(HeaderSide.merge(comparisons), policy, spec.commandLine().getErr());
            spec.commandLine().getOut().print(options.render(judged, label, "working tree",
                    ComparisonOptions.source(git, paths.size() == 1 ? RevPath.repositoryPath(paths.get(0)) : null, commit)));
            spec.commandLine().getOut().flush();
            return options.exitCode(judged);
        }
    }
}
