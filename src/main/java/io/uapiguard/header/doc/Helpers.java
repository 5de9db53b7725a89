package io.uapiguard.header.doc;

import io.uapiguard.model.EnumConstant;
import io.uapiguard.model.EnumDecl;
import io.uapiguard.model.Helper;
import io.uapiguard.model.HelperDoc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The helpers of one header: the helper enum's constants joined with their documented signatures. */
public final class Helpers {

    /**
     * Helper names, interned: the names of two revisions parsed in one process are the same Strings, and the
     * comparison's lookups stop at identity. A table of their own, a few hundred names that every parse of bpf.h
     * reads: the shared word table's two slots for each, among 64 K, were a miss in memory under load (2.3 % of a
     * check). Emptied at {@link #MAX_NAMES}, so that a header of made-up names cannot grow it.
     */
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();
    static final int MAX_NAMES = 8192;

    private Helpers() {
    }

    /** The one String of the helper name {@code name}. */
    static String intern(String name) {
        String known = NAMES.get(name);
        if (known != null) {
            return known;
        }
        if (NAMES.size() >= MAX_NAMES) {
            NAMES.clear();
        }
        known = NAMES.putIfAbsent(name, name);
        return known != null ? known : name;
    }

    /**
     * Every {@code BPF_FUNC_xxx} of {@code enum bpf_func_id}, with its documented signatures in order: a doc of
     * {@code bpf_xxx} belongs to the first of its {@link HelperDocParser#helperCandidates candidate names} the
     * enum holds.
     */
    public static List<Helper> of(List<EnumDecl> enums, List<HelperDoc> docs) {
        List<EnumConstant> entries = new ArrayList<>();
        for (EnumDecl e : enums) {
            if (Helper.ENUM.equals(e.name())) {
                for (EnumConstant c : e.constants()) {
                    if (c.name().startsWith(Helper.PREFIX)) {
                        entries.add(c);
                    }
                }
                break;
            }
        }
        // Each entry's docs, in the entries' order: the helpers are made from this list, not looked up again.
        List<List<HelperDoc>> docsOf = new ArrayList<>(entries.size());
        Map<String, List<HelperDoc>> byHelper = new HashMap<>(entries.size() * 2);
        for (EnumConstant c : entries) {
            // An enumerator written twice shares its docs, as one name.
            docsOf.add(byHelper.computeIfAbsent(c.name().substring(Helper.PREFIX.length()), k -> new ArrayList<>()));
        }
        for (HelperDoc d : docs) {
            for (String candidate : HelperDocParser.helperCandidates(d.function())) {
                List<HelperDoc> mine = byHelper.get(candidate);
                if (mine != null) {
                    mine.add(d);
                    break;
                }
            }
        }
        List<Helper> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            EnumConstant c = entries.get(i);
            String name = intern(c.name().substring(Helper.PREFIX.length()));
            out.add(new Helper(name, c.value().longValue(), c.line(), docsOf.get(i)));
        }
        return out;
    }
}
