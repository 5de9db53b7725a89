package io.uapiguard.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An original header and its copy, which should hold the same text in every revision: two files, or two folders
 * (each ending in {@code /}) whose headers pair by the rest of their path. The kernel keeps such a copy of its UAPI
 * headers under {@code tools/include/uapi/} for libbpf, bpftool and perf ({@link #KERNEL_TOOLS}).
 */
public record Mirror(String original, String copy) {

    /** The default: {@code include/uapi/X} and {@code tools/include/uapi/X}, wherever both are watched. */
    public static final Mirror KERNEL_TOOLS = new Mirror("include/uapi/", "tools/include/uapi/");

    public Mirror {
        problem(original, copy).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    /** Why {@code original} and {@code copy} make no mirror, for the readers of configurations to report. */
    public static Optional<String> problem(String original, String copy) {
        if (original == null || original.isBlank() || copy == null || copy.isBlank()) {
            return Optional.of("a mirror needs an 'original' and a 'copy' path");
        }
        if (original.endsWith("/") != copy.endsWith("/")) {
            return Optional.of("a mirror pairs two files or two folders (both ending in '/'), not '" + original
                    + "' and '" + copy + "'");
        }
        if (original.equals(copy)) {
            return Optional.of("a mirror's original and copy are the same path '" + original + "'");
        }
        return Optional.empty();
    }

    public boolean folders() {
        return original.endsWith("/");
    }

    /**
     * The pairs of files that {@code mirrors} make among the {@code watched} paths: a file pair when both are
     * watched, and for a folder pair each watched header under the original whose copy is watched too. Each pair
     * once, in the order of the watched originals.
     */
    public static List<Mirror> filePairs(List<Mirror> mirrors, Collection<String> watched) {
        Set<Mirror> pairs = new LinkedHashSet<>();
        Set<String> known = Set.copyOf(watched);
        for (String path : watched) {
            for (Mirror m : mirrors) {
                String copy = !m.folders() ? (m.original().equals(path) ? m.copy() : null)
                        : path.startsWith(m.original()) ? m.copy() + path.substring(m.original().length()) : null;
                if (copy != null && known.contains(copy)) {
                    pairs.add(new Mirror(path, copy));
                }
            }
        }
        return new ArrayList<>(pairs);
    }
}
