package io.uapiguard.header.lex;

import java.util.Arrays;

/**
 * Interned texts of words, found by a run of characters and its {@link String#hashCode} (which the lexer computes
 * while it scans the word) without making a String to look one up. {@link #text} returns the String already held
 * for those characters or puts a new one in its slot, replacing whatever was there, so the table never grows past
 * its size. It is shared by every lexer of the process without a lock: each slot holds an immutable entry, and a
 * lost race only costs a String.
 */
public final class WordTable {

    private static final WordTable SHARED = new WordTable(1 << 15);

    /** A word and its characters, compared without String calls; immutable. */
    private record Entry(String text, char[] chars) {
    }

    private final Entry[] slots;
    private final int mask;

    /**
     * The process's interning table, shared by the lexer and the other scanners of header text: a name is one
     * String however many revisions hold it.
     */
    public static WordTable shared() {
        return SHARED;
    }

    /** An interning table of {@code size} slots (a power of two), one word per slot. */
    WordTable(int size) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two: " + size);
        }
        this.slots = new Entry[size];
        this.mask = size - 1;
    }

    /** The interned text of {@code s[start, start + length)}, whose {@link String#hashCode} is {@code hash}. */
    public String text(char[] s, int start, int length, int hash) {
        int i = hash & mask;
        Entry e = slots[i];
        if (e != null && same(e.chars, s, start, length)) {
            return e.text;
        }
        String text = new String(s, start, length);
        slots[i] = new Entry(text, text.toCharArray());
        return text;
    }

    /** The interned String equal to {@code text}: the one already held, or {@code text} itself from now on. */
    public String intern(String text) {
        int i = text.hashCode() & mask;
        Entry e = slots[i];
        if (e != null && e.text.equals(text)) {
            return e.text;
        }
        slots[i] = new Entry(text, text.toCharArray());
        return text;
    }

    private static boolean same(char[] word, char[] s, int start, int length) {
        return word.length == length && Arrays.equals(word, 0, length, s, start, start + length);
    }
}
