package io.uapiguard.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MapperExpansionTest {

    private static final String WAS = "FN(unspec, 0, ##ctx) FN(map_lookup_elem, 1, ##ctx)";

    @Test
    void appendedEntriesAreTakenForAnAppendWithoutSplitting() {
        for (String now : List.of(WAS, WAS + " ", WAS + ", FN(x, 2)", WAS + "\n\t, FN(x, 2)")) {
            assertThat(MapperExpansion.appendsOnly(WAS, now)).as(now).isTrue();
            assertThat(slowFirstBreak(WAS, now)).as(now).isEqualTo(-1);
        }
        assertThat(MapperExpansion.appendsOnly("A, B,", "A, B, C")).isTrue();
        assertThat(MapperExpansion.appendsOnly("", "A")).isTrue();
    }

    @Test
    void anythingElseIsLeftToTheEntryComparison() {
        // The last entry grows, an open parenthesis continues, a changed prefix: each breaks or needs the split.
        for (String[] p : new String[][] {{WAS, WAS + "x, FN(y)"}, {"A, FN(b", "A, FN(b, c)"}, {WAS, "FN(x) " + WAS},
                {"A)", "A), B"}}) {
            assertThat(MapperExpansion.appendsOnly(p[0], p[1])).as(p[1]).isFalse();
        }
        assertThat(slowFirstBreak(WAS, WAS + "x, FN(y)")).isEqualTo(0);
    }

    private static int slowFirstBreak(String was, String now) {
        return MapperExpansion.firstBreak(MapperExpansion.entries(was), MapperExpansion.entries(now));
    }
}
