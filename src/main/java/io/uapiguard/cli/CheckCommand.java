package io.uapiguard.cli;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.TreeJudge;
import io.uapiguard.git.PathGlob;
import io.uapiguard.consumer.Consumers;
import io.uapiguard.model.UapiModel;
import io.uapiguard.patch.LineMap;
import io.uapiguard.policy.Policy;
import io.uapiguard.git.GitHeaders;
import io.uapiguard.git.RevPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
                + "current branch, else HEAD. Only the headers that differ are judged (none: not-applicable, exit 0), "
                + "with the copies they must keep in sync (mirrors).")
final class CheckCommand implements Callable<Integer> {


    @Option(names = "--against", paramLabel = "REV",
            description = "Revision to compare with (default: the current branch's upstream, else HEAD).")
    String against;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = PathGlob.UAPI_HEADERS,
            description = "Header path or glob from the repository root ('*' within a folder, '**' any folders); "
                    + "repeatable (default: ${DEFAULT-VALUE}, every UAPI header).")
    List<String> paths = new ArrayList<>(List.of(PathGlob.UAPI_HEADERS));

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
            List<String> watched = paths.stream().map(RevPath::repositoryPath).distinct().toList();
            PathGlob glob = PathGlob.of(watched);
            Map<String, ObjectId> before = git.blobsAt(commit, glob);
            for (String path : watched) {
                if (!PathGlob.isGlob(path) && !before.containsKey(path)) {
                    throw new UapiguardException(Reason.NOT_FOUND,
                            "path '" + path + "' does not exist in revision '" + label + "'");
                }
            }
            // Changed headers are told by blob id, so the unchanged ones are neither read nor parsed.
            PathGlob.Change change = glob.change(before, git.workingTreeBlobs(glob));
            List<String> headers = change.headers();
            List<String> changed = change.changed();
            Comparison judged = options.judge(new TreeJudge(CompatEngine.standard(), LineMap::between,
                    List.of(new Consumers(policy.consumersToRun()))).judge(
                    GitTree.commit(git, commit, label), GitTree.workingTree(git), changed,
                    options.mirrors(policy, headers)), policy, spec.commandLine().getErr());
            spec.commandLine().getOut().print(options.render(judged, label, "working tree",
                    ComparisonOptions.source(git, singleLiteral(watched), commit)));
            spec.commandLine().getOut().flush();
            return options.exitCode(judged);
        }
    }

    /** The one header a run guards, when it names exactly one literal path (SARIF's category); else null. */
    static String singleLiteral(List<String> watched) {
        return watched.size() == 1 && !PathGlob.isGlob(watched.get(0)) ? watched.get(0) : null;
    }
}
