package io.uapiguard.include;

import io.uapiguard.header.pp.IncludeSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Include directories searched in order, as gcc's {@code -I}: a quoted name first beside the including file, then
 * each directory. A file's key is the SHA-256 of its bytes; a file read once is not read again while its size and
 * modification time stay the same.
 */
public final class IncludeDirectories implements IncludeSource {

    private record Read(long size, long modified, String key, char[] text) {
    }

    private final List<Path> directories;
    private final Map<Path, Read> read = new ConcurrentHashMap<>();

    public IncludeDirectories(List<Path> directories) {
        this.directories = List.copyOf(directories);
    }

    /** {@code include/uapi} and {@code arch/x86/include/uapi} of a kernel tree, where present. */
    public static List<Path> ofKernelTree(Path root) {
        // Not include/ itself: its linux/*.h are the kernel's own headers, not what user space sees.
        return java.util.stream.Stream.of(root.resolve("include/uapi"), root.resolve("arch/x86/include/uapi"))
                .filter(Files::isDirectory).toList();
    }

    public List<Path> directories() {
        return directories;
    }

    @Override
    public Found find(String name, boolean quoted, String includer) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\0")) {
            return null;
        }
        if (quoted && includer != null) {
            Path parent = Path.of(includer).getParent();
            Found beside = file(parent == null ? Path.of(name) : parent.resolve(name));
            if (beside != null) {
                return beside;
            }
        }
        for (Path d : directories) {
            Found f = file(d.resolve(name));
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private Found file(Path path) {
        Path p = path.normalize();
        try {
            if (!Files.isRegularFile(p)) {
                return null;
            }
            long size = Files.size(p);
            long modified = Files.getLastModifiedTime(p).toMillis();
            Read r = read.get(p);
            if (r == null || r.size != size || r.modified != modified) {
                byte[] bytes = Files.readAllBytes(p);
                r = new Read(size, modified, "sha256:" + sha256(bytes),
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

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
