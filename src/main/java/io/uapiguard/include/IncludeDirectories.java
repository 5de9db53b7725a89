package io.uapiguard.include;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.uapiguard.header.pp.IncludeSource;
import io.uapiguard.model.Abi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Include directories searched in order, as gcc's {@code -I}: a quoted name first beside the including file, then
 * each directory. A file's key is the SHA-256 of its bytes; a file read once is not read again while its size and
 * modification time stay the same, and a path looked at less than a second ago is not looked at again (a change
 * to an include directory is seen a second late at most).
 */
public final class IncludeDirectories implements IncludeSource {

    private record Read(long size, long modified, String key, char[] text) {
    }

    private final List<Path> directories;
    private final Map<Path, Read> read = new ConcurrentHashMap<>();

    public IncludeDirectories(List<Path> directories) {
        this.directories = directories.stream().map(Path::normalize).toList();
    }

    /**
     * The directories gcc searches by default for {@code abi} on a Debian-like system, where present: gcc's own
     * ({@code /usr/lib/gcc/TRIPLET/N/include}, the highest N), {@code /usr/local/include}, the multiarch
     * {@code /usr/include/TRIPLET} (where {@code asm/} and glibc's {@code bits/} live) and {@code /usr/include}.
     */
    public static List<Path> system(Abi abi) {
        return system(Path.of("/"), abi);
    }

    static List<Path> system(Path root, Abi abi) {
        List<Path> dirs = new ArrayList<>();
        gccInclude(root.resolve("usr/lib/gcc").resolve(abi.multiarch())).ifPresent(dirs::add);
        dirs.add(root.resolve("usr/local/include"));
        dirs.add(root.resolve("usr/include").resolve(abi.multiarch()));
        dirs.add(root.resolve("usr/include"));
        return dirs.stream().filter(Files::isDirectory).toList();
    }

    private static Optional<Path> gccInclude(Path versions) {
        try (Stream<Path> each = Files.list(versions)) {
            return each.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)*"))
                    .max(Comparator.comparing(v -> Runtime.Version.parse(v.getFileName().toString())))
                    .map(v -> v.resolve("include")).filter(Files::isDirectory);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code include/uapi} and {@code arch/x86/include/uapi} of a kernel tree, where present. */
    public static List<Path> ofKernelTree(Path root) {
        // Not include/ itself: its linux/*.h are the kernel's own headers, not what user space sees.
        return Stream.of(root.resolve("include/uapi"), root.resolve("arch/x86/include/uapi"))
                .filter(Files::isDirectory).toList();
    }

    /**
     * The directories of a comma-separated setting ({@code uapiguard.include-dirs}), searched in that order;
     * {@link IncludeSource#NONE} when it names none.
     */
    public static IncludeSource configured(String commaSeparated) {
        List<Path> dirs = commaSeparated == null ? List.of() : Stream.of(commaSeparated.split(","))
                .map(String::strip).filter(d -> !d.isEmpty()).map(Path::of).toList();
        return dirs.isEmpty() ? IncludeSource.NONE : new IncludeDirectories(dirs);
    }

    public List<Path> directories() {
        return directories;
    }

    @Override
    public Found find(String name, boolean quoted, String includer) {
        if (!IncludeNames.acceptable(name)) {
            return null;
        }
        if (quoted && includer != null) {
            Found beside = file(Path.of(includer).getParent(), name);
            if (beside != null) {
                return beside;
            }
        }
        return search(name, 0);
    }

    /** After the directory {@code includer} lies in; from the first when it lies in none, as gcc does. */
    @Override
    public Found findNext(String name, String includer) {
        if (!IncludeNames.acceptable(name)) {
            return null;
        }
        Path at = Path.of(includer).toAbsolutePath().normalize();
        for (int i = 0; i < directories.size(); i++) {
            if (at.startsWith(directories.get(i).toAbsolutePath())) {
                return search(name, i + 1);
            }
        }
        return search(name, 0);
    }

    private Found search(String name, int from) {
        for (int i = from; i < directories.size(); i++) {
            Found f = file(directories.get(i), name);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** {@code name} (an {@link IncludeNames#acceptable} one) under {@code base}; null: the working directory. */
    private Found file(Path base, String name) {
        Path relative = Path.of(name).normalize();
        return file(base == null ? relative : base.resolve(relative));
    }

    /**
     * What each path held when last looked at, for a second: the system headers are looked up in every directory by
     * every header, and a stat per try cost 8 % of modelling the whole tree. Bounded: a checked header chooses what
     * its includes name.
     */
    private final Cache<Path, Optional<Found>> probes = Caffeine.newBuilder().maximumSize(20_000)
            .expireAfterWrite(Duration.ofSeconds(1)).executor(Runnable::run).build();

    private Found file(Path path) {
        return probes.get(path.normalize(), p -> Optional.ofNullable(read(p))).orElse(null);
    }

    private Found read(Path p) {
        try {
            if (!Files.isRegularFile(p)) {
                return null;
            }
            long size = Files.size(p);
            long modified = Files.getLastModifiedTime(p).toMillis();
            Read r = read.get(p);
            if (r == null || r.size != size || r.modified != modified) {
                byte[] bytes = Files.readAllBytes(p);
                r = new Read(size, modified, IncludeSource.contentKey(bytes),
                        new String(bytes, StandardCharsets.UTF_8).toCharArray());
                read.put(p, r);
            }
            Read found = r;
            String shown = p.toString();
            return new Found() {
                @Override
                public String path() {
                    return shown;
                }

                @Override
                public String key() {
                    return found.key;
                }

                @Override
                public char[] text() {
                    return found.text;
                }
            };
        } catch (IOException e) {
            return null;
        }
    }

}
