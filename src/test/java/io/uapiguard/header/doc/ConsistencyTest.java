package io.uapiguard.header.doc;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.model.Helper;
import io.uapiguard.model.HelperDoc;
import io.uapiguard.model.Param;
import io.uapiguard.model.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsistencyTest {

    private static HelperDoc doc(int line, String function) {
        return new HelperDoc(line, "long", function, List.of(new Param("void *", "ctx")));
    }

    private static Helper helper(String name, long id, int line, HelperDoc... docs) {
        return new Helper(name, id, line, List.of(docs));
    }

    private static final HelperDoc LOOKUP_DOC = doc(10, "bpf_map_lookup_elem");
    private static final HelperDoc UPDATE_DOC = doc(20, "bpf_map_update_elem");

    @Test
    void consistentRevisionHasNoProblems() {
        List<Helper> helpers = List.of(helper("unspec", 0, 100), helper("map_lookup_elem", 1, 101, LOOKUP_DOC),
                helper("map_update_elem", 2, 102, UPDATE_DOC));
        List<Helper> mapper = List.of(helper("unspec", 0, 90), helper("map_lookup_elem", 1, 91),
                helper("map_update_elem", 2, 92));

        assertThat(Consistency.check(helpers, List.of(LOOKUP_DOC, UPDATE_DOC), mapper)).isEmpty();
    }

    @Test
    void helperWithoutDocsIsUndocumentedExceptThePlaceholder() {
        List<Helper> helpers = List.of(helper("unspec", 0, 100), helper("map_lookup_elem", 1, 101));

        assertThat(Consistency.check(helpers, List.of(), List.of())).containsExactly(new Problem(
                "helper-undocumented", "map_lookup_elem", 101, "Helper bpf_map_lookup_elem (id 1) has no documentation."));
    }

    @Test
    void docWithoutEnumEntryIsAnOrphan() {
        List<Helper> helpers = List.of(helper("map_lookup_elem", 1, 101, LOOKUP_DOC));

        assertThat(Consistency.check(helpers, List.of(LOOKUP_DOC, doc(30, "bpf_per_cpu_ptr")), List.of()))
                .containsExactly(new Problem("helper-doc-orphan", "bpf_per_cpu_ptr", 30,
                        "Helper bpf_per_cpu_ptr is documented but has no BPF_FUNC_ entry in enum bpf_func_id."));
    }

    @Test
    void docMatchesAnEnumNameThatKeepsThePrefixOrLacksItInTheDoc() {
        HelperDoc perCpu = doc(30, "bpf_per_cpu_ptr");
        HelperDoc storage = doc(40, "get_local_storage");
        List<Helper> helpers = List.of(helper("bpf_per_cpu_ptr", 1, 101, perCpu),
                helper("get_local_storage", 2, 102, storage));

        assertThat(Consistency.check(helpers, List.of(perCpu, storage), List.of())).isEmpty();
    }

    @Test
    void mapperIdThatDiffersFromTheEnumValueIsAMismatch() {
        List<Helper> helpers = List.of(helper("map_lookup_elem", 1, 101, LOOKUP_DOC),
                helper("map_update_elem", 2, 102, UPDATE_DOC));
        List<Helper> mapper = List.of(helper("map_lookup_elem", 1, 91), helper("map_update_elem", 3, 92),
                helper("ghost", 4, 93));

        assertThat(Consistency.check(helpers, List.of(LOOKUP_DOC, UPDATE_DOC), mapper)).containsExactly(
                new Problem("mapper-id-mismatch", "map_update_elem", 92,
                        "Helper bpf_map_update_elem (id 2) has id 3 in the mapper."),
                new Problem("mapper-id-mismatch", "ghost", 93,
                        "Helper bpf_ghost (id 4) of the mapper is not in enum bpf_func_id."));
    }

    @Test
    void laterHelperWithAnEarlierIdIsADuplicate() {
        List<Helper> helpers = List.of(helper("map_update_elem", 1, 102, UPDATE_DOC),
                helper("map_lookup_elem", 1, 101, LOOKUP_DOC));

        assertThat(Consistency.check(helpers, List.of(LOOKUP_DOC, UPDATE_DOC), List.of())).containsExactly(
                new Problem("helper-duplicate-id", "map_update_elem", 102,
                        "Helper bpf_map_update_elem (id 1) has the same id as bpf_map_lookup_elem (line 101)."));
    }

    @Test
    void malformedSignatureLinesAreReported() {
        List<Problem> problems = Consistency.check(List.of(), List.of(), List.of(),
                List.of(new HelperDocParser.Malformed(39, "long bpf_broken(int a", "expected the signature to end with ')'")));

        assertThat(problems).containsExactly(new Problem("helper-doc-malformed", "long bpf_broken(int a", 39,
                "Helper documentation line does not parse as a signature: expected the signature to end with ')'."));
    }

    @Test
    void problemsAreOrderedByLineThenKind() {
        List<Helper> helpers = List.of(helper("b", 7, 50), helper("a", 7, 40, doc(60, "bpf_a")));
        List<Problem> problems = Consistency.check(helpers, List.of(doc(60, "bpf_a"), doc(5, "bpf_zzz")),
                List.of(helper("a", 8, 45)));

        assertThat(problems).extracting(p -> p.line() + " " + p.kind() + " " + p.symbol()).containsExactly(
                "5 helper-doc-orphan bpf_zzz", "45 mapper-id-mismatch a", "50 helper-duplicate-id b",
                "50 helper-undocumented b");
    }
}
