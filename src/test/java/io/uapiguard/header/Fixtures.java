package io.uapiguard.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The front end's fixture headers ({@code src/test/resources/header/<dir>/*.h}) and their golden results beside
 * them. Run with {@code -Dgolden.update=true} to rewrite the goldens after a deliberate change, then review the diff.
 */
public final class Fixtures {

    public static final Path ROOT = Path.of("src", "test", "resources", "header");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private Fixtures() {
    }

    public static List<Path> headers(String dir) {
        try (Stream<Path> files = Files.list(ROOT.resolve(dir))) {
            return files.filter(p -> p.toString().endsWith(".h")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header's text, decoded as the CLI does: bytes that are not UTF-8 become U+FFFD. */
    public static String text(Path header) {
        try {
            return new String(Files.readAllBytes(header), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name errors give the fixture: its path below the fixture root. */
    public static String name(Path header) {
        return ROOT.relativize(header).toString().replace('\\', '/');
    }

    public static void assertGolden(Path header, String extension, String actual) {
        String file = header.getFileName().toString();
        Path golden = header.resolveSibling(file.substring(0, file.length() - 2) + extension);
        try {
            if (UPDATE) {
                Files.writeString(golden, actual);
            }
            assertThat(golden).as("golden file beside " + header).exists();
            assertThat(actual).as(name(header) + " against " + golden.getFileName())
                    .isEqualTo(Files.readString(golden));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
