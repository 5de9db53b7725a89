package io.uapiguard.header.lex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.corpus.Corpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A text's line starts, whole or through the change from a base: an edit's lines are where reading the edit whole
 * puts them, on edits of every kind and on the history of bpf.h.
 */
class LineStartsTest {

    /** Line starts as splitting the text gives them: -1 past its lines (none after a final newline). */
    private static List<Integer> byHand(String text) {
        List<Integer> starts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            starts.add(at);
            int nl = text.indexOf('\n', at);
            at = nl < 0 ? text.length() : nl + 1;
        }
        return starts;
    }

    private static List<Integer> all(LineStarts starts, int lines) {
        List<Integer> out = new ArrayList<>();
        for (int line = 1; line <= lines; line++) {
            out.add(starts.start(line));
        }
        return out;
    }

    private static void assertSameLines(String base, String edit, String what) {
        List<Integer> expected = new ArrayList<>(byHand(edit));
        expected.add(-1);
        expected.add(-1);
        LineStarts edited = LineStarts.edited(edit, LineStarts.of(base), TextChange.between(base, edit));
        assertThat(all(edited, expected.size())).as(what).isEqualTo(expected);
        assertThat(edited.start(0)).as(what).isEqualTo(-1);
    }

    @Test
    void aWholeIndexHasALineForEachLineOfTheTextAndNoneAfterAFinalNewlineAndKnowsEachLinesEndAndAnOffsetsLine() {
        for (String text : List.of("", "a", "a\n", "a\nb", "a\n\nb\n", "\n", "\n\n", "x\r\ny\r\n")) {
            List<Integer> expected = new ArrayList<>(byHand(text));
            expected.add(-1);
            assertThat(all(LineStarts.of(text), expected.size())).as("'%s'", text).isEqualTo(expected);
            assertThat(LineStarts.of(text).start(0)).isEqualTo(-1);
            for (int line = 1; line < expected.size(); line++) {
                int nl = text.indexOf('\n', expected.get(line - 1));
                assertThat(LineStarts.of(text).end(line)).as("'%s' line %d", text, line)
                        .isEqualTo(nl < 0 ? text.length() : nl);
                assertThat(LineStarts.of(text).lineOf(expected.get(line - 1))).isEqualTo(line);
            }
        }
    }

    @Test
    void anEditsLinesAreWhereReadingItWholePutsThem() {
        String base = "one\ntwo\nthree\nfour\nfive\n";
        assertSameLines(base, base, "no change");
        assertSameLines(base, "zero\n" + base, "a line before all");
        assertSameLines(base, base + "six\n", "a line after all");
        assertSameLines(base, base.substring(0, base.length() - 1), "the final newline gone");
        assertSameLines(base, "one\nthree\nfour\nfive\n", "a line removed");
        assertSameLines(base, "one\ntwo\n2a\n2b\n2c\nthree\nfour\nfive\n", "lines inserted");
        assertSameLines(base, "one\ntwo words\nthree\nfour\n4a\nfive\n", "two hunks");
        assertSameLines(base, "", "everything removed");
        assertSameLines("", base, "everything added");
        assertSameLines(base, "one\ntwo\nthree", "the end cut in a line");
        assertSameLines(base, "one\r\ntwo\r\nthree\r\nfour\r\nfive\r\n", "every line ending changed");
    }

    @Test
    void randomEditsOfEveryKindGiveTheLinesOfTheEditedText() {
        Random random = new Random(16);
        String[] pieces = {"", "\n", "\n\n", "x", "line\n", "a longer line of text\n", "\r\n", " * comment\n"};
        for (int round = 0; round < 3000; round++) {
            StringBuilder base = new StringBuilder();
            int size = random.nextInt(40);
            for (int i = 0; i < size; i++) {
                base.append(pieces[random.nextInt(pieces.length)]);
            }
            StringBuilder edit = new StringBuilder(base);
            for (int e = random.nextInt(5); e >= 0; e--) {
                int at = edit.length() == 0 ? 0 : random.nextInt(edit.length() + 1);
                int cut = Math.min(edit.length() - at, random.nextInt(12));
                edit.replace(at, at + cut, random.nextBoolean() ? pieces[random.nextInt(pieces.length)] : "");
            }
            assertSameLines(base.toString(), edit.toString(), "round " + round + ": '" + base + "' -> '" + edit + "'");
        }
    }

    /** The large texts are what the change splits inside its hunks (below 1 KB a difference is one hunk). */
    @Test
    void everyRevisionOfBpfHAsAnEditOfTheOneBeforeAndOfOneFarBefore() {
        for (Corpus.Edit edit : Corpus.require().edits(60)) {
            assertSameLines(edit.base(), edit.text(), edit.what());
        }
    }

    @Test
    void aChangeBetweenOtherTextsIsRefused() {
        String base = "a\nb\n";
        TextChange change = TextChange.between(base, "a\nc\n");
        assertThatThrownBy(() -> LineStarts.edited(new String("a\nc\n".toCharArray()), LineStarts.of(base), change))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTextReadAgainAndAgainIsIndexedOnceForAllItsReaders() {
        String base = "a\nb\nc\n";
        LineStarts kept = LineStarts.kept(base);
        assertThat(LineStarts.kept(base)).as("the same text: its index, found once").isSameAs(kept);
        assertThat(LineStarts.kept(new String(base.toCharArray()))).as("an equal text, another String").isNotSameAs(kept);
        for (int line = 1; line <= 4; line++) {
            assertThat(kept.start(line)).isEqualTo(LineStarts.of(base).start(line));
        }
    }
}
