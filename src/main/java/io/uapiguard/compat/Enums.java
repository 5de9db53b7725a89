package io.uapiguard.compat;

import io.uapiguard.model.EnumDecl;
import java.util.regex.Pattern;

/** How enum findings name things, and which enumerators are sentinels rather than API values. */
final class Enums {

    /** {@code __MAX_*}, {@code MAX_*}, {@code *_MAX_ID}, {@code __*_MAX}: counts that move whenever the enum grows. */
    private static final Pattern SENTINEL = Pattern.compile("__MAX_.*|MAX_.*|.*_MAX_ID|__.*_MAX");

    private Enums() {
    }

    static boolean sentinel(String name) {
        return SENTINEL.matcher(name).matches();
    }

    static String label(EnumDecl e) {
        return e.name() == null ? "anonymous enum" : "enum " + e.name();
    }

    static String attachName(EnumDecl e) {
        return e.name() == null ? "(anonymous)" : e.name();
    }
}
