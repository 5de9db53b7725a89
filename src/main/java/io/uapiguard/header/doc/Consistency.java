package io.uapiguard.header.doc;

import io.uapiguard.model.Helper;
import io.uapiguard.model.HelperDoc;
import io.uapiguard.model.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is inconsistent inside one revision between {@code enum bpf_func_id}, the helper documentation and the
 * explicit ids of the mapper macro. Messages follow one pattern: "Helper bpf_foo (id 42) has no documentation."
 * The result is ordered by line, then kind, then symbol.
 */
public final class Consistency {

    /** {@code BPF_FUNC_unspec}: id 0, not a helper, never documented. */
    public static final String PLACEHOLDER = "unspec";

    private static final Comparator<Problem> ORDER = Comparator.comparingInt(Problem::line)
            .thenComparing(Problem::kind).thenComparing(Problem::symbol);

    private Consistency() {
    }

    /**
     * @param enumHelpers   the helpers of the enum, with their docs attached
     * @param docs          every documented signature
     * @param mapperEntries the mapper's explicit {@code FN(name, id)} entries; empty for the positional shape
     */
    public static List<Problem> check(List<Helper> enumHelpers, List<HelperDoc> docs, List<Helper> mapperEntries) {
        return check(enumHelpers, docs, mapperEntries, List.of());
    }

    /** As {@link #check(List, List, List)}, also reporting the malformed signature lines of the documentation. */
    public static List<Problem> check(List<Helper> enumHelpers, List<HelperDoc> docs, List<Helper> mapperEntries,
            List<HelperDocParser.Malformed> malformed) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Helper> byName = new HashMap<>(enumHelpers.size() * 2);
        Map<Long, Helper> byId = new HashMap<>(enumHelpers.size() * 2);
        List<Helper> inLineOrder = new ArrayList<>(enumHelpers);
        inLineOrder.sort(Comparator.comparingInt(Helper::line));
        for (Helper h : inLineOrder) {
            byName.putIfAbsent(h.name(), h);
            Helper first = byId.putIfAbsent(h.id(), h);
            if (first != null) {
                problems.add(new Problem(Problem.DUPLICATE_ID, h.name(), h.line(), "Helper " + display(h.name()) + " (id "
                        + h.id() + ") has the same id as " + display(first.name()) + " (line " + first.line() + ")."));
            }
            if (h.docs().isEmpty() && !PLACEHOLDER.equals(h.name())) {
                problems.add(new Problem(Problem.UNDOCUMENTED, h.name(), h.line(),
                        "Helper " + display(h.name()) + " (id " + h.id() + ") has no documentation."));
            }
        }
        for (HelperDoc doc : docs) {
            if (!documentsAny(doc, byName)) {
                problems.add(new Problem(Problem.DOC_ORPHAN, doc.function(), doc.line(),
                        "Helper " + doc.function() + " is documented but has no BPF_FUNC_ entry in enum bpf_func_id."));
            }
        }
        for (Helper entry : mapperEntries) {
            Helper h = byName.get(entry.name());
            if (h == null) {
                problems.add(new Problem(Problem.MAPPER_ID_MISMATCH, entry.name(), entry.line(), "Helper "
                        + display(entry.name()) + " (id " + entry.id() + ") of the mapper is not in enum bpf_func_id."));
            } else if (h.id() != entry.id()) {
                problems.add(new Problem(Problem.MAPPER_ID_MISMATCH, entry.name(), entry.line(), "Helper "
                        + display(entry.name()) + " (id " + h.id() + ") has id " + entry.id() + " in the mapper."));
            }
        }
        for (HelperDocParser.Malformed m : malformed) {
            problems.add(new Problem(Problem.DOC_MALFORMED, m.text(), m.line(),
                    "Helper documentation line does not parse as a signature: " + m.reason() + "."));
        }
        problems.sort(ORDER);
        return List.copyOf(problems);
    }

    private static boolean documentsAny(HelperDoc doc, Map<String, Helper> byName) {
        for (String candidate : HelperDocParser.helperCandidates(doc.function())) {
            if (byName.containsKey(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** The C name of a helper: {@code map_lookup_elem} → {@code bpf_map_lookup_elem}; already prefixed stays. */
    static String display(String helperName) {
        return helperName.startsWith(HelperDocParser.FUNCTION_PREFIX) ? helperName
                : HelperDocParser.FUNCTION_PREFIX + helperName;
    }
}
