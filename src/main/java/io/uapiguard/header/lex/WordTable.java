package io.uapiguard.header.lex;

import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * Interned texts of words, found by a run of characters and its {@link String#hashCode} (which the lexer computes
 * while it scans the word) without making a String to look one up. A word's place is a set of two slots (two words
 * sharing a place do not push each other out at every turn, as they did with one, each time costing a String and
 * its {@link Word#kind}); {@link #text} returns the String already held for those characters or puts a new one in
 * the set's first slot, the one there moving to the second and the second's let go, so the table never grows past
 * its size. It is shared by every lexer of the process without a lock: each slot holds an entry whose text never
 * changes, and a lost race only costs a String. An entry also keeps what its word is to the lexer ({@link Word#kind}),
 * so that a word seen before costs no second lookup.
 */
public final class WordTable {

    private static final WordTable SHARED = new WordTable(1 << 16);

    /** A word, its characters (compared without String calls) and its kind once asked for. */
    public static final class Word {
        private final String text;
        private final char[] chars;
        /** 0 until {@link #kind} is first asked; a race computes the same value twice, nothing worse. */
        private int kind;

        private Word(String text) {
            this.text = text;
            this.chars = text.toCharArray();
        }

        public String text() {
            return text;
        }

        /**
         * What {@code classify} (never 0, the same function for every caller) says of this word, asked once per
         * entry: the lexer's keyword lookup, which every word needed before and a cached String's hash could not
         * make cheap (it costs a miss in memory per word).
         */
        public int kind(ToIntFunction<String> classify) {
            int k = kind;
            if (k == 0) {
                k = classify.applyAsInt(text);
                kind = k;
            }
            return k;
        }
    }

    private final Word[] slots;
    /** log2 of the number of two-slot sets. */
    private final int setBits;

    /**
     * The process's interning table, shared by the lexer and the other scanners of header text: a name is one
     * String however many revisions hold it.
     */
    public static WordTable shared() {
        return SHARED;
    }

    /** An interning table of {@code size} slots (a power of two, at least 2), one word per slot. */
    WordTable(int size) {
        if (Integer.bitCount(size) != 1 || size < 2) {
            throw new IllegalArgumentException("size must be a power of two, at least 2: " + size);
        }
        this.slots = new Word[size];
        this.setBits = Integer.numberOfTrailingZeros(size) - 1;
    }

    /**
     * The first slot of the set of a word with this hash: its bits mixed (words that differ in their last letter
     * have neighbouring hashes, which would otherwise share a set).
     */
    private int set(int hash) {
        return setBits == 0 ? 0 : (hash * 0x9E3779B9) >>> (32 - setBits) << 1;
    }

    /** The interned text of {@code s[start, start + length)}, whose {@link String#hashCode} is {@code hash}. */
    public String text(char[] s, int start, int length, int hash) {
        return word(s, start, length, hash).text;
    }

    /** The entry of {@code s[start, start + length)}, whose {@link String#hashCode} is {@code hash}. */
    public Word word(char[] s, int start, int length, int hash) {
        int i = set(hash);
        Word w = slots[i];
        if (w != null && same(w.chars, s, start, length)) {
            return w;
        }
        w = slots[i + 1];
        if (w != null && same(w.chars, s, start, length)) {
            return w;
        }
        return put(i, new Word(new String(s, start, length)));
    }

    /** {@code w} into the set at {@code i}: first, the first moved second (no lock: a race loses an entry at most). */
    private Word put(int i, Word w) {
        slots[i + 1] = slots[i];
        slots[i] = w;
        return w;
    }

    private static boolean same(char[] word, char[] s, int start, int length) {
        return word.length == length && Arrays.equals(word, 0, length, s, start, start + length);
    }
}
