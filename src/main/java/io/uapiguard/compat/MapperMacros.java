package io.uapiguard.compat;

import io.uapiguard.model.Mapper;
import io.uapiguard.model.MapperMacro;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mapper macros as a text scraper reads them: which macro a forwarding mapper passes FN on to, which macro
 * finally writes the {@code FN(...)} entries, and how one entry reads ({@code FN(name, id, ##ctx)}).
 */
final class MapperMacros {

    private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Pattern NUMBER = Pattern.compile("[0-9][0-9A-Za-z]*");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Mapper chains in bpf.h are two macros deep; this bounds a header that makes them cycle. */
    private static final int MAX_FORWARDS = 8;

    private MapperMacros() {
    }

    /** The other mapper macros {@code m}'s body names, in order: the first is the one it calls. */
    static Set<String> named(MapperMacro m, Mapper mapper) {
        Set<String> out = new LinkedHashSet<>();
        Matcher word = WORD.matcher(m.body() == null ? "" : m.body());
        while (word.find()) {
            String name = word.group();
            if (!name.equals(m.name()) && MapperExpansion.macro(mapper, name) != null) {
                out.add(name);
            }
        }
        return out;
    }

    /** The mapper macro {@code m}'s body calls first, or null when it calls none. */
    static String forwardsTo(MapperMacro m, Mapper mapper) {
        Matcher call = CALL.matcher(m.body() == null ? "" : m.body());
        while (call.find()) {
            String name = call.group(1);
            if (!name.equals(m.name()) && MapperExpansion.macro(mapper, name) != null) {
                return name;
            }
        }
        return null;
    }

    /**
     * The macro that writes the entries a user of {@code __BPF_FUNC_MAPPER} gets: the mapper itself when it calls
     * FN, else the macro it passes FN on to, followed as far as the chain goes; null without a mapper.
     */
    static MapperMacro writer(Mapper mapper) {
        MapperMacro m = MapperExpansion.macro(mapper, MapperExpansion.MAPPER);
        for (int i = 0; m != null && m.fnArity() == 0 && i < MAX_FORWARDS; i++) {
            String next = forwardsTo(m, mapper);
            m = next == null ? null : MapperExpansion.macro(mapper, next);
        }
        return m == null || m.fnArity() == 0 ? null : m;
    }

    /**
     * How the first entry of {@code writer} reads, its helper and id generalised: {@code FN(unspec, 0, ## ctx)}
     * reads {@code FN(name, id, ##ctx)}; {@code FN(...)} with the arity alone when the body is not at hand.
     */
    static String entryForm(MapperMacro writer) {
        String body = writer.body() == null ? "" : writer.body();
        Matcher call = CALL.matcher(body);
        while (call.find()) {
            String fn = call.group(1);
            if (!writer.params().contains(fn)) {
                continue;
            }
            List<String> args = arguments(body, call.end());
            if (args == null) {
                break;
            }
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                shown.add(i == 0 && WORD.matcher(a).matches() ? "name" : NUMBER.matcher(a).matches() ? "id" : a);
            }
            return fn + "(" + String.join(", ", shown) + ")";
        }
        return "FN(" + writer.fnArity() + (writer.fnArity() == 1 ? " argument)" : " arguments)");
    }

    /** The arguments of the call whose '(' ends at {@code from}, blanks removed; null when it is not closed. */
    private static List<String> arguments(String text, int from) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ')' && depth == 0) {
                if (cur.length() > 0 || !out.isEmpty()) {
                    out.add(cur.toString());
                }
                return out;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                out.add(cur.toString());
                cur.setLength(0);
            } else if (!Character.isWhitespace(c)) {
                cur.append(c);
            }
        }
        return null;
    }
}
