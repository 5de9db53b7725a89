package io.uapiguard.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.header.HeaderParser;
import io.uapiguard.model.UapiModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelIndexTest {

    private static final String HEADER = "enum bpf_func_id { BPF_FUNC_unspec, BPF_FUNC_map_lookup_elem, };\n"
            + "enum { A = 1, B = 2, A2 = 1 };\n#define X 3\n#define _X_H_\n"
            + "struct s { int a; struct { int b; }; int a2; };\nstruct s2 { long c; };\n";

    @Test
    void indexesNamesFirstOccurrenceFirstAndLeavesOutHelperIdsAndIncludeGuards() {
        ModelIndex index = new ModelIndex(new HeaderParser().parse("t.h", HEADER));
        assertThat(index.helpers).containsOnlyKeys("unspec", "map_lookup_elem");
        assertThat(index.constants).containsOnlyKeys("A", "B", "A2");
        assertThat(index.defines).containsOnlyKeys("X");
        assertThat(index.structs).containsOnlyKeys("s", "s2");
        assertThat(index.fields(index.structs.get("s"))).containsOnlyKeys("a", "b", "a2");
    }

    @Test
    void recentIndexesAreFoundByIdentityAndBounded() {
        HeaderParser parser = new HeaderParser();
        UapiModel one = parser.parse("t.h", HEADER);
        UapiModel equalButAnother = parser.parse("t.h", HEADER);
        ModelIndex.Recent recent = new ModelIndex.Recent(2);
        ModelIndex first = recent.of(one);
        assertThat(recent.of(one)).isSameAs(first);
        assertThat(recent.of(equalButAnother)).isNotSameAs(first);

        List<UapiModel> many = new ArrayList<>();
        List<ModelIndex> built = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(parser.parse("m" + i + ".h", HEADER));
            built.add(recent.of(many.get(i)));
        }
        int stillKept = 0;
        for (int i = 0; i < many.size(); i++) {
            stillKept += recent.of(many.get(i)) == built.get(i) ? 1 : 0;
        }
        assertThat(stillKept).as("indexes kept of 20 models through a cache of 2").isLessThanOrEqualTo(2);
    }

    @Test
    void aModelUsedOnEveryComparisonStaysWhileOthersComeAndGo() {
        HeaderParser parser = new HeaderParser();
        UapiModel base = parser.parse("t.h", HEADER);
        ModelIndex.Recent recent = new ModelIndex.Recent(2);
        ModelIndex baseIndex = recent.of(base);
        for (int check = 0; check < 5; check++) {   // as the service does: the same base, a new candidate each time
            assertThat(recent.of(base)).isSameAs(baseIndex);
            recent.of(parser.parse("candidate.h", HEADER));
        }
        assertThat(recent.of(base)).isSameAs(baseIndex);
    }
}
