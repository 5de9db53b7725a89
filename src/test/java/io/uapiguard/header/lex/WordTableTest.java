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
        // "Aa" and "BB" share a hash: the slot now holds the second, and each still reads right.
        String aa = text(words, "Aa", 0, 2);
        String bb = text(words, "BB", 0, 2);
        assertThat(aa).isEqualTo("Aa");
        assertThat(bb).isEqualTo("BB");
        String aaAgain = text(words, "Aa", 0, 2);
        assertThat(aaAgain).isEqualTo("Aa").isNotSameAs(aa);   // "BB" had taken the slot
        assertThat(text(words, "Aa", 0, 2)).isSameAs(aaAgain);
    }

    @Test
    void aStringInternsToTheTextAlreadyHeldForItsCharacters() {
        WordTable words = new WordTable(64);
        String lexed = text(words, "BPF_FUNC_map", 0, 12);
        assertThat(words.intern(new String("BPF_FUNC_map"))).isSameAs(lexed);
        String pasted = new String("BPF_FUNC_" + "x");
        assertThat(words.intern(pasted)).isSameAs(pasted);
        assertThat(text(words, "BPF_FUNC_x", 0, 10)).isSameAs(pasted);
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
        assertThat(word(words, "Aa").kind(classify)).isEqualTo(1);
        assertThat(word(words, "BB").kind(classify)).isEqualTo(1);   // takes "Aa"'s slot
        assertThat(word(words, "Aa").kind(classify)).isEqualTo(1);
        assertThat(asked).containsExactly("struct", "Aa", "BB", "Aa");
    }

    @Test
    void anInterningTableHasAPowerOfTwoSlots() {
        assertThatThrownBy(() -> new WordTable(1000)).isInstanceOf(IllegalArgumentException.class);
    }

    private static WordTable.Word word(WordTable table, String s) {
        return table.word(s.toCharArray(), 0, s.length(), s.hashCode());
    }

    private static String text(WordTable table, String s, int start, int length) {
        return table.text(s.toCharArray(), start, length, s.substring(start, start + length).hashCode());
    }
}
