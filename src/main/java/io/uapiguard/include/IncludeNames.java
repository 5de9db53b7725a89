package io.uapiguard.include;

import java.util.ArrayList;
import java.util.List;

/** What an {@code #include} may name, for every include source: one rule for the disk and for git. */
final class IncludeNames {

    private IncludeNames() {
    }

    /**
     * A name to look up: relative, without NUL or backslash, and not climbing above the folder it is looked up in
     * ({@code linux/../../x.h} finds nothing: a header must not reach files outside the include tree).
     */
    static boolean acceptable(String name) {
        return !name.isEmpty() && !name.startsWith("/") && name.indexOf('\0') < 0 && name.indexOf('\\') < 0
                && normalize(name) != null;
    }

    /** {@code a/./b/../c} as {@code a/c}; null when a {@code ..} climbs above the root. */
    static String normalize(String path) {
        List<String> out = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (out.isEmpty()) {
                    return null;
                }
                out.remove(out.size() - 1);
            } else {
                out.add(segment);
            }
        }
        return out.isEmpty() ? null : String.join("/", out);
    }
}
