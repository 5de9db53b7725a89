package io.uapiguard.consumer;

import io.uapiguard.UapiguardException;
import io.uapiguard.header.lex.TextChange;
import io.uapiguard.model.MapperMacro;
import io.uapiguard.model.UapiModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Runs a list of consumers over revisions. {@link #changes} says what each consumer made of two revisions, as the
 * comparison needs it, and does no more work than the change between their texts requires:
 * <ul>
 * <li>an extraction reads the changed lines only ({@link TextChange}, {@link Reading#next}), starting from what it
 * read of the old text; without that, it is not run at all when no changed line is one it would use and the model's
 * list is the same on both sides (then it cannot have changed), else it reads the old text whole first;</li>
 * <li>a snippet is expanded only when the mapper macros differ, and once per distinct mapper.</li>
 * </ul>
 * What it made of each text is kept for the last few texts seen (by identity, else equal text), so a history walk,
 * where each text is the new side of one pair and the old side of the next, or checks against one base, reuse it.
 * Every regex reads through a {@link BoundedText} with a budget of characters and time: past it, the run ends in a
 * BAD_INPUT error naming the consumer and where it was described. Thread-safe.
 */
public final class Consumers {

    /** The defaults: characters one consumer's regexes may read over one text, and the time they may take. */
    public static final long MAX_READS = 50_000_000;
    public static final long MAX_MILLIS = 1_000;

    /**
     * Texts kept with what the consumers made of them, the least recently used let go: a walk needs the last one, a
     * service its few bases among the candidates passing through.
     */
    private static final int RECENT_TEXTS = 4;
    private static final int RECENT_MAPPERS = 4;

    /** What one consumer of one pair of revisions made of each. */
    public record Change(Outcome before, Outcome after) {
    }

    /**
     * A revision's text as {@link #changes} takes it: the string, and its characters when the caller holds them
     * already (a history walk parses from them), else null: they are copied once when the change needs them.
     */
    public record Text(String string, char[] chars) {

        public Text {
            Objects.requireNonNull(string, "string");
        }

        public static Text of(String string) {
            return new Text(string, null);
        }
    }

    private final List<Consumer> consumers;
    private final long maxReads;
    private final long maxMillis;
    /** The last texts seen, the most recently used first. */
    private final Side[] recent = new Side[RECENT_TEXTS];
    /** Per snippet, its expansion of the last few distinct mappers (macros without their lines), newest last. */
    private final List<List<Object[]>> expansions;
    /** Per snippet (null for an extraction), how it is expanded, with what it keeps across mappers. */
    private final List<SnippetExpansion> snippets;

    public Consumers(List<Consumer> consumers) {
        this(consumers, MAX_READS, MAX_MILLIS);
    }

    Consumers(List<Consumer> consumers, long maxReads, long maxMillis) {
        this.consumers = List.copyOf(consumers);
        this.maxReads = maxReads;
        this.maxMillis = maxMillis;
        this.expansions = new ArrayList<>();
        this.snippets = new ArrayList<>();
        for (Consumer c : this.consumers) {
            expansions.add(new ArrayList<>());
            snippets.add(c.snippet() == null ? null : new SnippetExpansion(c));
        }
    }

    public List<Consumer> list() {
        return consumers;
    }

    public boolean isEmpty() {
        return consumers.isEmpty();
    }

    /** What every consumer makes of {@code text}, whose model is {@code model}, in list order. */
    public List<Outcome> outcomes(String text, UapiModel model) {
        Side side = side(text, null, model);
        List<Outcome> out = new ArrayList<>(consumers.size());
        for (int i = 0; i < consumers.size(); i++) {
            out.add(outcome(side, model, i));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * What each consumer made of the old and of the new revision, in list order, leaving out those the change
     * cannot have made a difference to: nothing they read changed (or they made the very same entries of it) and
     * the model's list is the same.
     */
    public List<Change> changes(Text oldSide, UapiModel oldModel, Text newSide, UapiModel newModel) {
        String oldText = oldSide.string();
        String newText = newSide.string();
        if (consumers.isEmpty() || oldText.equals(newText)) {
            return List.of();
        }
        Side was = side(oldText, oldSide.chars(), oldModel);
        Side now = side(newText, newSide.chars(), newModel);
        TextChange change = null;        // found for the first extraction
        Boolean mapperChanged = null;    // found for the first snippet
        List<Change> out = new ArrayList<>();
        for (int i = 0; i < consumers.size(); i++) {
            Consumer c = consumers.get(i);
            if (c.snippet() != null) {
                if (mapperChanged == null) {
                    mapperChanged = !mapperKey(oldModel).equals(mapperKey(newModel));
                }
                if (mapperChanged) {
                    out.add(new Change(outcome(was, oldModel, i), outcome(now, newModel, i)));
                }
                continue;
            }
            Extraction x = c.extraction();
            Reading before = (Reading) was.made(i);
            Reading known = (Reading) now.made(i);
            if (before != null && known != null) {
                // both sides read already (a check repeated against its base): nothing to read
                if (!before.sameAs(known)) {
                    out.add(new Change(before.outcome(), known.outcome()));
                }
                continue;
            }
            if (change == null) {
                change = TextChange.between(oldText, was.chars(), newText, now.chars());
            }
            if (before == null
                    && Reading.untouched(c, oldText, change, newText, budget())
                    && was.expected(oldModel, x.expect(), x.expectFrom())
                            .equals(now.expected(newModel, x.expect(), x.expectFrom()))) {
                continue;   // it reads the same lines on both sides, and must find the same list in both
            }
            Reading old = reading(was, oldModel, i);
            TextChange delta = change;
            Reading fresh = now.made(i, () -> old.next(c, oldText, delta, newText,
                    now.expected(newModel, x.expect(), x.expectFrom()), budget()));
            if (!old.sameAs(fresh)) {
                out.add(new Change(old.outcome(), fresh.outcome()));
            }
        }
        return out;
    }

    /** What consumer {@code i} makes of {@code side}, whose model is {@code model}. */
    private Outcome outcome(Side side, UapiModel model, int i) {
        Consumer c = consumers.get(i);
        if (c.snippet() != null) {
            return side.made(i, () -> expand(i, c, model));
        }
        return reading(side, model, i).outcome();
    }

    private Reading reading(Side side, UapiModel model, int i) {
        return side.made(i, () -> read(side, model, i));
    }

    private Reading read(Side side, UapiModel model, int i) {
        Consumer c = consumers.get(i);
        Extraction x = c.extraction();
        return Reading.of(c, side.text, side.expected(model, x.expect(), x.expectFrom()), budget());
    }

    private BoundedText.Budget budget() {
        return new BoundedText.Budget(maxReads, maxMillis);
    }

    /** The side of {@code text} whose model is {@code model}, kept for the last few. */
    private Side side(String text, char[] chars, UapiModel model) {
        synchronized (recent) {
            int at = indexOf(text, model);
            Side s = at >= 0 ? recent[at] : new Side(text, chars, model, consumers.size());
            // Most recently used first: a base that every check reads stays, however many candidates pass.
            System.arraycopy(recent, 0, recent, 1, at >= 0 ? at : RECENT_TEXTS - 1);
            recent[0] = s;
            return s;
        }
    }

    /**
     * Where {@code text} with {@code model} is among the recent sides, -1 when it is not: the text by identity first,
     * then by content; the model by identity, so that what a side keeps was all made with one model.
     */
    private int indexOf(String text, UapiModel model) {
        for (int i = 0; i < RECENT_TEXTS; i++) {
            if (recent[i] != null && recent[i].text == text && recent[i].isOf(model)) {
                return i;
            }
        }
        for (int i = 0; i < RECENT_TEXTS; i++) {
            if (recent[i] != null && recent[i].text.length() == text.length() && recent[i].isOf(model)
                    && recent[i].text.equals(text)) {
                return i;
            }
        }
        return -1;
    }

    static UapiguardException exceeded(Consumer c, BoundedText.Exceeded e) {
        return new UapiguardException(UapiguardException.Reason.BAD_INPUT, "consumer " + c.name() + ": a regex "
                + e.getMessage() + " over one header (catastrophic backtracking?)", c.file(), c.line(), 0, null);
    }

    /** The mapper macros as the snippets see them: everything but their lines. */
    private static List<MapperMacro> mapperKey(UapiModel model) {
        List<MapperMacro> key = new ArrayList<>(model.mapper().macros().size() + 1);
        for (MapperMacro m : model.mapper().macros()) {
            key.add(new MapperMacro(m.name(), m.params(), m.fnArity(), m.separator(), 0, m.body()));
        }
        if (model.mapper().expansion() == null) {
            key.add(null);   // no __BPF_FUNC_MAPPER: a problem, whatever the other macros
        }
        return key;
    }

    /**
     * The snippet after the model's mapper macros, preprocessed ({@link SnippetExpansion}): the expansion's tokens,
     * each on the line of {@code __BPF_FUNC_MAPPER}. A model without the mapper gives a problem, as does a snippet
     * that does not preprocess. The expansion is kept for the last few distinct mappers.
     */
    private Outcome expand(int i, Consumer c, UapiModel model) {
        List<MapperMacro> macros = model.mapper().macros();
        int line = macros.stream().filter(m -> m.name().equals("__BPF_FUNC_MAPPER")).mapToInt(MapperMacro::line)
                .findFirst().orElse(1);
        if (model.mapper().expansion() == null) {
            return new Outcome(c, List.of(), List.of(), null, "the header does not define __BPF_FUNC_MAPPER");
        }
        List<MapperMacro> key = mapperKey(model);
        List<Object[]> known = expansions.get(i);
        SnippetExpansion.Result made = null;
        synchronized (known) {
            for (Object[] k : known) {
                if (k[0].equals(key)) {
                    made = (SnippetExpansion.Result) k[1];
                    break;
                }
            }
        }
        if (made == null) {
            made = snippets.get(i).byEntries(macros, model.mapper().expansion());
            synchronized (known) {
                known.add(new Object[] {key, made});
                if (known.size() > RECENT_MAPPERS) {
                    known.remove(0);
                }
            }
        }
        return new Outcome(c, made.tokens(), Collections.nCopies(made.tokens().size(), line), null, made.problem());
    }
}
