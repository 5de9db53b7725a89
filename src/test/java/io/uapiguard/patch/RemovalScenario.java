package io.uapiguard.patch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * The case on a header laid out like the kernel's (src/test/resources/lines/bpf.h): 200 lines inserted at
 * the top and one enumerator removed. The removal is placed right where its text was: its old line plus 200.
 */
public final class RemovalScenario {

    public static final String PATH = "include/uapi/linux/bpf.h";
    public static final String TOOLS_PATH = "tools/include/uapi/linux/bpf.h";
    public static final String REMOVED = "BPF_MAP_TYPE_BLOOM_FILTER";
    public static final int INSERTED = 200;

    public static final String OLD_TEXT = read();
    public static final String NEW_TEXT = edit(OLD_TEXT);
    /** The removed enumerator's line in the old header. */
    public static final int OLD_LINE = lineOf(OLD_TEXT, "\t" + REMOVED + " ");
    /** Where its text was removed in the new header: the line now standing in its place. */
    public static final int NEW_LINE = OLD_LINE + INSERTED;

    private RemovalScenario() {
    }

    /** The change as {@code git diff} writes it (histogram diff, three lines of context). */
    public static String patch() {
        RawText a = new RawText(OLD_TEXT.getBytes(StandardCharsets.UTF_8));
        RawText b = new RawText(NEW_TEXT.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter formatter = new DiffFormatter(out)) {
            formatter.format(new HistogramDiff().diff(RawTextComparator.DEFAULT, a, b), a, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "diff --git a/" + PATH + " b/" + PATH + "\n--- a/" + PATH + "\n+++ b/" + PATH + "\n"
                + out.toString(StandardCharsets.UTF_8);
    }

    private static String read() {
        try (InputStream in = RemovalScenario.class.getResourceAsStream("/lines/bpf.h")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String edit(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= INSERTED; i++) {
            out.append("/* inserted line ").append(i).append(" */\n");
        }
        for (String line : text.split("\n", -1)) {
            if (!line.startsWith("\t" + REMOVED + " ")) {
                out.append(line).append('\n');
            }
        }
        return out.substring(0, out.length() - 1);   // split's last, empty piece added one newline too many
    }

    private static int lineOf(String text, String start) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(start)) {
                return i + 1;
            }
        }
        throw new IllegalStateException("no line starts with " + start);
    }
}
