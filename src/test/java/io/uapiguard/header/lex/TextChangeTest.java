package io.uapiguard.header.lex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The change between two texts, found once for a pair asked for again (a check's front end, consumers, digest). */
class TextChangeTest {

    static final String OLD = "a\nb\nc\nd\n";
    static final String NEW = "a\nB\nc\nd\ne\n";

    static String hunks(TextChange change) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < change.size(); i++) {
            out.append(change.oldFrom(i)).append('-').append(change.oldTo(i)).append('>')
                    .append(change.newFrom(i)).append('-').append(change.newTo(i)).append(' ');
        }
        return out.toString();
    }

    @Test
    void theSameTwoStringsAskedForAgainGetTheChangeFoundBefore() {
        TextChange first = TextChange.between(OLD, OLD.toCharArray(), NEW, NEW.toCharArray());
        assertThat(hunks(first)).isEqualTo("2-8>2-10 ");
        assertThat(TextChange.between(OLD, NEW)).isSameAs(first);
        assertThat(TextChange.between(OLD, OLD.toCharArray(), NEW, NEW.toCharArray())).isSameAs(first);
    }

    @Test
    void equalTextsThatAreOtherStringsAreComparedAgainNeverTakenForTheLastPair() {
        TextChange first = TextChange.between(OLD, NEW);
        String otherNew = new String("a\nb\nc\nX\n".toCharArray());
        TextChange other = TextChange.between(OLD, otherNew);
        assertThat(other).isNotSameAs(first);
        assertThat(hunks(other)).isEqualTo("6-8>6-8 ");
        // the pair before, as equal Strings that are not the same ones: found again, equal
        TextChange again = TextChange.between(new String(OLD.toCharArray()), new String(NEW.toCharArray()));
        assertThat(again).isNotSameAs(first);
        assertThat(hunks(again)).isEqualTo(hunks(first));
    }

    @Test
    void theChangeFoundLastToATextIsKnownOnlyForThatVeryStringAndOnlyOnThisThread() throws Exception {
        TextChange found = TextChange.between(OLD, NEW);
        assertThat(TextChange.foundLastTo(NEW)).isSameAs(found);
        assertThat(found.oldText()).isSameAs(OLD);
        assertThat(found.isBetween(OLD, NEW)).isTrue();
        assertThat(TextChange.foundLastTo(new String(NEW.toCharArray()))).isNull();
        TextChange[] elsewhere = new TextChange[1];
        Thread other = new Thread(() -> elsewhere[0] = TextChange.foundLastTo(NEW));
        other.start();
        other.join();
        assertThat(elsewhere[0]).isNull();
    }

    @Test
    void anOldOffsetOutsideTheHunksIsInAStretchMovedByTheHunksBeforeIt() {
        String old = "a\nb\nc\nd\n";
        String now = "a\nB\nB2\nc\nd\n";   // b replaced by two lines
        TextChange change = TextChange.between(old, now);
        assertThat(hunks(change)).isEqualTo("2-4>2-7 ");
        assertThat(change.stretchOf(0)).isZero();
        assertThat(change.moved(1)).isEqualTo(1);
        assertThat(change.stretchOf(2)).isEqualTo(-1);   // b, replaced
        assertThat(change.moved(3)).isEqualTo(-1);
        assertThat(change.stretchOf(4)).isEqualTo(1);
        assertThat(change.stretchStart(1)).isEqualTo(4);
        assertThat(change.linesBefore(1)).isEqualTo(1);
        assertThat(change.charsBefore(1)).isEqualTo(3);
        assertThat(change.moved(4)).isEqualTo(7);
        assertThat(change.moved(old.length())).isEqualTo(now.length());
        assertThat(change.moved(old.length() + 1)).isEqualTo(-1);

        TextChange inserted = TextChange.between("a\nb\n", "a\nx\nb\n");
        assertThat(hunks(inserted)).isEqualTo("2-2>2-4 ");
        assertThat(inserted.stretchOf(2)).as("where text was only inserted: after it").isEqualTo(1);
        assertThat(inserted.moved(2)).isEqualTo(4);
        assertThat(inserted.moved(1)).isEqualTo(1);
    }
}
