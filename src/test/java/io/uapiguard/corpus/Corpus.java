package io.uapiguard.corpus;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.uapiguard.header.HeaderParser;
import io.uapiguard.model.UapiModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.BundleWriter;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.util.FileSystemUtils;

/**
 * The real history of the BPF UAPI in {@code ../shared/corpus/}, read in place: bpf.h alone ({@link #require()}) and
 * the thirteen headers of libbpf's {@code include/uapi/linux/} ({@link #requireHeaders()}). Both skip the test with a
 * visible reason where their bundle is absent (a user's fresh clone).
 */
public final class Corpus {

    public static final String HEADER_PATH = "include/uapi/linux/bpf.h";
    /** The bundle of bpf.h's history alone. */
    public static final String BPF_BUNDLE = "bpf-uapi-history.bundle";
    /** The bundle of thirteen headers under include/uapi/linux/. */
    public static final String HEADERS_BUNDLE = "libbpf-uapi-headers.bundle";

    private static final Map<String, Corpus> instances = new HashMap<>();

    private final Path bundle;
    private final Repository repository;
    private List<Revision> revisions;
    private List<UapiModel> models;

    private Corpus(Path bundle, Repository repository) {
        this.bundle = bundle;
        this.repository = repository;
    }

    /** Where the bundle is expected: {@code $UAPIGUARD_CORPUS} or {@code ../shared/corpus/} beside the checkout. */
    public static Path bundlePath() {
        return bundlePath(BPF_BUNDLE);
    }

    /** Where the bundle {@code name} is expected, beside the bpf.h one. */
    public static Path bundlePath(String name) {
        String dir = System.getenv("UAPIGUARD_CORPUS");
        Path base = dir != null ? Path.of(dir) : Path.of("..", "shared", "corpus");
        return base.resolve(name).toAbsolutePath().normalize();
    }

    /** bpf.h's history, cloned once per JVM from the bundle into {@code target/}; skips the test where it is absent. */
    public static Corpus require() {
        return require(BPF_BUNDLE);
    }

    /** The thirteen headers' history, cloned once per JVM; skips the test where the bundle is absent. */
    public static Corpus requireHeaders() {
        return require(HEADERS_BUNDLE);
    }

    private static synchronized Corpus require(String name) {
        Path bundle = bundlePath(name);
        assumeTrue(Files.isRegularFile(bundle), "corpus absent: no " + bundle + " (see shared/corpus/README.md)");
        Corpus instance = instances.get(name);
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "corpus-");
                Git git = Git.cloneRepository()
                        .setURI(bundle.toUri().toString())
                        .setDirectory(dir.toFile())
                        .setBare(true)
                        .setCloneAllBranches(true)
                        .setBranch(Constants.R_HEADS + "master")
                        .call();
                instance = new Corpus(bundle, git.getRepository());
                instances.put(name, instance);
                // One clone per test JVM: gone with it, so that target/ does not collect them.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    git.close();
                    try {
                        FileSystemUtils.deleteRecursively(dir);
                    } catch (IOException e) {
                        // left for 'mvn clean'
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GitAPIException e) {
                throw new IllegalStateException("cannot clone " + bundle, e);
            }
        }
        return instance;
    }

    public Path bundle() {
        return bundle;
    }

    public Repository repository() {
        return repository;
    }

    /**
     * A bundle of this history cut at {@code cut} (a revision, {@code refs/heads/master~10}): master moved there, and
     * only the tags it contains, as the history looked then. Written to {@code file}.
     */
    public Path bundle(Path file, String cut) throws IOException {
        ObjectId master = repository.resolve(cut);
        BundleWriter writer = new BundleWriter(repository);
        writer.include(Constants.R_HEADS + "master", master);
        try (RevWalk walk = new RevWalk(repository)) {
            for (Ref tag : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                if (walk.isMergedInto(walk.parseCommit(tag.getObjectId()), walk.parseCommit(master))) {
                    writer.include(tag.getName(), tag.getObjectId());
                }
            }
        }
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            writer.writeBundle(NullProgressMonitor.INSTANCE, out);
        }
        return file;
    }

    /** One revision of the header: its commit and text. */
    public record Revision(ObjectId commit, ObjectId blob, String text) {
    }

    /** Every revision of the header on master, oldest first; read from git once per JVM and shared by all tests. */
    public synchronized List<Revision> revisions() {
        if (revisions == null) {
            revisions = List.copyOf(readRevisions());
        }
        return revisions;
    }

    /**
     * The model of every revision, oldest first (the file named {@code COMMIT:PATH}): parsed once per JVM and shared
     * by the corpus tests that walk the whole history (about 64 MB).
     */
    public synchronized List<UapiModel> models() {
        if (models == null) {
            HeaderParser parser = new HeaderParser();
            List<UapiModel> out = new ArrayList<>();
            for (Revision r : revisions()) {
                out.add(parser.parse(r.commit().name() + ":" + HEADER_PATH, r.text()));
            }
            models = List.copyOf(out);
        }
        return models;
    }

    /** The text of every revision, oldest first. */
    public List<String> texts() {
        return revisions().stream().map(Revision::text).toList();
    }

    /** A revision's text read as an edit of an earlier one's, and how a failure names the pair. */
    public record Edit(String base, String text, String what) {
    }

    /**
     * Every revision as an edit of the one before, then every {@code far}-th as an edit of the one {@code far} before
     * (more hunks, some large enough for a change to be split inside them).
     */
    public List<Edit> edits(int far) {
        List<String> texts = texts();
        List<Edit> out = new ArrayList<>();
        for (int i = 1; i < texts.size(); i++) {
            out.add(new Edit(texts.get(i - 1), texts.get(i), "revision " + i));
        }
        for (int i = far; i < texts.size(); i += far) {
            out.add(new Edit(texts.get(i - far), texts.get(i), "revision " + i + " from " + (i - far)));
        }
        return out;
    }

    private List<Revision> readRevisions() {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(repository.resolve("refs/heads/master")));
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.REVERSE, true);
            List<Revision> out = new ArrayList<>();
            for (RevCommit c : walk) {
                try (TreeWalk tw = TreeWalk.forPath(repository, HEADER_PATH, c.getTree())) {
                    if (tw != null) {
                        ObjectId blob = tw.getObjectId(0);
                        byte[] bytes = repository.open(blob, Constants.OBJ_BLOB).getBytes();
                        out.add(new Revision(c.copy(), blob.copy(), new String(bytes, StandardCharsets.UTF_8)));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
