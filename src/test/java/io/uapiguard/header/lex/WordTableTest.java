package io.uapiguard.header.lex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class WordTableTest {

    @Test
    void equalWordsBecomeOneStringAndACollisionReplacesTheSlot() {
        WordTable words = new WordTable(4);
        String first = text(words, "bpf_map bpf_map", 0, 7);
        assertThat(first).isEqualTo("bpf_map");
        assertThat(text(words, "bpf_map bpf_map", 8, 7)).isSameAs(first);
        // "AaAa", "BBBB" and "AaBB" share a hash: two of them share the set, the third pushes out the older.
        String a = text(words, "AaAa", 0, 4);
        String b = text(words, "BBBB", 0, 4);
        assertThat(text(words, "AaAa", 0, 4)).isSameAs(a);
        assertThat(text(words, "BBBB", 0, 4)).isSameAs(b);
        String c = text(words, "AaBB", 0, 4);
        assertThat(c).isEqualTo("AaBB");
        assertThat(text(words, "BBBB", 0, 4)).isSameAs(b);
        String aAgain = text(words, "AaAa", 0, 4);
        assertThat(aAgain).isEqualTo("AaAa").isNotSameAs(a);   // pushed out by "AaBB"
        assertThat(text(words, "AaAa", 0, 4)).isSameAs(aAgain);
    }

    @Test
    void aWordsKindIsAskedOncePerEntryAndAgainAfterItsSlotWasTaken() {
        WordTable words = new WordTable(4);
        List<String> asked = new ArrayList<>();
        ToIntFunction<String> classify = w -> {
            asked.add(w);
            return w.equals("struct") ? 7 : 1;
        };
        assertThat(word(words, "struct").kind(classify)).isEqualTo(7);
        assertThat(word(words, "struct").kind(classify)).isEqualTo(7);
        assertThat(asked).containsExactly("struct");
        assertThat(word(words, "AaAa").kind(classify)).isEqualTo(1);
        assertThat(word(words, "BBBB").kind(classify)).isEqualTo(1);
        assertThat(word(words, "AaBB").kind(classify)).isEqualTo(1);   // pushes "AaAa" out of their set
        assertThat(word(words, "BBBB").kind(classify)).isEqualTo(1);
        assertThat(word(words, "AaAa").kind(classify)).isEqualTo(1);
        assertThat(asked).containsExactly("struct", "AaAa", "BBBB", "AaBB", "AaAa");
    }

    @Test
    void anInterningTableHasAPowerOfTwoSlots() {
        assertThatThrownBy(() -> new WordTable(1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WordTable(1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static WordTable.Word word(WordTable table, String s) {
        return table.word(s.toCharArray(), 0, s.length(), s.hashCode());
    }

    private static String text(WordTable table, String s, int start, int length) {
        return table.text(s.toCharArray(), start, length, s.substring(start, start + length).hashCode());
    }
}
