package io.uapiguard.header.pp;

import java.util.Arrays;

/**
 * An immutable set of macro ids (sorted int array): the macros a token must not be expanded by again.
 * Nearly every token has the empty set, so the common operations return their operands unchanged.
 */
public final class HideSet {

    public static final HideSet EMPTY = new HideSet(new int[0]);

    private final int[] ids;

    private HideSet(int[] ids) {
        this.ids = ids;
    }

    int size() {
        return ids.length;
    }

    /** The {@code i}-th smallest id. */
    int get(int i) {
        return ids[i];
    }

    boolean contains(int id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }

    /** Whether this set holds {@code id} and nothing else. */
    boolean isOnly(int id) {
        return ids.length == 1 && ids[0] == id;
    }

    public HideSet with(int id) {
        int at = Arrays.binarySearch(ids, id);
        if (at >= 0) {
            return this;
        }
        int insert = -at - 1;
        int[] out = new int[ids.length + 1];
        System.arraycopy(ids, 0, out, 0, insert);
        out[insert] = id;
        System.arraycopy(ids, insert, out, insert + 1, ids.length - insert);
        return new HideSet(out);
    }

    HideSet union(HideSet other) {
        if (other == this || other.ids.length == 0) {
            return this;
        }
        if (ids.length == 0) {
            return other;
        }
        int[] out = new int[ids.length + other.ids.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < ids.length && j < other.ids.length) {
            int a = ids[i];
            int b = other.ids[j];
            if (a == b) {
                out[n++] = a;
                i++;
                j++;
            } else if (a < b) {
                out[n++] = a;
                i++;
            } else {
                out[n++] = b;
                j++;
            }
        }
        while (i < ids.length) {
            out[n++] = ids[i++];
        }
        while (j < other.ids.length) {
            out[n++] = other.ids[j++];
        }
        if (n == ids.length) {
            return this;
        }
        if (n == other.ids.length) {
            return other;
        }
        return new HideSet(Arrays.copyOf(out, n));
    }

    HideSet intersect(HideSet other) {
        if (other == this) {
            return this;
        }
        if (ids.length == 0 || other.ids.length == 0) {
            return EMPTY;
        }
        int[] out = new int[Math.min(ids.length, other.ids.length)];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < ids.length && j < other.ids.length) {
            int a = ids[i];
            int b = other.ids[j];
            if (a == b) {
                out[n++] = a;
                i++;
                j++;
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return n == 0 ? EMPTY : new HideSet(Arrays.copyOf(out, n));
    }
}
