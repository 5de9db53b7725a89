package io.uapiguard.git;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.ChangedPathTreeFilter;

/**
 * One git repository opened with JGit, seen as a source of header texts. Close it when done.
 * Every failure a user can cause (not a repository, unknown revision, missing path) is a {@link UapiguardException}.
 */
public final class GitHeaders implements AutoCloseable {

    /** Larger blobs are refused: bpf.h is under 300 KB, so 16 MiB is never a header. */
    public static final int MAX_HEADER_BYTES = 16 << 20;

    private final Repository repository;

    private GitHeaders(Repository repository) {
        this.repository = repository;
    }

    /**
     * The repository {@code git} would use from {@code start}: {@code $GIT_DIR} when set (git sets it for hooks),
     * else the work tree or bare repository at or above {@code start}.
     */
    public static GitHeaders discover(Path start) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment();
        return build(builder, start, "not a git repository (nor any parent directory): " + start.toAbsolutePath());
    }

    /** The repository at or above {@code dir} ({@code --repo DIR}); the environment is ignored. */
    public static GitHeaders open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UapiguardException(Reason.BAD_INPUT, "not a directory: " + dir);
        }
        return build(new FileRepositoryBuilder(), dir, "not a git repository (nor any parent directory): " + dir);
    }

    private static GitHeaders build(FileRepositoryBuilder builder, Path start, String notFound) {
        builder.setMustExist(true).findGitDir(start.toAbsolutePath().normalize().toFile());
        if (builder.getGitDir() == null) {
            throw new UapiguardException(Reason.BAD_INPUT, notFound);
        }
        try {
            return new GitHeaders(builder.build());
        } catch (IOException | IllegalArgumentException e) {
            throw new UapiguardException(Reason.BAD_INPUT, notFound + " (" + e.getMessage() + ")", e);
        }
    }

    public Repository repository() {
        return repository;
    }

    /** The root of the working tree; bad input for a bare repository. */
    public Path workTree() {
        if (repository.isBare()) {
            throw new UapiguardException(Reason.BAD_INPUT,
                    repository.getDirectory() + " is a bare repository: it has no working tree");
        }
        return repository.getWorkTree().toPath();
    }

    /** The commit {@code revision} names (branch, tag, sha, {@code HEAD~2}, ...), tags peeled. */
    public ObjectId resolveCommit(String revision) {
        ObjectId id;
        try {
            id = repository.resolve(revision + "^{commit}");
        } catch (RevisionSyntaxException e) {
            throw new UapiguardException(Reason.BAD_INPUT, "not a revision: '" + revision + "'", e);
        } catch (IOException e) {
            throw new UapiguardException(Reason.NOT_FOUND,
                    "unknown revision '" + revision + "' in " + describe() + ": " + e.getMessage(), e);
        }
        if (id == null) {
            throw new UapiguardException(Reason.NOT_FOUND, "unknown revision '" + revision + "' in " + describe());
        }
        return id;
    }

    /** The text of {@code path} at {@code revision}. */
    public String read(String revision, String path) {
        return read(resolveCommit(revision), path, revision);
    }

    /** The text of {@code path} at {@code commit}; {@code label} names the revision in errors. */
    public String read(ObjectId commit, String path, String label) {
        ObjectId blob = blobAt(commit, path).orElseThrow(() -> new UapiguardException(Reason.NOT_FOUND,
                "path '" + path + "' does not exist in revision '" + label + "'"));
        return readBlob(blob, label + ":" + path);
    }

    /** The text of a blob, e.g. one {@link #history} listed; {@code label} names it in errors. */
    public String readBlob(ObjectId blob, String label) {
        try {
            byte[] bytes = repository.open(blob, Constants.OBJ_BLOB).getCachedBytes(MAX_HEADER_BYTES);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (LargeObjectException e) {
            throw new UapiguardException(Reason.LIMIT_EXCEEDED,
                    label + " is larger than " + (MAX_HEADER_BYTES >> 20) + " MiB: not a header", e);
        } catch (IOException e) {
            throw new UapiguardException(Reason.INTERNAL, "cannot read " + label + ": " + e.getMessage(), e);
        }
    }

    /** The blob of {@code path} at {@code commit}, empty when the path does not exist there; a directory is bad input. */
    public Optional<ObjectId> blobAt(ObjectId commit, String path) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit c = walk.parseCommit(commit);
            try (TreeWalk tree = TreeWalk.forPath(repository, path, c.getTree())) {
                if (tree == null) {
                    return Optional.empty();
                }
                if (tree.isSubtree()) {
                    throw new UapiguardException(Reason.BAD_INPUT, "'" + path + "' is a directory, not a header");
                }
                return Optional.of(tree.getObjectId(0).copy());
            }
        } catch (MissingObjectException e) {
            throw new UapiguardException(Reason.NOT_FOUND,
                    "commit " + commit.name() + " is not in " + describe() + " (fetch it first)", e);
        } catch (IOException e) {
            throw new UapiguardException(Reason.INTERNAL, "cannot read " + commit.name() + ": " + e.getMessage(), e);
        }
    }

    /** Each file {@code watched} matches at {@code commit}, with its blob, in path order. */
    public Map<String, ObjectId> blobsAt(ObjectId commit, PathGlob watched) {
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
            Map<String, ObjectId> out = new LinkedHashMap<>();
            watched.blobsIn(reader, walk.parseCommit(commit).getTree())
                    .forEach((path, blob) -> out.put(path, ObjectId.fromString(blob)));
            return out;
        } catch (MissingObjectException e) {
            throw new UapiguardException(Reason.NOT_FOUND,
                    "commit " + commit.name() + " is not in " + describe() + " (fetch it first)", e);
        } catch (IOException e) {
            throw new UapiguardException(Reason.INTERNAL, "cannot read " + commit.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Each file of the working tree that {@code watched} matches (tracked or not), with the blob id its content would
     * have, in path order: compared with {@link #blobsAt}, it tells the changed headers without reading a blob.
     */
    public Map<String, ObjectId> workingTreeBlobs(PathGlob watched) {
        Path root = workTree();
        List<String> folders = watched.prefixes();
        List<Path> starts = folders.isEmpty() ? List.of(root) : folders.stream().map(root::resolve).toList();
        Map<String, ObjectId> out = new TreeMap<>();
        try (ObjectInserter.Formatter ids = new ObjectInserter.Formatter()) {
            for (Path start : starts) {
                if (Files.isRegularFile(start)) {
                    add(out, ids, root, start, watched);
                } else if (Files.isDirectory(start)) {
                    try (Stream<Path> files = Files.walk(start)) {
                        for (Path file : (Iterable<Path>) files.filter(f -> !f.startsWith(root.resolve(".git")))::iterator) {
                            if (Files.isRegularFile(file)) {
                                add(out, ids, root, file, watched);
                            }
                        }
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UapiguardException(Reason.BAD_INPUT, "cannot read the working tree " + root + ": "
                    + e.getMessage(), e);
        }
        return out;
    }

    private static void add(Map<String, ObjectId> out, ObjectInserter.Formatter ids, Path root, Path file,
                            PathGlob watched) throws IOException {
        String path = root.relativize(file).toString().replace(File.separatorChar, '/');
        if (watched.matches(path) && !out.containsKey(path)) {
            if (Files.size(file) > MAX_HEADER_BYTES) {
                throw new UapiguardException(Reason.LIMIT_EXCEEDED,
                        file + " is larger than " + (MAX_HEADER_BYTES >> 20) + " MiB: not a header");
            }
            out.put(path, ids.idFor(Constants.OBJ_BLOB, Files.readAllBytes(file)));
        }
    }

    /** True when {@code commit} exists in this repository (a pre-push remote sha may not have been fetched). */
    public boolean hasCommit(ObjectId commit) {
        return peelToCommit(commit).isPresent();
    }

    /**
     * The commit {@code id} is or, for an annotated tag, points at; empty when the object is not here
     * (a remote sha not fetched) or is no commit (a tag of a tree or blob).
     */
    public Optional<ObjectId> peelToCommit(ObjectId id) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevObject object = walk.peel(walk.parseAny(id));
            return object instanceof RevCommit commit ? Optional.of(commit.copy()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The text of {@code path} in the working tree. */
    public String readWorkingTree(String path) {
        Path file = workTree().resolve(path).normalize();
        if (!Files.isRegularFile(file)) {
            throw new UapiguardException(Reason.NOT_FOUND, "no such file in the working tree: " + file);
        }
        try {
            if (Files.size(file) > MAX_HEADER_BYTES) {
                throw new UapiguardException(Reason.LIMIT_EXCEEDED,
                        file + " is larger than " + (MAX_HEADER_BYTES >> 20) + " MiB: not a header");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UapiguardException.cannotRead(file, e);
        }
    }

    /**
     * What {@code check} compares against by default: the upstream of the current branch
     * ({@code branch.<name>.remote/merge}) when it exists locally, else {@code HEAD}.
     */
    public String upstreamOrHead() {
        try {
            String full = repository.getFullBranch();
            if (full != null && full.startsWith(Constants.R_HEADS)) {
                String tracking = new BranchConfig(repository.getConfig(), Repository.shortenRefName(full))
                        .getTrackingBranch();
                if (tracking != null && repository.exactRef(tracking) != null) {
                    return tracking;
                }
            }
            return Constants.HEAD;
        } catch (IOException e) {
            throw new UapiguardException(Reason.INTERNAL, "cannot read HEAD of " + describe() + ": " + e.getMessage(), e);
        }
    }

    /** A commit and the ref it was found through, for messages. */
    public record Base(String ref, ObjectId commit) {
    }

    /**
     * Where a new branch pushed to {@code remote} forked off: the merge base of {@code commit} with the remote's
     * default branch ({@code refs/remotes/<remote>/HEAD}, else its {@code main}, else its {@code master}).
     * Empty when the remote has no such branch here or the histories share nothing.
     */
    public Optional<Base> mergeBaseWithDefaultBranch(ObjectId commit, String remote) {
        try {
            for (String name : List.of("HEAD", "main", "master")) {
                Ref ref = repository.exactRef(Constants.R_REMOTES + remote + "/" + name);
                if (ref == null || ref.getObjectId() == null) {
                    continue;
                }
                try (RevWalk walk = new RevWalk(repository)) {
                    walk.setRetainBody(false);
                    walk.setRevFilter(RevFilter.MERGE_BASE);
                    walk.markStart(walk.parseCommit(commit));
                    walk.markStart(walk.parseCommit(ref.getObjectId()));
                    RevCommit base = walk.next();
                    String target = ref.isSymbolic() ? ref.getTarget().getName() : ref.getName();
                    return base == null ? Optional.empty() : Optional.of(new Base(target, base.copy()));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UapiguardException(Reason.INTERNAL, "cannot find a merge base in " + describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * True when a commit reachable from exactly one of {@code from} and {@code to} changed {@code path}
     * (for a fast-forward that is the range {@code from..to}). Uses commit-graph Bloom filters where present,
     * so an untouched range is decided without reading trees. A false answer means the file is the same at both.
     */
    public boolean touches(ObjectId from, ObjectId to, String path) {
        return touches(from, to, PathGlob.of(List.of(path)));
    }

    /**
     * True when a commit reachable from exactly one of {@code from} and {@code to} changed a file {@code watched}
     * matches ({@link #touches(ObjectId, ObjectId, String)} for paths and globs).
     */
    public boolean touches(ObjectId from, ObjectId to, PathGlob watched) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRetainBody(false);
            List<RevCommit> bases = mergeBases(from, to);
            walk.setTreeFilter(watched.changedFilter());
            walk.markStart(walk.parseCommit(to));
            walk.markStart(walk.parseCommit(from));
            for (RevCommit base : bases) {
                walk.markUninteresting(walk.parseCommit(base));
            }
            return walk.next() != null;
        } catch (MissingObjectException e) {
            throw new UapiguardException(Reason.NOT_FOUND,
                    "commit " + e.getObjectId().name() + " is not in " + describe() + " (fetch it first)", e);
        } catch (IOException e) {
            throw new UapiguardException(Reason.INTERNAL, "cannot walk history of " + describe() + ": " + e.getMessage(), e);
        }
    }

    private List<RevCommit> mergeBases(ObjectId a, ObjectId b) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRetainBody(false);
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(a));
            walk.markStart(walk.parseCommit(b));
            List<RevCommit> out = new ArrayList<>();
            for (RevCommit c : walk) {
                out.add(c);
            }
            return out;
        }
    }

    /** One revision of a file: the commit that changed it and the blob it left. */
    public record FileRevision(ObjectId commit, ObjectId blob) {
    }

    /** Every commit reachable from {@code revision} that changed {@code path}, oldest first, with the blob it left. */
    public List<FileRevision> history(String revision, String path) {
        ObjectId tip = resolveCommit(revision);
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRetainBody(false);
            walk.setTreeFilter(ChangedPathTreeFilter.create(path));
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(walk.parseCommit(tip));
            List<FileRevision> out = new ArrayList<>();
            for (RevCommit c : walk) {
                try (TreeWalk tree = TreeWalk.forPath(repository, path, c.getTree())) {
                    if (tree != null && !tree.isSubtree()) {
                        out.add(new FileRevision(c.copy(), tree.getObjectId(0).copy()));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UapiguardException(Reason.INTERNAL, "cannot walk history of " + describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where git looks for hooks: {@code core.hooksPath} when set (relative to the work tree root, as git takes it),
     * else {@code hooks/} in the common git directory (shared by linked work trees).
     */
    public Path hooksDirectory() {
        String configured = repository.getConfig().getString("core", null, "hooksPath");
        if (configured == null || configured.isBlank()) {
            return repository.getCommonDirectory().toPath().resolve("hooks");
        }
        if (configured.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(configured.substring(2));
        }
        Path hooks = Path.of(configured);
        if (hooks.isAbsolute()) {
            return hooks;
        }
        Path root = repository.isBare() ? repository.getDirectory().toPath() : repository.getWorkTree().toPath();
        return root.resolve(hooks).normalize();
    }

    /** How messages name this repository: its work tree, or its directory when bare. */
    public String describe() {
        File dir = repository.isBare() ? repository.getDirectory() : repository.getWorkTree();
        return dir.getPath();
    }

    @Override
    public void close() {
        repository.close();
    }
}
