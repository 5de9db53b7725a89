package io.uapiguard.history;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.git.GitSource;
import io.uapiguard.git.PathGlob;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The revisions of a repository: every commit reachable from the followed branches or the matching tags that
 * changed a watched path, plus the tagged commits themselves, with parents rewritten to the nearest such commit.
 */
final class HistoryWalk {

    /** One revision: {@code parents} are revisions too (first = predecessor); depth is the longest chain below it. */
    record Node(RevCommit commit, List<String> parents, int depth) {
        String id() {
            return commit.name();
        }
    }

    /** The walk's result: revisions oldest first (parents before children), tags by name → commit id. */
    record Result(List<Node> nodes, Map<String, String> tags, String stats) {

        Map<String, Node> byId() {
            Map<String, Node> m = new HashMap<>();
            nodes.forEach(n -> m.put(n.id(), n));
            return m;
        }

        /** Tags in release order: by depth of the tagged revision, commit time, then name. */
        List<String> tagsInOrder() {
            Map<String, Node> byId = byId();
            return tags.keySet().stream().sorted(Comparator
                    .comparingInt((String t) -> byId.get(tags.get(t)).depth())
                    .thenComparingInt(t -> byId.get(tags.get(t)).commit().getCommitTime())
                    .thenComparing(Comparator.naturalOrder())).toList();
        }
    }

    private HistoryWalk() {
    }

    /** The filter that lets commit-graph Bloom filters skip commits that cannot touch {@code paths}. */
    static TreeFilter pathFilter(List<String> paths) {
        return PathGlob.of(paths).changedFilter();
    }

    /**
     * A digest of everything a walk's result depends on besides immutable objects: the followed branch tips, the
     * matching tags and their targets, the paths, and the parser and engine versions. Equal digests, equal walks
     * and nothing to reparse or recompare.
     */
    static String refState(Repository repo, RepositoryInfo info, int parserVersion, int engineVersion)
            throws IOException {
        StringBuilder s = new StringBuilder("parser ").append(parserVersion).append('\n');
        s.append("engine ").append(engineVersion).append('\n');
        info.paths().forEach(p -> s.append("path ").append(p).append('\n'));
        for (String branch : branches(repo, info)) {
            Ref ref = repo.exactRef(Constants.R_HEADS + branch);
            s.append("branch ").append(branch).append(' ').append(ref == null ? "-" : ref.getObjectId().name())
                    .append('\n');
        }
        followedTags(repo, info).forEach((name, ref) -> s.append("tag ").append(name).append(' ')
                .append(ref.getObjectId().name()).append('\n'));
        return HexFormat.of().formatHex(GitSource.sha256(s.toString()));
    }

    /** The tags matching the repository's tag pattern, by name. */
    private static Map<String, Ref> followedTags(Repository repo, RepositoryInfo info) throws IOException {
        Pattern pattern = glob(info.tagPattern());
        Map<String, Ref> out = new TreeMap<>();
        for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
            String name = ref.getName().substring(Constants.R_TAGS.length());
            if (pattern.matcher(name).matches()) {
                out.put(name, ref);
            }
        }
        return out;
    }

    static Result walk(Repository repo, RepositoryInfo info) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            walk.setRetainBody(false);
            List<RevCommit> starts = new ArrayList<>();
            for (String branch : branches(repo, info)) {
                Ref ref = repo.exactRef(Constants.R_HEADS + branch);
                if (ref == null) {
                    throw new UapiguardException(Reason.BAD_INPUT,
                            "branch '" + branch + "' not found in " + info.location());
                }
                starts.add(walk.parseCommit(ref.getObjectId()));
            }
            Map<String, String> tags = new TreeMap<>();
            Map<String, RevCommit> tagCommits = new TreeMap<>();
            for (Map.Entry<String, Ref> tag : followedTags(repo, info).entrySet()) {
                String name = tag.getKey();
                RevObject target = walk.peel(walk.parseAny(tag.getValue().getObjectId()));
                if (target instanceof RevCommit c) {
                    tags.put(name, c.name());
                    tagCommits.put(name, c);
                    starts.add(c);
                }
            }
            walk.setTreeFilter(pathFilter(info.paths()));
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(starts);
            Map<String, Node> byId = new LinkedHashMap<>();
            for (RevCommit c : walk) {
                List<String> parents = new ArrayList<>();
                int depth = 0;
                for (RevCommit p : c.getParents()) {
                    Node parent = byId.get(p.name());
                    if (parent != null && !parents.contains(parent.id())) {
                        parents.add(parent.id());
                        depth = Math.max(depth, parent.depth() + 1);
                    }
                }
                byId.put(c.name(), new Node(c, List.copyOf(parents), depth));
            }
            // A tag on a commit that did not touch a watched path is a revision too, on top of its nearest one.
            for (RevCommit tagged : new LinkedHashSet<>(tagCommits.values())) {
                if (!byId.containsKey(tagged.name())) {
                    Node nearest = nearest(repo, tagged, info.paths(), byId);
                    byId.put(tagged.name(), new Node(tagged, nearest == null ? List.of() : List.of(nearest.id()),
                            nearest == null ? 0 : nearest.depth() + 1));
                }
            }
            RevWalk.RevFilterStats st = walk.getRevFilterStats();
            String stats = String.format(java.util.Locale.ROOT,
                    " (%d commits filtered, %d trees parsed; Bloom: %d negative, %d true, %d false positive)",
                    st.getNumCommitsThroughTreeRevFilter(), st.getNumTreesParsedInTreeRevFilter(),
                    st.getChangedPathFilterNegative(), st.getChangedPathFilterTruePositive(),
                    st.getChangedPathFilterFalsePositive());
            return new Result(List.copyOf(byId.values()), tags, stats);
        }
    }

    private static Node nearest(Repository repo, RevCommit from, List<String> paths, Map<String, Node> byId)
            throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            walk.setRetainBody(false);
            walk.setTreeFilter(pathFilter(paths));
            walk.markStart(walk.parseCommit(from));
            RevCommit c = walk.next();
            return c == null ? null : byId.get(c.name());
        }
    }

    /** The followed branches: the registered ones, else the default branch. */
    static List<String> branches(Repository repo, RepositoryInfo info) throws IOException {
        if (!info.branches().isEmpty()) {
            return info.branches();
        }
        Ref head = repo.exactRef(Constants.HEAD);
        if (head != null && head.isSymbolic() && head.getTarget().getObjectId() != null
                && head.getTarget().getName().startsWith(Constants.R_HEADS)) {
            return List.of(head.getTarget().getName().substring(Constants.R_HEADS.length()));
        }
        List<Ref> heads = repo.getRefDatabase().getRefsByPrefix(Constants.R_HEADS);
        if (head != null && head.getObjectId() != null) {
            for (Ref r : heads) {
                if (head.getObjectId().equals(r.getObjectId())) {
                    return List.of(r.getName().substring(Constants.R_HEADS.length()));
                }
            }
        }
        if (heads.size() == 1) {
            return List.of(heads.get(0).getName().substring(Constants.R_HEADS.length()));
        }
        for (String name : List.of("main", "master")) {
            if (repo.exactRef(Constants.R_HEADS + name) != null) {
                return List.of(name);
            }
        }
        if (heads.isEmpty()) {
            throw new UapiguardException(Reason.BAD_INPUT, info.location() + " has no branches");
        }
        throw new UapiguardException(Reason.BAD_INPUT, "cannot tell the default branch of " + info.location()
                + "; name the branches to follow");
    }

    /** A shell-style tag pattern ({@code v*}, {@code v?.*}) as a regex. */
    static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString());
    }

    static Set<String> ids(Result r) {
        Set<String> s = new LinkedHashSet<>();
        r.nodes().forEach(n -> s.add(n.id()));
        return s;
    }

    static ObjectId id(String name) {
        return ObjectId.fromString(name);
    }
}
