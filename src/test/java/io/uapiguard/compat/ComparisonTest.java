package io.uapiguard.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static Finding finding(String rule, int line, String side) {
        return new Finding(rule, Severity.BREAKING, "X", "m", null, null, new Location("x.h", line),
                Map.of("side", side), false, null);
    }

    @Test
    void removalsArePlacedInTheNewHeaderKeepingTheirOldLineAndOtherFindingsStay() {
        Comparison c = new Comparison(List.of(finding("enum.removed", 10, "old"), finding("enum.value-changed", 12, "new"),
                finding("struct.removed", 0, "old")));
        Comparison placed = c.placeRemovals(() -> line -> line + 5);
        assertThat(placed.findings()).extracting(f -> f.location().line()).containsExactly(15, 12, 0);
        assertThat(placed.findings().get(0).attachments()).containsEntry(Comparison.OLD_LINE, "10").containsEntry("side", "old");
        assertThat(placed.findings().get(1).attachments()).doesNotContainKey(Comparison.OLD_LINE);
        assertThat(placed.findings().get(2).attachments()).as("an unknown line stays unknown")
                .doesNotContainKey(Comparison.OLD_LINE);
        assertThat(placed.placeRemovals(() -> line -> line + 5)).as("placed once only").isSameAs(placed);
    }

    @Test
    void theLineDiffIsAskedForOnlyWhenARemovalNeedsItAndMayBeMissing() {
        Comparison none = new Comparison(List.of(finding("enum.value-changed", 12, "new")));
        assertThat(none.placeRemovals(() -> {
            throw new AssertionError("no removal: no line diff");
        })).isSameAs(none);
        Comparison removal = new Comparison(List.of(finding("enum.removed", 10, "old")));
        assertThat(removal.placeRemovals(() -> null)).as("the old text is not at hand").isSameAs(removal);
    }
}
