package io.uapiguard.consumer;

import io.uapiguard.UapiguardException;
import io.uapiguard.header.pp.Budget;
import io.uapiguard.header.pp.Limits;
import io.uapiguard.header.pp.PpToken;
import io.uapiguard.header.pp.Preprocessor;
import io.uapiguard.model.Abi;
import io.uapiguard.model.MapperMacro;
import io.uapiguard.model.UapiModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Runs a list of consumers over revisions: {@link #outcomes} of one text and its model. Each text's outcomes are
 * computed once and kept for the last few texts seen (by identity, else equal text), so a history walk or a check
 * against one base, where each text is both the new side of one pair and the old side of the next, runs every
 * consumer once per text. Every regex reads the text through a {@link BoundedText} with a budget of characters and
 * time: past it, the run ends in a BAD_INPUT error naming the consumer and where it was described. Thread-safe.
 */
public final class Consumers {

    /** The defaults: characters one consumer's regexes may read over one text, and the time they may take. */
    public static final long MAX_READS = 50_000_000;
    public static final long MAX_MILLIS = 1_000;

    private static final Limits SNIPPET_LIMITS = new Limits(1024 * 1024, 200, 200_000, Duration.ofSeconds(1));
    private static final int RECENT = 6;

    private final List<Consumer> consumers;
    private final long maxReads;
    private final long maxMillis;
    private final Object[] recentTexts = new Object[RECENT];
    @SuppressWarnings("unchecked")
    private final List<Outcome>[] recentOutcomes = new List[RECENT];
    private int next;
    /**
     * Per consumer without a {@code while} regex, what each line it tried gave (its entry, or {@link #NONE}): a line
     * gives the same whatever text it stands in, and consecutive revisions share nearly all their lines, so a history
     * walk runs each consumer's regexes about once per distinct line. Cleared when it grows past {@link #MAX_LINES}.
     */
    private final java.util.Map<Consumer, java.util.concurrent.ConcurrentHashMap<String, String>> lineCache =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final String NONE = new String("no entry");
    private static final int MAX_LINES = 100_000;

    public Consumers(List<Consumer> consumers) {
        this(consumers, MAX_READS, MAX_MILLIS);
    }

    Consumers(List<Consumer> consumers, long maxReads, long maxMillis) {
        this.consumers = List.copyOf(consumers);
        this.maxReads = maxReads;
        this.maxMillis = maxMillis;
    }

    public List<Consumer> list() {
        return consumers;
    }

    public boolean isEmpty() {
        return consumers.isEmpty();
    }

    /** What every consumer makes of {@code text}, whose model is {@code model}, in list order. */
    public List<Outcome> outcomes(String text, UapiModel model) {
        if (consumers.isEmpty()) {
            return List.of();
        }
        synchronized (recentTexts) {
            for (int i = 0; i < RECENT; i++) {
                if (recentTexts[i] == text) {
                    return recentOutcomes[i];
                }
            }
            for (int i = 0; i < RECENT; i++) {
                if (recentTexts[i] != null && text.equals(recentTexts[i])) {
                    return recentOutcomes[i];
                }
            }
        }
        List<Outcome> out = new ArrayList<>(consumers.size());
        for (Consumer c : consumers) {
            out.add(run(c, text, model));
        }
        List<Outcome> outcomes = List.copyOf(out);
        synchronized (recentTexts) {
            recentTexts[next] = text;
            recentOutcomes[next] = outcomes;
            next = (next + 1) % RECENT;
        }
        return outcomes;
    }

    private Outcome run(Consumer c, String text, UapiModel model) {
        return c.extraction() != null ? extract(c, c.extraction(), text, model) : expand(c, model);
    }

    private Outcome extract(Consumer c, Extraction x, String text, UapiModel model) {
        List<String> expected = x.expect().of(model, x.expectFrom());
        List<String> output = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        BoundedText.Budget budget = new BoundedText.Budget(maxReads, maxMillis);
        BoundedText window = new BoundedText(text, budget);
        try {
            int pos = 0;
            int line = 1;
            if (x.start() != null) {
                int at = text.indexOf(x.start());
                if (at < 0) {
                    return new Outcome(c, output, lines, expected, "the text '" + x.start() + "' is not in the header");
                }
                line += count(text, '\n', 0, at);
                pos = at;
                for (int i = 0; i <= x.skip() && pos >= 0; i++) {
                    pos = nextLine(text, pos);
                    line++;
                }
                if (pos < 0) {
                    return new Outcome(c, output, lines, expected, "the header ends after '" + x.start() + "'");
                }
            }
            Matcher whileMatcher = x.whilePattern() == null ? null : x.whilePattern().matcher("");
            Matcher linesMatcher = x.lines() == null ? null : x.lines().matcher("");
            Matcher capture = x.capture().matcher("");
            String literal = x.linesLiteral();
            int hit = -1;
            for (; pos >= 0 && pos < text.length(); pos = nextLine(text, pos), line++) {
                int end = text.indexOf('\n', pos);
                if (end < 0) {
                    end = text.length();
                }
                if (whileMatcher != null) {
                    if (!whileMatcher.reset(window.window(pos, end)).lookingAt()) {
                        break;
                    }
                }
                if (linesMatcher != null) {
                    if (literal != null) {
                        if (hit < pos) {
                            hit = text.indexOf(literal, pos);
                            if (hit < 0) {
                                break;   // no later line can match
                            }
                        }
                        if (hit >= end) {
                            if (whileMatcher == null) {
                                // jump to the line holding the next hit
                                int before = text.lastIndexOf('\n', hit - 1);
                                line += count(text, '\n', pos, before + 1) - 1;
                                pos = before;   // nextLine moves to before + 1
                            }
                            continue;
                        }
                    }
                }
                java.util.concurrent.ConcurrentHashMap<String, String> cache = null;
                String key = null;
                if (whileMatcher == null) {
                    cache = lineCache.computeIfAbsent(c, k -> new java.util.concurrent.ConcurrentHashMap<>());
                    key = text.substring(pos, end);
                    String known = cache.get(key);
                    if (known != null) {
                        if (known != NONE) {
                            output.add(known);
                            lines.add(line);
                        }
                        continue;
                    }
                }
                String entry = lineEntry(x, text, pos, end, window, linesMatcher, capture);
                if (cache != null) {
                    if (cache.size() > MAX_LINES) {
                        cache.clear();
                    }
                    cache.put(key, entry == null ? NONE : entry);
                }
                if (entry != null) {
                    output.add(entry);
                    lines.add(line);
                }
            }
        } catch (BoundedText.Exceeded e) {
            throw new UapiguardException(UapiguardException.Reason.BAD_INPUT, "consumer " + c.name() + ": a regex "
                    + e.getMessage() + " over one header (catastrophic backtracking?)", c.file(), c.line(), 0,
                    null);
        }
        return new Outcome(c, output, lines, expected, null);
    }

    /** The entry of one line that passed the literal prefilter (and the while regex), null when it gives none. */
    private static String lineEntry(Extraction x, String text, int pos, int end, BoundedText window,
                                    Matcher linesMatcher, Matcher capture) {
        {
            {
                if (linesMatcher != null && !linesMatcher.reset(window.window(pos, end)).find()) {
                    return null;
                }
                int from = pos;
                int to = end;
                if (x.field() > 0) {
                    int[] f = field(text, pos, end, x.field());
                    from = f[0];
                    to = f[1];
                }
                if (capture.reset(window.window(from, to)).find()) {
                    return capture.group(1) == null ? "" : capture.group(1);
                }
                return x.emptyWhenUnmatched() ? "" : null;
            }
        }
    }

    /** The start of the line after the one holding {@code pos}, -1 at the last line. */
    private static int nextLine(String text, int pos) {
        int nl = text.indexOf('\n', pos);
        return nl < 0 ? -1 : nl + 1;
    }

    private static int count(String text, char c, int from, int to) {
        int n = 0;
        for (int i = text.indexOf(c, from); i >= 0 && i < to; i = text.indexOf(c, i + 1)) {
            n++;
        }
        return n;
    }

    /** awk's {@code $n} of the line {@code [from, to)}: fields are separated by runs of blanks; empty past the last. */
    private static int[] field(String text, int from, int to, int n) {
        int i = from;
        for (int k = 1; ; k++) {
            while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            int start = i;
            while (i < to && text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                i++;
            }
            if (k == n || start == to) {
                return new int[] {start, i};
            }
        }
    }

    /**
     * The snippet after the model's mapper macros, preprocessed: the expansion's tokens. A model without the mapper
     * gives a problem, as does a snippet that does not preprocess.
     */
    private Outcome expand(Consumer c, UapiModel model) {
        List<MapperMacro> macros = model.mapper().macros();
        int line = macros.stream().filter(m -> m.name().equals("__BPF_FUNC_MAPPER")).mapToInt(MapperMacro::line)
                .findFirst().orElse(1);
        if (model.mapper().expansion() == null) {
            return new Outcome(c, List.of(), List.of(), null, "the header does not define __BPF_FUNC_MAPPER");
        }
        StringBuilder source = new StringBuilder();
        for (MapperMacro m : macros) {
            source.append("#define ").append(m.name()).append('(').append(String.join(", ", m.params())).append(") ")
                    .append(m.body() == null ? "" : m.body()).append('\n');
        }
        int firstSnippetLine = macros.size() + 1;
        source.append(c.snippet().text()).append('\n');
        String key = c.name() + '\u0000' + source;
        Outcome known = snippetCache.get(key);
        if (known != null) {
            return known;
        }
        Outcome made = preprocess(c, source.toString(), firstSnippetLine, line);
        if (snippetCache.size() > 1000) {
            snippetCache.clear();
        }
        snippetCache.put(key, made);
        return made;
    }

    /** The snippet's expansion: the mapper macros change in few revisions, so it is kept per source text. */
    private final java.util.Map<String, Outcome> snippetCache = new java.util.concurrent.ConcurrentHashMap<>();

    private Outcome preprocess(Consumer c, String source, int firstSnippetLine, int line) {
        try {
            Preprocessor.Result r = new Preprocessor("consumer " + c.name(),
                    new Budget(SNIPPET_LIMITS, "consumer " + c.name()), Abi.X86_64).run(source);
            List<String> tokens = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            for (PpToken t : r.tokens()) {
                if (t.getLine() >= firstSnippetLine) {
                    tokens.add(t.getText());
                    lines.add(line);
                }
            }
            return new Outcome(c, tokens, lines, null, null);
        } catch (UapiguardException e) {
            if (e.reason() == UapiguardException.Reason.INTERNAL) {
                throw e;
            }
            return new Outcome(c, List.of(), List.of(), null, "the snippet does not preprocess: " + e.getMessage());
        }
    }
}
