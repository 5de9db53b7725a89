package io.uapiguard.header.grammar;

import java.util.Arrays;
import java.util.Map;

/**
 * Texts of words found by a run of characters and its {@link String#hashCode} (which the lexer computes while it
 * scans the word), without making a String to look one up. Open addressing over a power-of-two array.
 *
 * <p>Two uses. {@link #keywords} is a fixed table of the grammar's keywords with their token types. A table made
 * with {@link #WordTable(int)} interns: {@link #text} returns the String already held for those characters or
 * puts a new one in its slot, replacing whatever was there, so it never grows past its size. It is shared by
 * every lexer of the process without a lock: each slot holds an immutable entry, and a lost race only costs
 * a String.
 */
public final class WordTable {

    private static final WordTable SHARED = new WordTable(1 << 15);

    /** A word and its characters (compared without String calls) and token type; immutable. */
    private record Entry(String text, char[] chars, int type) {
    }

    private final Entry[] slots;
    private final int mask;
    private final boolean probing;

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
        this.probing = false;
    }

    private WordTable(Entry[] slots) {
        this.slots = slots;
        this.mask = slots.length - 1;
        this.probing = true;
    }

    /** The keywords (texts that are words) of {@code literals}, each with its token type. */
    static WordTable keywords(Map<String, Integer> literals) {
        int size = Integer.highestOneBit(Math.max(4, literals.size() * 4) - 1) << 1;
        Entry[] slots = new Entry[size];
        literals.forEach((text, type) -> {
            if (!Character.isLetter(text.charAt(0)) && text.charAt(0) != '_') {
                return;
            }
            int i = text.hashCode() & (size - 1);
            while (slots[i] != null) {
                i = (i + 1) & (size - 1);
            }
            slots[i] = new Entry(text, text.toCharArray(), type);
        });
        return new WordTable(slots);
    }

    /** The token type of the keyword written at {@code s[start, start + length)}, or -1 for any other word. */
    int type(char[] s, int start, int length, int hash) {
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            Entry e = slots[i];
            if (e == null) {
                return -1;
            }
            if (same(e.chars, s, start, length)) {
                return e.type;
            }
        }
    }

    /** The interned text of {@code s[start, start + length)}, whose {@link String#hashCode} is {@code hash}. */
    public String text(char[] s, int start, int length, int hash) {
        if (probing) {
            throw new IllegalStateException("a keyword table does not intern");
        }
        int i = hash & mask;
        Entry e = slots[i];
        if (e != null && same(e.chars, s, start, length)) {
            return e.text;
        }
        String text = new String(s, start, length);
        slots[i] = new Entry(text, text.toCharArray(), 0);
        return text;
    }

    /** The interned String equal to {@code text}: the one already held, or {@code text} itself from now on. */
    public String intern(String text) {
        if (probing) {
            throw new IllegalStateException("a keyword table does not intern");
        }
        int i = text.hashCode() & mask;
        Entry e = slots[i];
        if (e != null && e.text.equals(text)) {
            return e.text;
        }
        slots[i] = new Entry(text, text.toCharArray(), 0);
        return text;
    }

    private static boolean same(char[] word, char[] s, int start, int length) {
        return word.length == length && Arrays.equals(word, 0, length, s, start, start + length);
    }
}
