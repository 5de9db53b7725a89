package io.uapiguard.consumer;

import io.uapiguard.model.UapiModel;
import java.lang.ref.WeakReference;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One revision's text as the consumers read it, shared by all of them: its characters (for
 * {@link io.uapiguard.header.lex.TextChange}), the model's lists the extractions must equal, and what each consumer
 * made of it once computed (a {@link Reading}, or a snippet's {@link Outcome}), all with one model. That model is
 * held weakly, to know it again: the caller passes it with every use, and a model kept alive here (megabytes of a
 * large header) would be copied by every young collection while the side is among the recent ones. Thread-safe:
 * each slot is computed under this side's lock, never holding another's.
 */
final class Side {

    final String text;
    /** The model everything here was made with, by identity; cleared once nothing else holds it. */
    private final WeakReference<UapiModel> model;
    /**
     * The caller's array, held weakly: a history walk keeps it while it parses from it, and this cache does not keep
     * it alive after (a young collection would copy it at each collection).
     */
    private WeakReference<char[]> chars;
    /**
     * A copy made here when the caller gave none (a check's base, read again by every check against it): held as
     * long as this side is, or each check would copy the 300 KB text again once a collection had taken it.
     */
    private char[] copy;
    private final Object[] made;
    private final Map<Expect, List<String>> expected = new EnumMap<>(Expect.class);

    Side(String text, char[] chars, UapiModel model, int consumers) {
        this.text = text;
        this.model = new WeakReference<>(model);
        this.chars = chars == null ? null : new WeakReference<>(chars);
        this.made = new Object[consumers];
    }

    /** Whether this side was made with {@code model} (the very object). */
    boolean isOf(UapiModel model) {
        return this.model.get() == model;
    }

    /** The text's characters: the caller's while it holds them, else a copy kept with this side. */
    synchronized char[] chars() {
        char[] c = chars == null ? null : chars.get();
        if (c == null) {
            if (copy == null) {
                copy = text.toCharArray();
            }
            c = copy;
        }
        return c;
    }

    /** The list of {@code model} (this side's: {@link #isOf}) for {@code expect}, from position {@code from} on. */
    synchronized List<String> expected(UapiModel model, Expect expect, int from) {
        List<String> all = expected.computeIfAbsent(expect, e -> e.of(model));
        return from == 0 ? all : from >= all.size() ? List.of() : all.subList(from, all.size());
    }

    /** What consumer {@code i} made of this text, null when not computed yet. */
    synchronized Object made(int i) {
        return made[i];
    }

    /** What consumer {@code i} made of this text, computed by {@code make} the first time. */
    <T> T made(int i, Supplier<T> make) {
        synchronized (this) {
            if (made[i] != null) {
                @SuppressWarnings("unchecked")
                T known = (T) made[i];
                return known;
            }
        }
        T value = make.get();   // outside the lock: it may read other sides
        synchronized (this) {
            if (made[i] == null) {
                made[i] = value;
            }
            @SuppressWarnings("unchecked")
            T kept = (T) made[i];
            return kept;
        }
    }
}
