package io.uapiguard.header.lex;

import java.util.Arrays;
import java.util.Map;

/**
 * The grammar's keywords with their token types, found by a run of characters and its {@link String#hashCode}
 * (which the lexer computes while it scans a word): no String is made to look one up. Open addressing over a
 * power-of-two array; immutable once built.
 */
final class KeywordTable {

    private final char[][] words;
    private final int[] types;
    private final int mask;

    /** The keywords (texts that are words) of {@code literals}, each with its token type. */
    KeywordTable(Map<String, Integer> literals) {
        int size = Integer.highestOneBit(Math.max(4, literals.size() * 4) - 1) << 1;
        this.words = new char[size][];
        this.types = new int[size];
        this.mask = size - 1;
        literals.forEach((text, type) -> {
            if (!Character.isLetter(text.charAt(0)) && text.charAt(0) != '_') {
                return;
            }
            int i = text.hashCode() & mask;
            while (words[i] != null) {
                i = (i + 1) & mask;
            }
            words[i] = text.toCharArray();
            types[i] = type;
        });
    }

    /** The token type of the keyword written at {@code s[start, start + length)}, or -1 for any other word. */
    int type(char[] s, int start, int length, int hash) {
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            char[] w = words[i];
            if (w == null) {
                return -1;
            }
            if (w.length == length && Arrays.equals(w, 0, length, s, start, start + length)) {
                return types[i];
            }
        }
    }
}
