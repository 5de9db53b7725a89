package io.uapiguard.compat;

/**
 * One rule judges one kind of matched pair ({@code M}); the engine does the matching.
 * Implementations are small, stateless and thread-safe.
 */
interface Rule<M extends Match> {

    RuleInfo info();

    /** The kind of match this rule judges. */
    Class<M> judges();

    /** Adds a finding to {@code out} when the pair breaks (or otherwise concerns) user space. */
    void judge(M match, Findings out);
}
