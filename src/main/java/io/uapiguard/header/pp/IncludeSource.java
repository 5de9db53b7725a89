package io.uapiguard.header.pp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where the preprocessor finds the file an {@code #include} names, as a compiler's {@code -I} search path does: a
 * directory tree, a revision's tree in git, nothing. The front end only asks; reading files, and the policy of where
 * to look, belong to the caller. Implementations are thread-safe: one source may serve parses on several threads.
 */
public interface IncludeSource {

    /** Finds nothing: every include is missing (a gap of the model). */
    IncludeSource NONE = (name, quoted, includer) -> null;

    /**
     * The file {@code #include <name>} (or {@code "name"} when {@code quoted}) in {@code includer} stands for, or
     * null when there is none. {@code includer} is the path of the including file as this source gave it (or the
     * parsed header's own name), so a quoted name can be looked up beside it first.
     */
    Found find(String name, boolean quoted, String includer);

    /**
     * The file GNU {@code #include_next <name>} in {@code includer} stands for: the search goes on after the place
     * {@code includer} was found in (glibc's {@code limits.h} reaches gcc's so). A source without an order of places
     * finds nothing.
     */
    default Found findNext(String name, String includer) {
        return null;
    }

    /** The key of a file's content that every source gives a file it read itself: {@code sha256:} and the hex digest. */
    static String contentKey(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A found file. */
    interface Found {

        /** Its path as errors and tokens name it, and as {@link #find} reads it back as an includer. */
        String path();

        /**
         * A key of its content (a blob id, a content hash): two files with the same key have the same text, so its
         * lexed tokens are shared between them and across parses.
         */
        String key();

        /** Its text, asked for only when the tokens of {@link #key()} are not cached; the caller does not change it. */
        char[] text();
    }
}
