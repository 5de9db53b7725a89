package io.uapiguard.patch;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.FormatError;
import org.eclipse.jgit.patch.HunkHeader;
import org.eclipse.jgit.patch.Patch;

/**
 * Applies the hunks that touch one path, message by message for an mbox series, the way {@code git apply} does
 * without fuzz: every context and removed line must match, at the stated line or shifted by an offset.
 * Thread-safe and stateless.
 */
public final class HeaderPatcher {

    /** The separator line git format-patch and mbox files put before each message. */
    private static final Pattern MBOX_FROM = Pattern.compile("(?m)^From \\S+ +(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ");

    /** The largest distance a hunk may move from its stated line, as git apply allows offsets. */
    private static final int MAX_OFFSET = 10_000;

    /** Line comparisons one patch may cost before it is refused: a crafted patch must not hold a worker. */
    static final long MAX_COMPARISONS = 50_000_000L;

    /** Counts the comparisons of one {@link #apply} call. */
    private static final class Budget {
        private long left = MAX_COMPARISONS;

        void spend(long n) {
            left -= n;
            if (left < 0) {
                throw new UapiguardException(Reason.LIMIT_EXCEEDED, "the patch costs more than " + MAX_COMPARISONS
                        + " line comparisons to place its hunks; send the full header instead");
            }
        }
    }

    /**
     * Returns {@code baseText} with every hunk of {@code patchText} for {@code path} applied in order.
     * A patch that touches other files only returns the base unchanged.
     *
     * @throws UapiguardException PARSE_ERROR when the patch is malformed or a hunk does not apply
     */
    public String apply(String path, String baseText, String patchText) {
        List<String> lines = splitLines(baseText);
        Budget budget = new Budget();
        boolean endsWithNewline = baseText.isEmpty() || baseText.endsWith("\n");
        List<Patch> patches = parse(patchText);
        for (int i = 0; i < patches.size(); i++) {
            int message = i + 1;
            for (FileHeader file : patches.get(i).getFiles()) {
                if (!touches(file, path)) {
                    continue;
                }
                if (file.getChangeType() == ChangeType.DELETE) {
                    throw new UapiguardException(Reason.PARSE_ERROR, "the patch deletes " + path + where(message));
                }
                if (file.getChangeType() == ChangeType.RENAME && !path.equals(file.getNewPath())) {
                    throw new UapiguardException(Reason.PARSE_ERROR,
                            "the patch renames " + path + " to " + file.getNewPath() + where(message));
                }
                if (file.getPatchType() != FileHeader.PatchType.UNIFIED) {
                    // "Binary files ... differ" or a GIT binary patch: no hunk to apply, so no text to judge.
                    throw new UapiguardException(Reason.PARSE_ERROR, "the patch changes " + path
                            + where(message) + " as a binary file, which cannot be applied as text");
                }
                for (HunkHeader hunk : file.getHunks()) {
                    endsWithNewline = applyHunk(path, message, hunk, lines, endsWithNewline, budget);
                }
            }
        }
        String joined = String.join("\n", lines);
        return lines.isEmpty() ? "" : endsWithNewline ? joined + "\n" : joined;
    }

    /**
     * Every path the patch or series changes (old and new names, without {@code a/} and {@code b/}), in order.
     *
     * @throws UapiguardException PARSE_ERROR when the patch is malformed or changes no file
     */
    public Set<String> paths(String patchText) {
        Set<String> paths = new LinkedHashSet<>();
        for (Patch patch : parse(patchText)) {
            for (FileHeader file : patch.getFiles()) {
                for (String name : new String[] {file.getOldPath(), file.getNewPath()}) {
                    String path = stripPrefix(name);
                    if (path != null && !path.equals(DiffEntry.DEV_NULL)) {
                        paths.add(path);
                    }
                }
            }
        }
        return paths;
    }

    /** The paths the patch or series creates (new files, no base text to apply to), in order. */
    public Set<String> createdPaths(String patchText) {
        Set<String> created = new LinkedHashSet<>();
        for (Patch patch : parse(patchText)) {
            for (FileHeader file : patch.getFiles()) {
                if (file.getChangeType() == ChangeType.ADD || file.getChangeType() == ChangeType.COPY) {
                    created.add(stripPrefix(file.getNewPath()));
                }
            }
        }
        return created;
    }

    /** The paths the patch or series leaves deleted: deleted by a message and not created again by a later one. */
    public Set<String> deletedPaths(String patchText) {
        Set<String> deleted = new LinkedHashSet<>();
        for (Patch patch : parse(patchText)) {
            for (FileHeader file : patch.getFiles()) {
                if (file.getChangeType() == ChangeType.DELETE) {
                    deleted.add(stripPrefix(file.getOldPath()));
                } else {
                    deleted.remove(stripPrefix(file.getNewPath()));
                }
            }
        }
        return deleted;
    }

    /** One JGit patch per message; PARSE_ERROR for a malformed one, or when no message changes a file. */
    private static List<Patch> parse(String patchText) {
        List<Patch> patches = new ArrayList<>();
        boolean sawAnyFile = false;
        for (String part : splitMessages(patchText)) {
            Patch patch = new Patch();
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            patch.parse(bytes, 0, bytes.length);
            for (FormatError error : patch.getErrors()) {
                if (error.getSeverity() == FormatError.Severity.ERROR) {
                    throw new UapiguardException(Reason.PARSE_ERROR,
                            "malformed patch" + where(patches.size() + 1) + ": " + error.getMessage()
                                    + " near '" + error.getLineText().strip() + "'");
                }
            }
            sawAnyFile |= !patch.getFiles().isEmpty();
            patches.add(patch);
        }
        if (!sawAnyFile) {
            throw new UapiguardException(Reason.PARSE_ERROR,
                    "no file changes found in the patch: expected a unified diff, git format-patch output or an mbox");
        }
        return patches;
    }

    private static boolean touches(FileHeader file, String path) {
        return path.equals(stripPrefix(file.getNewPath())) || path.equals(stripPrefix(file.getOldPath()));
    }

    /** Traditional diffs (no "diff --git" line) keep the a/ and b/ prefixes in their names. */
    private static String stripPrefix(String name) {
        if (name != null && (name.startsWith("a/") || name.startsWith("b/"))) {
            return name.substring(2);
        }
        return name;
    }

    private static String where(int message) {
        return message > 1 ? " (patch " + message + " of the series)" : "";
    }

    /** Returns whether the result still ends with a newline. */
    private static boolean applyHunk(String path, int message, HunkHeader hunk, List<String> lines,
                                     boolean endsWithNewline, Budget budget) {
        String text = new String(hunk.getBuffer(), hunk.getStartOffset(), hunk.getEndOffset() - hunk.getStartOffset(),
                StandardCharsets.UTF_8);
        List<String> hunkLines = splitLines(text);
        String header = hunkLines.get(0);
        int atEnd = header.indexOf("@@", 2);
        String hunkName = atEnd > 0 ? header.substring(0, atEnd + 2) : header;
        List<String> oldSide = new ArrayList<>();
        List<String> newSide = new ArrayList<>();
        boolean newEndsWithNewline = true;
        char previous = ' ';
        for (String line : hunkLines.subList(1, hunkLines.size())) {
            char kind = line.isEmpty() ? ' ' : line.charAt(0);
            String body = line.isEmpty() ? "" : line.substring(1);
            switch (kind) {
                case ' ' -> {
                    oldSide.add(body);
                    newSide.add(body);
                }
                case '-' -> oldSide.add(body);
                case '+' -> newSide.add(body);
                case '\\' -> {
                    if (previous != '-') {
                        newEndsWithNewline = false;
                    }
                }
                default -> {
                    // The end of the hunk's body (a mail signature "-- " is parsed away by JGit).
                }
            }
            previous = kind;
        }
        int stated = Math.max(0, hunk.getOldImage().getStartLine() - 1);
        if (hunk.getOldImage().getLineCount() == 0) {
            // "@@ -N,0 ..." inserts after line N.
            stated = hunk.getOldImage().getStartLine();
        }
        if (stated > lines.size() + MAX_OFFSET) {
            // Also keeps the placement arithmetic below far from int overflow, whatever the header says.
            throw new HunkFailedException(path, hunkName, lines.size(),
                    "hunk " + hunkName + " of " + path + where(message) + " starts at line " + (stated + 1L)
                            + ", beyond the header's " + lines.size() + " lines");
        }
        int at = locate(lines, oldSide, stated, budget);
        if (at < 0) {
            int mismatch = firstMismatch(lines, oldSide, stated);
            String detail;
            if (stated + mismatch >= lines.size()) {
                detail = "the header has only " + lines.size() + " lines";
            } else {
                detail = "expected '" + oldSide.get(mismatch).strip() + "' but the header has '"
                        + lines.get(stated + mismatch).strip() + "'";
            }
            throw new HunkFailedException(path, hunkName, stated + mismatch + 1,
                    "hunk " + hunkName + " of " + path + where(message) + " does not apply at line "
                            + (stated + mismatch + 1) + ": " + detail);
        }
        List<String> tail = lines.subList(at, at + oldSide.size());
        boolean touchesEnd = at + oldSide.size() == lines.size();
        tail.clear();
        tail.addAll(newSide);
        return touchesEnd ? newEndsWithNewline : endsWithNewline;
    }

    /** The index where {@code old} matches, searching outward from {@code stated}; -1 when nowhere. */
    private static int locate(List<String> lines, List<String> old, int stated, Budget budget) {
        int limit = Math.max(lines.size(), stated) + 1;
        for (int delta = 0; delta <= MAX_OFFSET && delta <= limit; delta++) {
            if (matches(lines, old, stated + delta, budget)) {
                return stated + delta;
            }
            if (delta > 0 && matches(lines, old, stated - delta, budget)) {
                return stated - delta;
            }
        }
        return -1;
    }

    private static boolean matches(List<String> lines, List<String> old, int at, Budget budget) {
        if (at < 0 || at + old.size() > lines.size()) {
            return false;
        }
        for (int i = 0; i < old.size(); i++) {
            if (!lines.get(at + i).equals(old.get(i))) {
                budget.spend(i + 1);
                return false;
            }
        }
        budget.spend(old.size());
        return true;
    }

    private static int firstMismatch(List<String> lines, List<String> old, int at) {
        for (int i = 0; i < old.size(); i++) {
            if (at + i >= lines.size() || !lines.get(at + i).equals(old.get(i))) {
                return i;
            }
        }
        return 0;
    }

    /** Lines without their terminators; a final newline does not make an extra empty line. */
    private static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                out.add(text.substring(start, end));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** One part per message of an mbox or format-patch series; a bare diff is one part. */
    static List<String> splitMessages(String patchText) {
        List<String> parts = new ArrayList<>();
        var matcher = MBOX_FROM.matcher(patchText);
        int start = 0;
        while (matcher.find()) {
            if (matcher.start() > start) {
                parts.add(patchText.substring(start, matcher.start()));
            }
            start = matcher.start();
        }
        parts.add(patchText.substring(start));
        parts.removeIf(p -> p.isBlank());
        return parts;
    }
}
