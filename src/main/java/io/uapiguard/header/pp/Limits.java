package io.uapiguard.header.pp;

import java.time.Duration;

/**
 * Bounds that keep hostile input from hanging the front end or exhausting its memory or stack.
 * Exceeding one is a {@code LIMIT_EXCEEDED} error, never a partial model.
 *
 * @param maxInputChars   longest header text accepted
 * @param maxDepth        deepest nesting of macro expansion, brackets and constant expressions
 * @param maxTokens       most tokens the expander may produce in one parse
 * @param timeBudget      wall-clock time one parse may take
 */
public record Limits(int maxInputChars, int maxDepth, int maxTokens, Duration timeBudget) {

    /** Generous for bpf.h (286 KB, about 60,000 tokens, a few milliseconds) and still safe. */
    public static final Limits DEFAULT = new Limits(16 * 1024 * 1024, 200, 2_000_000, Duration.ofSeconds(10));
}
