package io.uapiguard.consumer;

import java.util.regex.Pattern;

/**
 * A text extraction as the real scripts do it, line by line over the header:
 * <ol>
 * <li>{@code start} (optional): the text to seek (Python's {@code find}); reading starts on the line after the one
 * holding it, {@code skip} more lines discarded (bpf_doc.py's {@code seek_to});</li>
 * <li>{@code whilePattern} (optional): only the consecutive lines from there that it matches at their start are read
 * (Python's {@code re.match} in a loop);</li>
 * <li>{@code lines} (optional): a line is used when the regex is found in it (awk's {@code /re/ { ... }});</li>
 * <li>{@code unless} (optional): but not when this one is found in it too: the lines a script reads as something
 * else in the state it is in there (bpf_doc.py reads a description's lines as text, never as a prototype);</li>
 * <li>{@code field} (0: the whole line): the used part, awk's {@code $N} (fields split at blanks);</li>
 * <li>{@code capture}: the first match's group 1 is the line's entry; where it does not match the line gives an
 * empty entry if {@code emptyWhenUnmatched} (awk's {@code match} leaves the array empty and the script prints
 * anyway), else none.</li>
 * </ol>
 * The entries must equal {@code expect} of the model from position {@code expectFrom} on.
 */
public record Extraction(String start, int skip, Pattern whilePattern, Pattern lines, Pattern unless, int field,
                         Pattern capture,
                         boolean emptyWhenUnmatched, Expect expect, int expectFrom) {

    /** A literal every line the {@code lines} regex can match contains, or null: lines without it are not tried. */
    String linesLiteral() {
        return lines == null ? null : requiredPrefix(lines.pattern());
    }

    /** A literal every line the {@code lines} regex can match ends with, or null: lines without it are not tried. */
    String linesSuffix() {
        return lines == null ? null : requiredSuffix(lines.pattern());
    }

    /**
     * The literal text a regex begins with (after an optional {@code ^}), when it has no alternation: every match
     * contains it, so a line without it cannot match. Null when there is none of two characters or more.
     * Conservative: it stops at the first construct that is not a plain or escaped punctuation character, and
     * drops the last character when a quantifier follows it.
     */
    static String requiredPrefix(String regex) {
        if (regex.indexOf('|') >= 0) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = regex.startsWith("^") ? 1 : 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length() && !Character.isLetterOrDigit(regex.charAt(i + 1))) {
                out.append(regex.charAt(i + 1));
                i += 2;
            } else if (c == '\\' || ".[](){}*+?^$".indexOf(c) >= 0) {
                break;
            } else {
                out.append(c);
                i++;
            }
        }
        if (i < regex.length() && "*+?{".indexOf(regex.charAt(i)) >= 0 && out.length() > 0) {
            out.setLength(out.length() - 1);
        }
        return out.length() >= 2 ? out.toString() : null;
    }

    /**
     * The literal text a regex ends with just before its final {@code $}, when it has no alternation outside groups
     * and no inline flags: every match ends the line with it, but for one final line terminator, which {@code $}
     * lets through.
     * Null when there is none. Conservative as {@link #requiredPrefix}: reading backwards from the {@code $}, it
     * stops at the first character that is not a plain or escaped punctuation character (a quantifier, a group's
     * end, a class, an escape such as {@code \w}).
     */
    static String requiredSuffix(String regex) {
        int end = regex.length() - 1;
        if (end < 1 || regex.charAt(end) != '$' || escaped(regex, end) || regex.contains("(?")
                || regex.contains("\\Q") || alternatesOutsideGroups(regex)) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = end - 1;
        while (i >= 0) {
            char c = regex.charAt(i);
            if (escaped(regex, i)) {
                if (Character.isLetterOrDigit(c)) {
                    break;
                }
                out.append(c);
                i -= 2;
            } else if (c == ')' && groupWithoutAlternation(regex, i)) {
                i--;   // a group that ends the match, taken once and whole: its own end ends the match
            } else if (c == '\\' || ".[](){}*+?^$".indexOf(c) >= 0) {
                break;
            } else {
                out.append(c);
                i--;
            }
        }
        return out.length() == 0 ? null : out.reverse().toString();
    }

    /** Whether the group that the unescaped {@code )} at {@code close} ends has no {@code |} of its own. */
    private static boolean groupWithoutAlternation(String regex, int close) {
        int depth = 0;
        for (int i = close - 1; i >= 0; i--) {
            char c = regex.charAt(i);
            if (escaped(regex, i)) {
                continue;
            }
            if (c == '[' || c == ']') {
                return false;
            } else if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) {
                    return !alternatesOutsideGroups(regex.substring(i + 1, close));
                }
                depth--;
            }
        }
        return false;
    }

    /** Whether the regex has a {@code |} outside every group (or a class it cannot read: then true). */
    private static boolean alternatesOutsideGroups(String regex) {
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                return true;   // classes may nest and hold anything: not worth reading here
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the character at {@code i} is escaped: an odd number of backslashes before it. */
    private static boolean escaped(String regex, int i) {
        int n = 0;
        for (int j = i - 1; j >= 0 && regex.charAt(j) == '\\'; j--) {
            n++;
        }
        return n % 2 == 1;
    }
}
