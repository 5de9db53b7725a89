package io.uapiguard.cli;

import io.uapiguard.cli.PrePushCommand.RefUpdate;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.TreeJudge;
import io.uapiguard.consumer.Consumers;
import io.uapiguard.compat.Finding;
import io.uapiguard.patch.LineMap;
import io.uapiguard.policy.Policy;
import io.uapiguard.git.GitHeaders;
import io.uapiguard.git.PathGlob;
import io.uapiguard.git.RevPath;
import io.uapiguard.git.GitHeaders.Base;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * The pre-push decision: for each pushed ref, the guarded headers at its base (what the remote has, or the fork point
 * of a new branch) against what is pushed, with the copies they must keep in sync. Untouched headers are decided by
 * the history walk alone, never parsed; a push that changes none says so in one line.
 */
final class PrePushCheck {

    private final Path repo;
    private final String remote;
    private final List<String> paths;
    private final ComparisonOptions options;
    private final PrintWriter out;
    private final PrintWriter err;

    PrePushCheck(Path repo, String remote, List<String> paths, ComparisonOptions options, PrintWriter out,
            PrintWriter err) {
        this.repo = repo;
        this.remote = remote;
        this.paths = paths;
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /** 0 to let the push through, 1 to block it. */
    int run(List<RefUpdate> updates) {
        if (updates.stream().allMatch(RefUpdate::deletesRef)) {
            return 0;
        }
        if (updates.stream().anyMatch(RefUpdate::usesSha256)) {
            // JGit reads only SHA-1 repositories: say so and let the push through rather than block every push.
            err.println("uapiguard: this repository uses SHA-256 object ids, which uapiguard cannot read yet"
                    + " (its git library, JGit, reads only SHA-1 repositories): the push to " + remote
                    + " is not checked");
            err.flush();
            return 0;
        }
        try (GitHeaders git = repo != null ? GitHeaders.open(repo) : GitHeaders.discover(Path.of(""))) {
            Path root = git.repository().isBare() ? null : git.workTree();
            Policy policy = null;
            List<String> watched = paths.stream().map(RevPath::repositoryPath).distinct().toList();
            PathGlob glob = PathGlob.of(watched);
            List<Finding> blocking = new ArrayList<>();
            List<String> blockedRefs = new ArrayList<>();
            boolean compared = false;
            boolean changedAny = false;
            for (RefUpdate update : updates) {
                if (update.deletesRef()) {
                    continue;
                }
                Optional<ObjectId> pushed = git.peelToCommit(ObjectId.fromString(update.localSha()));
                if (pushed.isEmpty()) {
                    continue; // a tag of a tree or blob carries no header revision
                }
                ObjectId local = pushed.get();
                Optional<Base> base = baseOf(git, update, local);
                if (base.isEmpty()) {
                    continue;
                }
                compared = true;
                String localRef = Repository.shortenRefName(update.localRef());
                // A range that touched no watched header is decided by the walk (commit-graph Bloom filters where
                // present); else the headers are told apart by blob id, added and deleted ones included.
                List<String> headers = List.of();
                List<String> changed = List.of();
                if (git.touches(base.get().commit(), local, glob)) {
                    PathGlob.Change change = glob.change(git.blobsAt(base.get().commit(), glob), git.blobsAt(local, glob));
                    headers = change.headers();
                    changed = change.changed();
                }
                changedAny |= !changed.isEmpty();
                boolean failed = false;
                if (!changed.isEmpty()) {
                    if (policy == null) {
                        policy = options.policy(root);
                    }
                    Comparison judged = options.judge(new TreeJudge(CompatEngine.standard(), LineMap::between,
                            List.of(new Consumers(policy.consumersToRun()))).judge(
                            GitTree.commit(git, base.get().commit(), base.get().ref()),
                            GitTree.commit(git, local, localRef), changed, options.mirrors(policy, headers)),
                            policy, err);
                    if (!judged.findings().isEmpty()) {
                        out.print(options.render(judged, base.get().ref(), localRef, ComparisonOptions.source(git,
                                CheckCommand.singleLiteral(watched), base.get().commit())));
                    }
                    if (options.exitCode(judged) != 0) {
                        failed = true;
                        judged.findings().stream().filter(f -> !f.accepted()).forEach(blocking::add);
                    }
                }
                if (failed) {
                    blockedRefs.add(localRef);
                }
            }
            if (compared && !changedAny) {
                out.println("uapiguard: the push changes no watched UAPI header (" + String.join(", ", watched)
                        + "): nothing to judge");
            }
            out.flush();
            if (blockedRefs.isEmpty()) {
                return 0;
            }
            err.print(blockedMessage(blockedRefs, blocking, root));
            err.flush();
            return 1;
        }
    }

    /**
     * What the push is judged against: the remote's current commit for an existing ref; for a new ref (or a remote
     * commit not fetched here), where the pushed commit forked from the remote's default branch.
     */
    private Optional<Base> baseOf(GitHeaders git, RefUpdate update, ObjectId local) {
        if (!update.createsRef()) {
            Optional<ObjectId> remoteCommit = git.peelToCommit(ObjectId.fromString(update.remoteSha()));
            if (remoteCommit.isPresent()) {
                return Optional.of(new Base(remote + "/" + Repository.shortenRefName(update.remoteRef())
                        + "@" + remoteCommit.get().abbreviate(12).name(), remoteCommit.get()));
            }
            err.println("uapiguard: " + update.remoteRef() + " on " + remote + " is at " + update.remoteSha()
                    + ", which is not here; comparing with the fork point instead (git fetch to compare with it)");
        }
        Optional<Base> fork = git.mergeBaseWithDefaultBranch(local, remote);
        if (fork.isEmpty()) {
            err.println("uapiguard: " + Repository.shortenRefName(update.localRef()) + ": nothing to compare with"
                    + " (no " + remote + "/HEAD, main or master here that shares history with it): not checked");
            return Optional.empty();
        }
        Base base = fork.get();
        return Optional.of(new Base("merge base with " + Repository.shortenRefName(base.ref())
                + "@" + base.commit().abbreviate(12).name(), base.commit()));
    }

    /** Why the push stopped and the two ways past it, with acceptances ready to paste. */
    static String blockedMessage(List<String> refs, List<Finding> blocking, Path root) {
        StringBuilder text = new StringBuilder();
        text.append("\nuapiguard: push blocked: ").append(String.join(", ", refs))
                .append(" would break the BPF user-space API (see above).\n")
                .append("  - to push anyway, this once:  git push --no-verify\n");
        if (!blocking.isEmpty()) {
            Path config = root == null ? Path.of(ComparisonOptions.DEFAULT_CONFIG)
                    : root.resolve(ComparisonOptions.DEFAULT_CONFIG);
            text.append("  - to accept the change on purpose, add to ").append(config)
                    .append(" (and commit it, so CI agrees):\n\n")
                    .append(AcceptanceSnippet.yaml(blocking)).append('\n');
        }
        return text.toString();
    }
}
