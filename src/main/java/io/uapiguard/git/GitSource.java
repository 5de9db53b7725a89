package io.uapiguard.git;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Where a repository's history comes from: a local repository (opened in place), a git bundle file, or a remote
 * URL. Bundles and URLs are mirrored into a bare repository in the cache directory and fetched at each ingest.
 */
public final class GitSource {

    private static final Pattern SCP_LIKE = Pattern.compile("^[\\w.-]+@[\\w.-]+:.+");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.+");
    private static final List<RefSpec> MIRROR = List.of(
            new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*"));

    static {
        // JGit reads commit-graph Bloom filters only when its own user config allows it.
        try {
            StoredConfig jgit = SystemReader.getInstance().getJGitConfig();
            jgit.setBoolean(ConfigConstants.CONFIG_COMMIT_GRAPH_SECTION, null,
                    ConfigConstants.CONFIG_KEY_READ_CHANGED_PATHS, true);
        } catch (IOException | ConfigInvalidException e) {
            // Without it the walk is correct, only slower on large histories.
        }
    }

    private GitSource() {
    }

    enum Kind { LOCAL, BUNDLE, REMOTE }

    public static boolean isUrl(String location) {
        return SCHEME.matcher(location).matches() || SCP_LIKE.matcher(location).matches();
    }

    /** Longer than any path Linux opens (PATH_MAX). */
    static final int MAX_PATH = 4096;

    /**
     * A local location as a path; BAD_INPUT past {@link #MAX_PATH}, before the text becomes a {@code Path}: the JDK
     * keeps the last path each thread gave the file system, so a 5 MB one stayed on every container thread.
     */
    public static Path localPath(String location) {
        if (location.length() > MAX_PATH) {
            throw new UapiguardException(Reason.BAD_INPUT, "a local repository location has at most " + MAX_PATH
                    + " characters: " + UapiguardException.quote(location));
        }
        return Path.of(location);
    }

    /** Classifies a location, or BAD_INPUT naming what is wrong with it. */
    public static Kind kind(String location) {
        if (location == null || location.isBlank()) {
            throw new UapiguardException(Reason.BAD_INPUT, "a repository location is required");
        }
        if (isUrl(location)) {
            try {
                new URIish(location);
            } catch (URISyntaxException e) {
                throw new UapiguardException(Reason.BAD_INPUT, "not a valid repository URL: " + location);
            }
            return Kind.REMOTE;
        }
        Path path = localPath(location);
        if (Files.isRegularFile(path)) {
            return Kind.BUNDLE;
        }
        if (!Files.isDirectory(path)) {
            throw new UapiguardException(Reason.BAD_INPUT, location + ": no such file or directory");
        }
        if (RepositoryCache.FileKey.resolve(path.toFile(), FS.DETECTED) == null) {
            throw new UapiguardException(Reason.BAD_INPUT, location + ": not a git repository");
        }
        return Kind.LOCAL;
    }

    /** Opens the repository at {@code location}, updating the cache mirror of a bundle or URL first. */
    public static Repository open(String location, Path cacheDir) {
        Kind kind = kind(location);
        try {
            if (kind == Kind.LOCAL) {
                File gitDir = RepositoryCache.FileKey.resolve(Path.of(location).toFile(), FS.DETECTED);
                Repository repo = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build();
                // In memory only: the user's repository config is not ours to rewrite.
                repo.getConfig().setBoolean(ConfigConstants.CONFIG_CORE_SECTION, null,
                        ConfigConstants.CONFIG_COMMIT_GRAPH, true);
                return repo;
            }
            String uri = kind == Kind.BUNDLE ? Path.of(location).toAbsolutePath().toUri().toString() : location;
            Path mirror = mirror(cacheDir, uri);
            Repository repo = new FileRepositoryBuilder().setGitDir(mirror.toFile()).setMustExist(true).build();
            try (Git git = new Git(repo)) {
                git.fetch().setRemote(uri).setRefSpecs(MIRROR).setRemoveDeletedRefs(true).setTagOpt(
                        org.eclipse.jgit.transport.TagOpt.NO_TAGS).setTimeout(FETCH_IDLE_SECONDS).call();
            } catch (GitAPIException | RuntimeException e) {
                repo.close();
                throw new UapiguardException(Reason.BAD_INPUT, "cannot fetch " + location + ": " + rootMessage(e), e);
            }
            return repo;
        } catch (IOException e) {
            throw new UapiguardException(Reason.BAD_INPUT, "cannot open " + location + ": " + rootMessage(e), e);
        }
    }

    /** The bare mirror for {@code uri}, created atomically (a half-made mirror is never left in the cache). */
    /** A fetch that receives nothing for this long fails, rather than holding its ingest (and repository) forever. */
    static final int FETCH_IDLE_SECONDS = 300;

    private static Path mirror(Path cacheDir, String uri) throws IOException {
        Path dir = cacheDir.resolve(slug(uri) + ".git");
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Files.createDirectories(cacheDir);
        Path tmp = Files.createTempDirectory(cacheDir, ".new-");
        try {
            try (Git git = Git.init().setBare(true).setDirectory(tmp.toFile()).call()) {
                StoredConfig config = git.getRepository().getConfig();
                config.setBoolean(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_COMMIT_GRAPH, true);
                config.setString("uapiguard", null, "source", uri);
                config.save();
            } catch (GitAPIException e) {
                throw new IOException(e.getMessage(), e);
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // Another process made it first; use theirs.
            } catch (IOException e) {
                if (!Files.isDirectory(dir)) {
                    throw e;
                }
            }
            return dir;
        } finally {
            deleteTree(tmp);
        }
    }

    static String slug(String uri) {
        String last = uri.replaceAll("[/\\\\]+$", "");
        last = last.substring(Math.max(last.lastIndexOf('/'), last.lastIndexOf(':')) + 1)
                .replaceAll("\\.(git|bundle)$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return last.toLowerCase(Locale.ROOT) + "-" + HexFormat.of().formatHex(sha256(uri), 0, 6);
    }

    /** A repository name derived from a location: its last path segment without .git/.bundle. */
    public static String deriveName(String location) {
        String s = location.replaceAll("[/\\\\]+$", "");
        if (!isUrl(location)) {
            Path p = Path.of(s).toAbsolutePath().normalize();
            s = p.getFileName() == null ? "repository" : p.getFileName().toString();
        }
        s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf(':')) + 1)
                .replaceAll("\\.(git|bundle)$", "").replaceAll("[^A-Za-z0-9._-]", "-");
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "repository" : s;
    }

    /** The default cache: {@code $XDG_CACHE_HOME/uapiguard/repos}, else {@code ~/.cache/uapiguard/repos}. */
    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("uapiguard").resolve("repos");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return t == e ? m : e.getMessage() + " (" + m + ")";
    }

    /** SHA-256 of a text's UTF-8 bytes (cache directory names, ref-state digests). */
    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
