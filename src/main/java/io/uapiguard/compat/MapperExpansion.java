package io.uapiguard.compat;

import io.uapiguard.model.Mapper;
import io.uapiguard.model.MapperMacro;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the mapper's C expansion as a list of entries, so appends can be told from other changes. */
final class MapperExpansion {

    /** The compatibility macro C users call; its absence is {@code mapper.removed}. */
    static final String MAPPER = "__BPF_FUNC_MAPPER";

    private MapperExpansion() {
    }

    /** Entries at parenthesis depth 0, split on commas, with whitespace removed: {@code FN(unspec)}. */
    static List<String> entries(String expansion) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < expansion.length(); i++) {
            char c = expansion.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                flush(cur, out);
            } else if (!Character.isWhitespace(c)) {
                cur.append(c);
            }
        }
        flush(cur, out);
        return out;
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() > 0) {
            out.add(cur.toString());
            cur.setLength(0);
        }
    }

    /** Index of the first old entry that the new expansion does not keep in place, or -1 when new only appends. */
    static int firstBreak(List<String> oldEntries, List<String> newEntries) {
        for (int i = 0; i < oldEntries.size(); i++) {
            if (i >= newEntries.size() || !oldEntries.get(i).equals(newEntries.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** True when both sides define the mapper and the new expansion keeps every old entry in place. */
    static boolean compatible(Match.MapperPair m) {
        return m.bothDefined() && m.expansionBreak() == null;
    }

    /** The first old entry the new expansion does not keep in place: its index, and what stands there now. */
    record Break(int at, String was, String now) {
    }

    /**
     * {@link #firstBreak(List, List)} of two mappers, old helpers read under their new names; null when new only
     * appends, or when a side does not define the mapper.
     */
    static Break firstBreak(Mapper oldMapper, Mapper newMapper, Map<String, String> renamedHelpers) {
        if (oldMapper.expansion() == null || newMapper.expansion() == null) {
            return null;
        }
        if (renamedHelpers.isEmpty() && appendsOnly(oldMapper.expansion(), newMapper.expansion())) {
            return null;   // most revisions leave the mapper alone or append: no need to split thousands of characters
        }
        List<String> was = oldEntries(oldMapper, renamedHelpers);
        List<String> now = entries(newMapper.expansion());
        int at = firstBreak(was, now);
        return at < 0 ? null : new Break(at, was.get(at), at < now.size() ? now.get(at) : null);
    }

    /**
     * True when {@code now} is {@code was}, or {@code was} followed by more entries: it starts with the same text,
     * which closes every parenthesis it opens, and goes on only after a comma. A false answer decides nothing.
     */
    static boolean appendsOnly(String was, String now) {
        if (!now.startsWith(was)) {
            return false;
        }
        int depth = 0;
        char last = ',';
        for (int i = 0; i < was.length(); i++) {
            char c = was.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (!Character.isWhitespace(c)) {
                last = c;
            }
        }
        if (depth != 0) {
            return false;
        }
        if (last == ',') {
            return true;   // the next character starts a new entry, whatever it is
        }
        for (int i = was.length(); i < now.length(); i++) {
            char c = now.charAt(i);
            if (c == ',') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;   // only whitespace was added
    }

    /** The old entries with renamed helpers under their new names ({@code FN(old)} read as {@code FN(new)}). */
    static List<String> oldEntries(Mapper oldMapper, Map<String, String> renamedHelpers) {
        List<String> entries = entries(oldMapper.expansion());
        if (renamedHelpers.isEmpty()) {
            return entries;
        }
        List<String> out = new ArrayList<>(entries.size());
        for (String e : entries) {
            int open = e.indexOf('(');
            int end = open < 0 ? -1 : firstArgumentEnd(e, open + 1);
            String renamed = end < 0 ? null : renamedHelpers.get(e.substring(open + 1, end));
            out.add(renamed == null ? e : e.substring(0, open + 1) + renamed + e.substring(end));
        }
        return out;
    }

    private static int firstArgumentEnd(String entry, int from) {
        for (int i = from; i < entry.length(); i++) {
            char c = entry.charAt(i);
            if (c == ',' || c == ')') {
                return i;
            }
        }
        return -1;
    }

    static MapperMacro macro(Mapper mapper, String name) {
        return mapper.macros().stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }

    static int line(Mapper mapper) {
        MapperMacro m = macro(mapper, MAPPER);
        return m == null ? 0 : m.line();
    }
}
