package io.uapiguard.header.pp;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The macros defined at a point of a preprocessing run, by name, in definition order. Every word of the text is
 * looked up here and almost none is a macro (a few hundred predefined and defined names against some 20,000 words a
 * header): a filter of the names' hashes (interned words keep theirs) answers most of those lookups without reaching
 * the map's nodes, which were a cache miss apiece. The filter forgets nothing ({@code #undef} leaves its bits set):
 * it may send a lookup on to the map, never turn a macro away.
 */
final class MacroTable {

    /** A few per cent of words pass for a macro with the ~400 names of a header and its target. */
    private static final int FILTER_BITS = 8192;
    private static final int FILTER_SHIFT = 32 - Integer.numberOfTrailingZeros(FILTER_BITS);

    private final Map<String, Macro> byName = new LinkedHashMap<>(512);
    private final long[] filter = new long[FILTER_BITS / Long.SIZE];

    Macro get(String name) {
        return mayHold(name.hashCode()) ? byName.get(name) : null;
    }

    boolean containsKey(String name) {
        return get(name) != null;
    }

    /** Defines {@code m} under its name, after the macros defined before it (a redefinition moves to the end). */
    void define(Macro m) {
        byName.remove(m.name());
        byName.put(m.name(), m);
        int h = m.name().hashCode();
        set(bitA(h));
        set(bitB(h));
    }

    void undefine(String name) {
        byName.remove(name);
    }

    Collection<Macro> values() {
        return byName.values();
    }

    /** False when no macro's name has the hash {@code h}: the filter's answer, true when it cannot tell. */
    boolean mayHold(int h) {
        return isSet(bitA(h)) && isSet(bitB(h));
    }

    private void set(int bit) {
        filter[bit / Long.SIZE] |= 1L << bit;
    }

    private boolean isSet(int bit) {
        return (filter[bit / Long.SIZE] & 1L << bit) != 0;
    }

    /** Two independent bit positions of a hash: its low bits, and its high bits once mixed. */
    private static int bitA(int h) {
        return h & (FILTER_BITS - 1);
    }

    private static int bitB(int h) {
        return (h * 0x9E3779B9) >>> FILTER_SHIFT;
    }
}
