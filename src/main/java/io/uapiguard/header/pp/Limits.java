package io.uapiguard.header.pp;

import java.time.Duration;

/**
 * Bounds that keep hostile input from hanging the front end or exhausting its memory or stack.
 * Exceeding one is a {@code LIMIT_EXCEEDED} error, never a partial model.
 *
 * @param maxInputChars   longest header text accepted
 * @param maxDepth        deepest nesting of macro expansion, brackets and constant expressions
 * @param maxTokens       most tokens one parse may hold: those read from the text and those macro expansion produces
 * @param maxMembers      most members (declarators) of one struct or union, or enumerators of one enum
 * @param maxDeclarations most members, enumerators and top-level declarations of one header together
 * @param timeBudget      wall-clock time one parse may take
 */
public record Limits(int maxInputChars, int maxDepth, int maxTokens, int maxMembers, int maxDeclarations,
                     Duration timeBudget) {

    /**
     * Generous for bpf.h (286 KB, about 60,000 tokens, a few milliseconds; its largest enum has a few hundred
     * enumerators, the whole header a few thousand declarations) and still safe: the tokens and the parse tree, the
     * memory of one parse, are bounded while they are made.
     */
    public static final Limits DEFAULT = new Limits(16 * 1024 * 1024, 200, 2_000_000, 10_000, 100_000,
            Duration.ofSeconds(10));

    /** The default member and declaration counts with the other bounds given. */
    public Limits(int maxInputChars, int maxDepth, int maxTokens, Duration timeBudget) {
        this(maxInputChars, maxDepth, maxTokens, 10_000, 100_000, timeBudget);
    }
}
