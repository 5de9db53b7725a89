package io.uapiguard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.CompatEngine;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.Location;
import io.uapiguard.compat.Severity;
import io.uapiguard.header.HeaderParser;
import io.uapiguard.header.lex.TextChange;
import io.uapiguard.patch.LineMap;
import io.uapiguard.patch.RemovalScenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The header lines a stored check keeps around its findings: the right side, the right lines, bounded. */
class CheckExcerptsTest {

    static final String PATH = ServiceFixtures.PATH;

    static Finding at(int line, String side) {
        return new Finding("enum.removed", Severity.BREAKING, "X", "m", null, null, new Location(PATH, line),
                side == null ? Map.of() : Map.of("side", side), false, null);
    }

    static String numbered(String prefix, int lines) {
        StringBuilder text = new StringBuilder();
        IntStream.rangeClosed(1, lines).forEach(n -> text.append(prefix).append(n).append('\n'));
        return text.toString();
    }

    @Test
    void twoLinesEitherSideOfEachFindingFromTheSideItsLineBelongsTo() {
        var excerpts = CheckExcerpts.of(List.of(at(10, null), at(4, "old"), at(11, "new")), PATH,
                numbered("new ", 20), () -> numbered("old ", 20));
        assertThat(excerpts.get("new")).containsOnlyKeys(8, 9, 10, 11, 12, 13).containsEntry(10, "new 10");
        assertThat(excerpts.get("old")).containsOnlyKeys(2, 3, 4, 5, 6).containsEntry(4, "old 4");
    }

    @Test
    void aRemovalPlacedInTheCandidateKeepsTheBaseLinesAroundItsOldLine() {
        Finding placed = new Finding("enum.removed", Severity.BREAKING, "X", "m", "7", null, new Location(PATH, 15),
                Map.of("side", "old", Comparison.OLD_LINE, "4"), false, null);
        var excerpts = CheckExcerpts.of(List.of(placed), PATH, numbered("new ", 20), () -> numbered("old ", 20));
        assertThat(excerpts).containsOnlyKeys("old");
        assertThat(excerpts.get("old")).containsOnlyKeys(2, 3, 4, 5, 6).containsEntry(4, "old 4");
        assertThat(CheckExcerpts.baseLine(placed)).isEqualTo(4);
        assertThat(CheckExcerpts.baseLine(at(9, "old"))).isEqualTo(9);
        assertThat(CheckExcerpts.baseLine(at(9, "new"))).isZero();
    }

    /** Issue 16's case through the real parser, rules and placement: the page shows the enumerator's removed line. */
    @Test
    void theRemovedEnumeratorOfTheIssuesCaseIsShownFromTheBase() {
        HeaderParser parser = new HeaderParser();
        Comparison comparison = CompatEngine.standard().compare(parser.parse(PATH, RemovalScenario.OLD_TEXT),
                        parser.parse(PATH, RemovalScenario.NEW_TEXT), PATH)
                .placeRemovals(() -> LineMap.between(RemovalScenario.OLD_TEXT, RemovalScenario.NEW_TEXT));
        Finding removal = comparison.findings().stream().filter(f -> f.rule().equals("enum.removed"))
                .findFirst().orElseThrow();
        assertThat(removal.location().line()).isEqualTo(RemovalScenario.NEW_LINE);

        var excerpts = CheckExcerpts.of(List.of(removal), PATH, RemovalScenario.NEW_TEXT,
                () -> RemovalScenario.OLD_TEXT);
        assertThat(excerpts.get("old").get(RemovalScenario.OLD_LINE)).contains(RemovalScenario.REMOVED);
    }

    @Test
    void linesNearTheEdgesStayInsideTheText() {
        var excerpts = CheckExcerpts.of(List.of(at(1, null), at(5, null)), PATH, "a\nb\r\nc\nd\ne", () -> "");
        assertThat(excerpts.get("new")).containsExactlyEntriesOf(new java.util.TreeMap<>(
                Map.of(1, "a", 2, "b", 3, "c", 4, "d", 5, "e")));
    }

    @Test
    void aLineAfterTheFinalNewlineIsNoLine() {
        assertThat(CheckExcerpts.lines("a\nb\n", new TreeSet<>(List.of(2, 3, 4)))).containsOnlyKeys(2);
    }

    @Test
    void linesFarIntoALongTextAndTheEmptyText() {
        String text = "x\r\n" + numbered("line ", 300) + "last";
        assertThat(CheckExcerpts.lines(text, new TreeSet<>(List.of(1, 2, 150, 151, 302, 303))))
                .containsOnlyKeys(1, 2, 150, 151, 302).containsEntry(1, "x").containsEntry(151, "line 150")
                .containsEntry(302, "last");
        assertThat(CheckExcerpts.lines("", new TreeSet<>(List.of(1)))).isEmpty();
    }

    @Test
    void findingsWithoutALineOrOnAnotherPathKeepNothingAndTheBaseIsNotRead() {
        Finding elsewhere = new Finding("enum.removed", Severity.BREAKING, "X", "m", null, null,
                new Location("other.h", 3), Map.of("side", "old"), false, null);
        var excerpts = CheckExcerpts.of(List.of(at(0, "old"), elsewhere), PATH, "x\n", () -> {
            throw new AssertionError("read the base");
        });
        assertThat(excerpts).isEmpty();
    }

    @Test
    void longLinesAreCutAndOnlyTheFirstFindingsKeepLines() {
        String longLine = "y".repeat(CheckExcerpts.MAX_LINE_CHARS + 50);
        assertThat(CheckExcerpts.lines(longLine + "\n", new TreeSet<>(List.of(1))).get(1))
                .hasSize(CheckExcerpts.MAX_LINE_CHARS + 1).endsWith("…");

        List<Finding> many = new ArrayList<>();
        for (int n = 1; n <= CheckExcerpts.MAX_FINDINGS + 100; n++) {
            many.add(at(10 * n, null));
        }
        var excerpts = CheckExcerpts.of(many, PATH, numbered("", 10 * (CheckExcerpts.MAX_FINDINGS + 101)), () -> "");
        assertThat(excerpts.get("new")).hasSize(5 * CheckExcerpts.MAX_FINDINGS)
                .containsKey(10 * CheckExcerpts.MAX_FINDINGS).doesNotContainKey(10 * (CheckExcerpts.MAX_FINDINGS + 1));
    }

    /** As in a check, whose digest found the change from the base to the candidate before its excerpts are taken. */
    @Test
    void aCandidatesLinesFoundThroughItsChangeFromTheBaseAreTheLinesReadWhole() {
        String base = numbered("line ", 400);
        String candidate = "new first\n" + base.replace("line 150\n", "line 150\nadded a\nadded b\n")
                .replace("line 300\nline 301\n", "") + "new last";
        List<Finding> findings = List.of(at(1, null), at(152, "new"), at(300, null), at(400, null), at(403, null));
        TextChange.between(base, candidate);
        var excerpts = CheckExcerpts.of(findings, PATH, candidate, () -> {
            throw new AssertionError("read the base");
        });
        TreeSet<Integer> wanted = new TreeSet<>();
        findings.forEach(f -> IntStream.rangeClosed(f.location().line() - CheckExcerpts.AROUND,
                f.location().line() + CheckExcerpts.AROUND).filter(n -> n > 0).forEach(wanted::add));
        assertThat(excerpts.get("new")).isEqualTo(CheckExcerpts.lines(candidate, wanted))
                .containsEntry(152, "added a").containsEntry(300, "line 297").containsEntry(302, "line 299")
                .containsEntry(401, "line 400").containsEntry(402, "new last")
                .doesNotContainKey(403);
    }
}
