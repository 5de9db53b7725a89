package io.uapiguard.include;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.git.GitHeaders;
import io.uapiguard.header.pp.IncludeSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Includes resolved in one revision of a kernel-shaped tree, as {@code gcc -Iinclude/uapi -Iarch/x86/include/uapi}
 * in its root would: a quoted name first beside the including file, then {@code include/uapi/} and the target's
 * {@code arch/x86/include/uapi/} of the same revision, then {@code fallback} (the configured system directories).
 * The revision's files are read through {@link Files}, which a git tree, the store or a candidate's changed headers
 * answer; a file of the revision is named by its repository path and keyed by its content, so its tokens are shared
 * by every revision that holds the same content. Thread-safe when {@link Files} is.
 */
public final class RevisionIncludes implements IncludeSource {

    /** The revision's include folders searched in order: the UAPI and the target's (x86-64) architecture UAPI. */
    public static final List<String> ROOTS = List.of("include/uapi/", "arch/x86/include/uapi/");

    /** The files of one revision, by repository path. */
    public interface Files {

        /**
         * A key of the content of {@code path} (its blob id, as {@code git:ID}: one content, one key, whatever
         * revision holds it), or null when the revision has no such file.
         */
        String key(String path);

        /** The text of the file whose key {@link #key} gave. */
        char[] text(String path, String key);
    }

    /**
     * The files of a git tree (a commit's): each path's blob id as key ({@code git:ID}), so the front end lexes one
     * included blob once whatever revision includes it. Thread-safe: JGit opens a reader per call.
     */
    public static Files gitTree(Repository repo, RevTree tree) {
        return new Files() {
            @Override
            public String key(String path) {
                try (TreeWalk walk = TreeWalk.forPath(repo, path, tree)) {
                    return walk == null || walk.isSubtree() ? null : "git:" + walk.getObjectId(0).name();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public char[] text(String path, String key) {
                ObjectId blob = ObjectId.fromString(key.substring("git:".length()));
                try {
                    byte[] bytes = repo.open(blob, Constants.OBJ_BLOB).getCachedBytes(GitHeaders.MAX_HEADER_BYTES);
                    return new String(bytes, StandardCharsets.UTF_8).toCharArray();
                } catch (LargeObjectException e) {
                    throw new UapiguardException(Reason.LIMIT_EXCEEDED, path + " is larger than "
                            + (GitHeaders.MAX_HEADER_BYTES >> 20) + " MiB: not a header", e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /**
     * The files of a tree on disk under {@code root} (a working tree), keyed by the SHA-256 of their bytes. Read
     * once each; thread-safe.
     */
    public static Files directory(Path root) {
        Map<String, Optional<char[]>> read = new ConcurrentHashMap<>();
        Map<String, String> keys = new ConcurrentHashMap<>();
        return new Files() {
            @Override
            public String key(String path) {
                Optional<char[]> text = read.computeIfAbsent(path, p -> {
                    Path file = root.resolve(p);
                    try {
                        if (!java.nio.file.Files.isRegularFile(file)) {
                            return Optional.empty();
                        }
                        byte[] bytes = java.nio.file.Files.readAllBytes(file);
                        keys.put(p, IncludeSource.contentKey(bytes));
                        return Optional.of(new String(bytes, StandardCharsets.UTF_8).toCharArray());
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                });
                return text.isPresent() ? keys.get(path) : null;
            }

            @Override
            public char[] text(String path, String key) {
                return read.get(path).orElseThrow();
            }
        };
    }

    private final Files files;
    private final IncludeSource fallback;

    public RevisionIncludes(Files files, IncludeSource fallback) {
        this.files = files;
        this.fallback = fallback;
    }

    @Override
    public Found find(String name, boolean quoted, String includer) {
        if (!IncludeNames.acceptable(name)) {
            return null;
        }
        if (quoted && inRevision(includer)) {
            int slash = includer.lastIndexOf('/');
            Found beside = file(slash < 0 ? "" : includer.substring(0, slash + 1), name);
            if (beside != null) {
                return beside;
            }
        }
        Found found = search(name, 0);
        // The fallback's quoted lookup beside the includer is meant for its own files, not a repository path.
        return found != null ? found : fallback.find(name, quoted && !inRevision(includer), includer);
    }

    @Override
    public Found findNext(String name, String includer) {
        if (!IncludeNames.acceptable(name)) {
            return null;
        }
        if (!inRevision(includer)) {
            return fallback.findNext(name, includer);
        }
        int after = 0;
        for (int i = 0; i < ROOTS.size(); i++) {
            if (includer.startsWith(ROOTS.get(i))) {
                after = i + 1;
            }
        }
        Found found = search(name, after);
        return found != null ? found : fallback.find(name, false, null);
    }

    private Found search(String name, int from) {
        for (int i = from; i < ROOTS.size(); i++) {
            Found f = file(ROOTS.get(i), name);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** A path of this revision: relative, as the parsed header's own name and the files found here are. */
    private static boolean inRevision(String includer) {
        return includer != null && !includer.startsWith("/");
    }

    /** The file {@code name} in the folder {@code base} ("" or ending in '/'), or null. */
    private Found file(String base, String name) {
        String normal = IncludeNames.normalize(base + IncludeNames.normalize(name));
        String key = files.key(normal);
        if (key == null) {
            return null;
        }
        return new Found() {
            @Override
            public String path() {
                return normal;
            }

            @Override
            public String key() {
                return key;
            }

            @Override
            public char[] text() {
                return files.text(normal, key);
            }
        };
    }
}
