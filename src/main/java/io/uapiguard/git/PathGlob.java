package io.uapiguard.git;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.ChangedPathTreeFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The watched header paths of a repository: repository-relative paths or globs, where {@code *} and {@code ?} match
 * within one folder name and {@code **} any number of folders ({@code include/uapi/**}{@code /*.h} is every header
 * under {@code include/uapi/}, at any depth). A path without wildcards watches exactly that file. Immutable.
 */
public final class PathGlob {

    /** What a repository watches when it names nothing: every UAPI header under {@code include/uapi/}. */
    public static final String UAPI_HEADERS = "include/uapi/**/*.h";

    private final List<String> patterns;
    private final List<Pattern> regexes;
    /** The folder before each pattern's first wildcard (the whole path for a literal one); "" for none. */
    private final List<String> prefixes;

    private PathGlob(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        this.regexes = patterns.stream().map(PathGlob::regex).toList();
        this.prefixes = patterns.stream().map(PathGlob::literalPrefix).toList();
    }

    /** The watched paths {@code patterns}; BAD_INPUT naming one that is not a relative path or glob. */
    public static PathGlob of(List<String> patterns) {
        for (String p : patterns) {
            problem(p).ifPresent(why -> {
                throw new UapiguardException(Reason.BAD_INPUT, "header path '" + p + "' " + why);
            });
        }
        return new PathGlob(patterns);
    }

    /** What is wrong with {@code pattern} as a watched path or glob, if anything. */
    public static java.util.Optional<String> problem(String pattern) {
        if (pattern == null || pattern.isEmpty() || pattern.startsWith("/") || pattern.endsWith("/")
                || pattern.contains("//") || List.of(pattern.split("/")).contains("..") || pattern.contains("\\")) {
            return java.util.Optional.of("must be relative to the repository root, like include/uapi/linux/bpf.h or "
                    + UAPI_HEADERS);
        }
        for (String segment : pattern.split("/")) {
            if (segment.contains("**") && !segment.equals("**")) {
                return java.util.Optional.of("may use '**' only as a whole folder name, as in " + UAPI_HEADERS);
            }
        }
        return java.util.Optional.empty();
    }

    /** True when {@code pattern} has a wildcard. */
    public static boolean isGlob(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }

    public List<String> patterns() {
        return patterns;
    }

    /** True when some pattern matches the repository path {@code path}. */
    public boolean matches(String path) {
        for (Pattern r : regexes) {
            if (r.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The watched headers of two revisions ({@code headers}, either side) and those whose blobs differ ({@code changed}). */
    public record Change(List<String> headers, List<String> changed) {
    }

    /**
     * Which watched headers two revisions hold and which of them changed, told by blob id (path to blob of each side),
     * so that an unchanged header is neither read nor parsed; an added or deleted one counts as changed.
     */
    public <B> Change change(Map<String, B> before, Map<String, B> after) {
        Set<String> present = new HashSet<>(before.keySet());
        present.addAll(after.keySet());
        List<String> headers = select(present);
        return new Change(headers, headers.stream().filter(p -> !Objects.equals(before.get(p), after.get(p))).toList());
    }

    /**
     * The {@code paths} that match, each once: in the order of the patterns, and in path order among the matches of
     * one pattern (a list of literal paths keeps its order).
     */
    public List<String> select(Collection<String> paths) {
        List<String> sorted = paths.stream().sorted().distinct().toList();
        Set<String> out = new LinkedHashSet<>();
        for (Pattern r : regexes) {
            for (String path : sorted) {
                if (r.matcher(path).matches()) {
                    out.add(path);
                }
            }
        }
        return List.copyOf(out);
    }

    /** True when some file under the folder {@code dir} could match. */
    boolean couldMatchUnder(String dir) {
        for (String prefix : prefixes) {
            if (prefix.isEmpty() || prefix.startsWith(dir + "/") || prefix.equals(dir) || dir.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    /** The folders (or files) every match lies under, for commit-graph Bloom filters; empty when one is the root. */
    List<String> prefixes() {
        return prefixes.contains("") ? List.of() : prefixes.stream().distinct().toList();
    }

    /**
     * A tree filter passing the files that match and the folders that may hold one; for a history walk, with the
     * commit-graph's changed-path Bloom filters consulted on the patterns' folders ({@link ChangedPathTreeFilter}),
     * then {@link TreeFilter#ANY_DIFF}: the commits that changed a watched header.
     */
    public TreeFilter changedFilter() {
        List<TreeFilter> filters = new ArrayList<>();
        List<String> folders = prefixes();
        if (!folders.isEmpty()) {
            filters.add(ChangedPathTreeFilter.create(folders.toArray(String[]::new)));
        }
        filters.add(treeFilter());
        filters.add(TreeFilter.ANY_DIFF);
        return AndTreeFilter.create(filters);
    }

    /** A tree filter passing the files that match and the folders that may hold one. */
    public TreeFilter treeFilter() {
        return new TreeFilter() {
            @Override
            public boolean include(TreeWalk walker) {
                String path = walker.getPathString();
                return walker.isSubtree() ? couldMatchUnder(path) : matches(path);
            }

            @Override
            public boolean shouldBeRecursive() {
                return true;
            }

            @Override
            public TreeFilter clone() {
                return this;
            }

            @Override
            public String toString() {
                return "PATH_GLOB(" + String.join(", ", patterns) + ")";
            }
        };
    }

    /** Each watched file of {@code tree} (regular files only) with its blob id, in path order. */
    public Map<String, String> blobsIn(ObjectReader reader, ObjectId tree) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            walk.setFilter(treeFilter());
            while (walk.next()) {
                if ((walk.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_FILE) {
                    out.put(walk.getPathString(), walk.getObjectId(0).name());
                }
            }
        }
        return out;
    }

    private static String literalPrefix(String pattern) {
        if (!isGlob(pattern)) {
            return pattern;
        }
        String[] segments = pattern.split("/");
        StringBuilder prefix = new StringBuilder();
        for (String s : segments) {
            if (isGlob(s)) {
                break;
            }
            if (!prefix.isEmpty()) {
                prefix.append('/');
            }
            prefix.append(s);
        }
        return prefix.toString();
    }

    private static Pattern regex(String pattern) {
        StringBuilder re = new StringBuilder();
        String[] segments = pattern.split("/");
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if (s.equals("**")) {
                re.append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }
            for (char ch : s.toCharArray()) {
                switch (ch) {
                    case '*' -> re.append("[^/]*");
                    case '?' -> re.append("[^/]");
                    default -> re.append(Pattern.quote(String.valueOf(ch)));
                }
            }
            if (!last) {
                re.append('/');
            }
        }
        return Pattern.compile(re.toString());
    }

    @Override
    public String toString() {
        return String.join(", ", patterns);
    }
}
