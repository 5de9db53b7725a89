package io.uapiguard.compat;

/**
 * What the catalog says about one rule: a stable id (never reused or deleted), a one-line title, a description,
 * the default severity, its impact (what the change breaks: binaries, sources, or only text scrapers), a reference
 * link, and, for a retired rule, the id that replaces it.
 */
public record RuleInfo(
        String id,
        String title,
        String description,
        Severity defaultSeverity,
        Impact impact,
        String reference,
        boolean deprecated,
        String replacedBy) {

    /** A current (not deprecated) rule whose reference is its section of the rules document. */
    static RuleInfo of(String id, Severity severity, Impact impact, String title, String description) {
        return new RuleInfo(id, title, description, severity, impact, RuleCatalog.referenceFor(id), false, null);
    }
}
