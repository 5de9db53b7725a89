package io.uapiguard.model;

import java.util.List;

/**
 * The one spelling of a C type that the model uses, so that two spellings of the same type compare equal as text.
 *
 * <p>The spelling is lexical: tokens are kept in the order written (so {@code char const *} stays as it is; no
 * qualifier is moved), separated by one space, except that a {@code *} sticks to a following {@code *}
 * ({@code char **}), nothing stands before {@code [ ] ) ,} or after {@code [ (}, and a {@code ,} is followed by one
 * space. Examples: {@code struct bpf_map*} → {@code struct bpf_map *}, {@code void*} → {@code void *},
 * {@code __u8 [ 16 ]} → {@code __u8[16]}. The front end spells every type it hands to the model this way
 * ({@link #normalize} of text, {@link #join} of tokens); {@link #collapseBlanks} is the weaker key on which the
 * comparison matches types from any model, stored ones included.
 */
public final class CTypes {

    private CTypes() {
    }

    /** {@code typeText} in the normalised spelling; blank text gives the empty string. */
    public static String normalize(String typeText) {
        if (isPlainWords(typeText)) {
            return typeText;
        }
        StringBuilder out = new StringBuilder(typeText.length() + 4);
        int n = typeText.length();
        int i = 0;
        char prev = 0; // last character of the previous token, 0 at the start
        while (i < n) {
            char c = typeText.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                i++;
                continue;
            }
            int start = i;
            if (isWordChar(c)) {
                while (i < n && isWordChar(typeText.charAt(i))) {
                    i++;
                }
            } else if (c == '.' && typeText.startsWith("...", i)) {
                i += 3;
            } else {
                i++;
            }
            if (prev != 0 && spaceBetween(prev, c)) {
                out.append(' ');
            }
            out.append(typeText, start, i);
            prev = typeText.charAt(i - 1);
        }
        return out.toString();
    }

    /**
     * The normalised spelling of a type already split into tokens (words, punctuators, {@code ...}): the same
     * text as {@link #normalize} of the tokens joined by spaces, without joining and splitting again.
     */
    public static String join(List<String> tokens) {
        if (tokens.size() == 1) {
            return tokens.get(0);
        }
        StringBuilder out = new StringBuilder();
        char prev = 0;
        for (String t : tokens) {
            if (prev != 0 && spaceBetween(prev, t.charAt(0))) {
                out.append(' ');
            }
            out.append(t);
            prev = t.charAt(t.length() - 1);
        }
        return out.toString();
    }

    /**
     * {@code type} with leading and trailing blanks removed and every other run of blanks as one space; null gives
     * the empty string. Weaker than {@link #normalize} (no space is added or moved around punctuation): the
     * comparison's key, which must match a type exactly as any model spells it, stored ones of older versions
     * included. One pass that copies nothing when the type has no extra blanks, as the front end's types have
     * none; ASCII other than blanks needs no {@link Character#isWhitespace} call.
     */
    public static String collapseBlanks(String type) {
        if (type == null) {
            return "";
        }
        String t = type.strip();
        StringBuilder out = null;
        boolean space = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean ws = (c <= ' ' || c >= 128) && Character.isWhitespace(c);
            if (out == null && ws && (c != ' ' || space)) {
                out = new StringBuilder(t.length()).append(t, 0, i);
            }
            if (out != null && !(ws && space)) {
                out.append(ws ? ' ' : c);
            }
            space = ws;
        }
        return out == null ? t : out.toString();
    }

    private static boolean spaceBetween(char prev, char next) {
        if (next == '*') {
            return prev != '*' && prev != '(';
        }
        if (next == '[' || next == ']' || next == ')' || next == ',') {
            return false;
        }
        if (prev == '[' || prev == '(') {
            return false;
        }
        return true;
    }

    /** Words separated by single spaces ({@code unsigned int}): already normal, the common case. */
    private static boolean isPlainWords(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return n == 0;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!isWordChar(c) && !(c == ' ' && s.charAt(i - 1) != ' ')) {
                return false;
            }
        }
        return true;
    }

    public static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
