package io.uapiguard.patch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineMapTest {

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void anUnchangedLineMovesByWhatWasInsertedAndRemovedAboveIt() {
        LineMap map = LineMap.between(lines("a", "b", "c", "d"), lines("new1", "new2", "a", "c", "d"));
        assertThat(map.newLine(1)).isEqualTo(3);   // a
        assertThat(map.newLine(3)).isEqualTo(4);   // c: two inserted above, b removed above
        assertThat(map.newLine(4)).isEqualTo(5);   // d
    }

    @Test
    void aRemovedLineLandsWhereItsTextWasRemoved() {
        LineMap map = LineMap.between(lines("a", "b", "c"), lines("a", "c"));
        assertThat(map.newLine(2)).as("b stood before c, now line 2").isEqualTo(2);
    }

    @Test
    void aReplacedBlockMapsLineByLineOntoItsReplacementAsFarAsItGoes() {
        LineMap map = LineMap.between(lines("a", "x1", "x2", "x3", "z"), lines("a", "y1", "y2", "z"));
        assertThat(map.newLine(2)).isEqualTo(2);
        assertThat(map.newLine(3)).isEqualTo(3);
        assertThat(map.newLine(4)).as("past the shorter replacement: its last line").isEqualTo(3);
        assertThat(map.newLine(5)).isEqualTo(4);
    }

    @Test
    void everyAnswerLiesInTheNewTextAndZeroStaysUnknown() {
        LineMap map = LineMap.between(lines("a", "b", "c", "d"), lines("a"));
        assertThat(map.newLine(4)).as("removed at the end: the last line").isEqualTo(1);
        assertThat(map.newLine(0)).isZero();
        assertThat(LineMap.between(lines("a", "b"), "").newLine(2)).isEqualTo(1);
    }

    @Test
    void theKernelLikeCaseIsPlacedExactlyWhereTheEnumeratorWas() {
        LineMap map = LineMap.between(RemovalScenario.OLD_TEXT, RemovalScenario.NEW_TEXT);
        assertThat(map.newLine(RemovalScenario.OLD_LINE)).isEqualTo(RemovalScenario.NEW_LINE);
        assertThat(RemovalScenario.NEW_TEXT.split("\n")[RemovalScenario.NEW_LINE - 1])
                .as("the line now standing where the removed one was").contains("BPF_MAP_TYPE_USER_RINGBUF");
    }
}
