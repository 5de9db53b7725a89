package io.uapiguard.policy;

import io.uapiguard.consumer.Consumer;
import io.uapiguard.consumer.Expect;
import io.uapiguard.consumer.Extraction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The {@code consumers:} list of {@code .uapiguard.yml} (and of the shipped catalogue): consumers of the header's
 * text, each with a name, a source link, the commit it was taken from, and either an {@code extract:} mapping or a C
 * {@code snippet:}. Every error names the line of the entry.
 * <pre>
 * consumers:
 *   - name: my-gen
 *     source: https://example.org/gen.awk
 *     commit: 0123abcd
 *     extract:
 *       start: '#define __BPF_FUNC_MAPPER(FN)'   # optional: seek this text, read from the next line
 *       skip: 0                                  # optional: lines discarded after it
 *       while: '\s*FN\('                         # optional: only the consecutive lines it matches at their start
 *       lines: 'FN\(.+\),'                       # optional: only lines it is found in
 *       field: 1                                 # optional: awk's $1 (fields split at blanks)
 *       capture: '\((\w+)\)'                     # required, group 1 is the entry
 *       unmatched: empty                         # optional: skip (default) | empty, as awk prints anyway
 *       expect: helpers                          # helpers | signatures
 *       expect-from: 0                           # optional: the model's list from this position
 *   - name: my-table
 *     source: https://example.org/table.c
 *     commit: 0123abcd
 *     snippet: |
 *       #define F(x) #x,
 *       __BPF_FUNC_MAPPER(F)
 * </pre>
 */
final class ConsumersReader {

    /** Longest regex accepted: long ones are a sign of something other than a line filter. */
    static final int MAX_REGEX_CHARS = 1000;

    private final PolicyReader reader;
    private final JsonParser parser;
    private final String file;

    ConsumersReader(PolicyReader reader, JsonParser parser, String file) {
        this.reader = reader;
        this.parser = parser;
        this.file = file;
    }

    List<Consumer> read(JsonToken start) {
        reader.expect(start, JsonToken.START_ARRAY, "a list of consumers, each with a name, source, commit and an"
                + " 'extract' or a 'snippet'");
        List<Consumer> consumers = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            reader.expect(t, JsonToken.START_OBJECT, "a consumer: a mapping with name, source, commit and an 'extract'"
                    + " or a 'snippet'");
            Consumer c = consumer();
            if (consumers.stream().anyMatch(o -> o.name().equals(c.name()))) {
                throw reader.error(c.line(), "a second consumer named '" + c.name() + "'");
            }
            consumers.add(c);
        }
        return consumers;
    }

    private Consumer consumer() {
        int line = parser.currentTokenLocation().getLineNr();
        String name = null;
        String source = null;
        String commit = null;
        Extraction extraction = null;
        String snippet = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (key) {
                case "name" -> name = reader.scalar(value, key);
                case "source" -> source = reader.scalar(value, key);
                case "commit" -> commit = reader.scalar(value, key);
                case "extract" -> extraction = extraction(value);
                case "snippet" -> snippet = reader.scalar(value, key);
                default -> throw reader.error("unknown key '" + key + "' in consumer: expected name, source, commit,"
                        + " extract or snippet");
            }
        }
        if (name == null || name.isBlank() || source == null || commit == null) {
            throw reader.error(line, "consumer needs a 'name', a 'source' (a link) and the 'commit' it was taken from");
        }
        if ((extraction == null) == (snippet == null)) {
            throw reader.error(line, "consumer " + name + " needs either an 'extract' or a 'snippet' (one of them)");
        }
        return new Consumer(name, source, commit, extraction,
                snippet == null ? null : new Consumer.Snippet(snippet), file, line);
    }

    private Extraction extraction(JsonToken start) {
        reader.expect(start, JsonToken.START_OBJECT, "an extraction: a mapping with at least 'capture' and 'expect'");
        int line = parser.currentTokenLocation().getLineNr();
        String seek = null;
        int skip = 0;
        Pattern whilePattern = null;
        Pattern lines = null;
        Pattern unless = null;
        int field = 0;
        Pattern capture = null;
        boolean empty = false;
        Expect expect = null;
        int from = 0;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (key) {
                case "start" -> seek = reader.scalar(value, key);
                case "skip" -> skip = count(value, key, 1000);
                case "while" -> whilePattern = regex(value, key);
                case "lines" -> lines = regex(value, key);
                case "unless" -> unless = regex(value, key);
                case "field" -> field = count(value, key, 100);
                case "capture" -> capture = regex(value, key);
                case "unmatched" -> {
                    String v = reader.scalar(value, key);
                    if (!v.equals("empty") && !v.equals("skip")) {
                        throw reader.error("'unmatched' must be 'skip' or 'empty', not '" + v + "'");
                    }
                    empty = v.equals("empty");
                }
                case "expect" -> {
                    String v = reader.scalar(value, key);
                    expect = Expect.of(v).orElseThrow(() -> reader.error("unknown 'expect' '" + v + "': expected "
                            + Arrays.stream(Expect.values()).map(Expect::id).collect(Collectors.joining(" or "))));
                }
                case "expect-from" -> from = count(value, key, 100_000);
                default -> throw reader.error("unknown key '" + key + "' in extract: expected start, skip, while,"
                        + " lines, unless, field, capture, unmatched, expect or expect-from");
            }
        }
        if (capture == null || expect == null) {
            throw reader.error(line, "an extraction needs a 'capture' regex (group 1 is the entry) and what to"
                    + " 'expect' (helpers or signatures)");
        }
        if (capture.matcher("").groupCount() < 1) {
            throw reader.error(line, "the 'capture' regex has no group: group 1 is the entry");
        }
        return new Extraction(seek, skip, whilePattern, lines, unless, field, capture, empty, expect, from);
    }

    private Pattern regex(JsonToken value, String key) {
        String text = reader.scalar(value, key);
        if (text.length() > MAX_REGEX_CHARS) {
            throw reader.error("the '" + key + "' regex is longer than " + MAX_REGEX_CHARS + " characters");
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw reader.error("the '" + key + "' regex does not compile: " + e.getDescription() + " near index "
                    + e.getIndex());
        }
    }

    private int count(JsonToken value, String key, int max) {
        if (value != JsonToken.VALUE_NUMBER_INT || parser.getValueAsInt() < 0 || parser.getValueAsInt() > max) {
            throw reader.error("'" + key + "' must be a whole number from 0 to " + max);
        }
        return parser.getValueAsInt();
    }
}
