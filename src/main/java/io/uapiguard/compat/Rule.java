package io.uapiguard.compat;

/**
 * One rule: a spec ({@link RuleInfo}: its id, severity, impact, title and description) plus a judge of one kind of
 * matched pair ({@code M}); the engine does the matching. Implementations are small, stateless and thread-safe.
 */
abstract class Rule<M extends Match> {

    private final Class<M> judges;
    private final RuleInfo info;

    Rule(Class<M> judges, RuleInfo info) {
        this.judges = judges;
        this.info = info;
    }

    final RuleInfo info() {
        return info;
    }

    /** The kind of match this rule judges. */
    final Class<M> judges() {
        return judges;
    }

    /** Adds a finding to {@code out} when the pair breaks (or otherwise concerns) user space. */
    abstract void judge(M match, Findings out);
}
