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
 * <li>{@code field} (0: the whole line): the used part, awk's {@code $N} (fields split at blanks);</li>
 * <li>{@code capture}: the first match's group 1 is the line's entry; where it does not match the line gives an
 * empty entry if {@code emptyWhenUnmatched} (awk's {@code match} leaves the array empty and the script prints
 * anyway), else none.</li>
 * </ol>
 * The entries must equal {@code expect} of the model from position {@code expectFrom} on.
 */
public record Extraction(String start, int skip, Pattern whilePattern, Pattern lines, int field, Pattern capture,
                         boolean emptyWhenUnmatched, Expect expect, int expectFrom) {

    /** A literal every line the {@code lines} regex can match contains, or null: lines without it are not tried. */
    String linesLiteral() {
        return lines == null ? null : requiredPrefix(lines.pattern());
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
}
