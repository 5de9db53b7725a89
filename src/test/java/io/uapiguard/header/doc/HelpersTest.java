package io.uapiguard.header.doc;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.model.EnumConstant;
import io.uapiguard.model.EnumDecl;
import io.uapiguard.model.Helper;
import io.uapiguard.model.HelperDoc;
import io.uapiguard.model.Param;
import java.math.BigInteger;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class HelpersTest {

    private static HelperDoc doc(int line, String function) {
        return new HelperDoc(line, "long", function, List.of(new Param("void *", "ctx")));
    }

    private static EnumConstant constant(String name, long value, int line) {
        return new EnumConstant(name, BigInteger.valueOf(value), line);
    }

    private static final EnumDecl OTHER = new EnumDecl("bpf_map_type", 1,
            List.of(constant("BPF_FUNC_in_another_enum", 0, 2)));

    @Test
    void eachHelperEnumeratorIsAHelperInEnumOrderWithItsDocsInTheirOrder() {
        EnumDecl ids = new EnumDecl(Helper.ENUM, 10, List.of(constant("BPF_FUNC_unspec", 0, 11),
                constant("BPF_FUNC_map_update_elem", 2, 12), constant("BPF_FUNC_map_lookup_elem", 1, 13),
                constant("__BPF_FUNC_MAX_ID", 3, 14)));
        HelperDoc lookup = doc(100, "bpf_map_lookup_elem");
        HelperDoc updateSkb = doc(110, "bpf_map_update_elem");
        HelperDoc updateXdp = doc(120, "bpf_map_update_elem");
        HelperDoc undocumentedName = doc(130, "bpf_not_in_the_enum");

        List<Helper> helpers = Helpers.of(List.of(OTHER, ids), List.of(lookup, updateSkb, undocumentedName, updateXdp));

        assertThat(helpers).containsExactly(new Helper("unspec", 0, 11, List.of()),
                new Helper("map_update_elem", 2, 12, List.of(updateSkb, updateXdp)),
                new Helper("map_lookup_elem", 1, 13, List.of(lookup)));
    }

    @Test
    void aDocNamedWithoutTheBpfPrefixBelongsToTheEnumeratorOfThatName() {
        EnumDecl ids = new EnumDecl(Helper.ENUM, 1, List.of(constant("BPF_FUNC_bpf_odd", 5, 2),
                constant("BPF_FUNC_odd", 6, 3)));
        HelperDoc odd = doc(50, "bpf_odd");

        assertThat(Helpers.of(List.of(ids), List.of(odd))).extracting(Helper::name, Helper::docs)
                .containsExactly(Tuple.tuple("bpf_odd", List.of()),
                        Tuple.tuple("odd", List.of(odd)));
    }

    @Test
    void anEnumeratorWrittenTwiceIsTwoHelpersWithTheSameDocs() {
        EnumDecl ids = new EnumDecl(Helper.ENUM, 1, List.of(constant("BPF_FUNC_trace_printk", 6, 2),
                constant("BPF_FUNC_trace_printk", 7, 3)));
        HelperDoc printk = doc(40, "bpf_trace_printk");

        assertThat(Helpers.of(List.of(ids), List.of(printk))).containsExactly(
                new Helper("trace_printk", 6, 2, List.of(printk)), new Helper("trace_printk", 7, 3, List.of(printk)));
    }

    @Test
    void withoutTheHelperEnumThereAreNoHelpers() {
        assertThat(Helpers.of(List.of(OTHER), List.of(doc(1, "bpf_map_lookup_elem")))).isEmpty();
    }

    /** The comparison of two revisions parsed in one process finds each helper by identity of its name. */
    @Test
    void theSameHelperNameOfTwoParsesIsOneStringAndTheTableStaysBounded() {
        EnumDecl first = new EnumDecl(Helper.ENUM, 10, List.of(constant("BPF_FUNC_" + "map_lookup_elem", 1, 11)));
        EnumDecl second = new EnumDecl(Helper.ENUM, 20,
                List.of(constant(new String("BPF_FUNC_map_lookup_elem"), 1, 21)));
        assertThat(Helpers.of(List.of(second), List.of()).get(0).name())
                .isSameAs(Helpers.of(List.of(first), List.of()).get(0).name());
        for (int i = 0; i < Helpers.MAX_NAMES + 10; i++) {
            Helpers.intern("made_up_" + i);
        }
        String name = new String("map_lookup_elem");
        assertThat(Helpers.intern(name)).isEqualTo("map_lookup_elem");
        assertThat(Helpers.intern(new String("map_lookup_elem"))).isSameAs(Helpers.intern(name));
    }
}
