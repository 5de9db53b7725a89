package io.uapiguard.compat;

import io.uapiguard.model.EnumDecl;

/** How enum findings name things, and which enumerators are sentinels rather than API values. */
final class Enums {

    private Enums() {
    }

    /** {@code __MAX_*}, {@code MAX_*}, {@code *_MAX_ID}, {@code __*_MAX}: counts that move whenever the enum grows. */
    static boolean sentinel(String name) {
        return name.startsWith("__MAX_") || name.startsWith("MAX_") || name.endsWith("_MAX_ID")
                || (name.startsWith("__") && name.endsWith("_MAX") && name.length() > 6);
    }

    static String label(EnumDecl e) {
        return e.name() == null ? "anonymous enum" : "enum " + e.name();
    }

    static String attachName(EnumDecl e) {
        return e.name() == null ? "(anonymous)" : e.name();
    }
}
