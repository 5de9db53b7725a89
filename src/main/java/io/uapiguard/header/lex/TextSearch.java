package io.uapiguard.header.lex;

/**
 * Searches through a header's text made of the JDK's one-character search, which runs in wide vector steps. Its
 * search for a string of several characters uses a much slower instruction and stops at every occurrence of the
 * first one: through bpf.h's 170 KB helper comment, 0.3-0.4 ms for a star-slash (a star starts every line) against a
 * few microseconds for its slashes; a loop over the characters is slower still.
 */
public final class TextSearch {

    /** Ranges shorter than this are read character by character. */
    private static final int SHORT_RANGE = 1024;

    private TextSearch() {
    }

    /**
     * Where the first star-slash that begins at or after {@code from} begins, or -1: each {@code '/'} after
     * {@code from} with a {@code '*'} just before it.
     */
    public static int commentClose(String text, int from) {
        for (int slash = text.indexOf('/', from + 1); slash >= 0; slash = text.indexOf('/', slash + 1)) {
            if (text.charAt(slash - 1) == '*') {
                return slash - 1;
            }
        }
        return -1;
    }

    /** Where {@code word} first occurs in {@code text} at or after {@code from}, or -1: by its first character. */
    public static int indexOf(String text, String word, int from) {
        return indexOf(text, word, from, text.length());
    }

    /** Where {@code word} first occurs wholly within {@code text[from, to)}, or -1. */
    public static int indexOf(String text, String word, int from, int to) {
        if (word.isEmpty()) {
            return from <= Math.min(to, text.length()) ? Math.max(from, 0) : -1;
        }
        char first = word.charAt(0);
        int last = Math.min(to, text.length()) - word.length();
        if (last - from < SHORT_RANGE) {
            // The JDK's search cannot be told where to stop: past a short range it would read on to the next
            // occurrence, however far (a hunk of a few lines, then the rest of the header).
            for (int i = Math.max(from, 0); i <= last; i++) {
                if (text.charAt(i) == first && text.startsWith(word, i)) {
                    return i;
                }
            }
            return -1;
        }
        for (int i = text.indexOf(first, from); i >= 0 && i <= last; i = text.indexOf(first, i + 1)) {
            if (text.startsWith(word, i)) {
                return i;
            }
        }
        return -1;
    }

    /** How many line ends lie in {@code text[from, to)}. */
    public static int lineEnds(String text, int from, int to) {
        int n = 0;
        for (int i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
            n++;
        }
        return n;
    }
}
