package io.uapiguard.compat;

import java.util.Locale;

/**
 * What a rule's change breaks, beside its severity (as japicmp's change types carry binary and source
 * compatibility): compiled binaries (ABI), sources that build against the header (API), or only tools that scrape
 * the header's text. {@code NONE} for what breaks nothing. Ordered from the widest break to none.
 */
public enum Impact {
    /** Compiled programs or binaries now behave differently or fail (an id, value, offset or size changed). */
    ABI,
    /** Sources written against the old header no longer build, or build to something else. */
    API,
    /** Only consumers that read the header as text (doc-comment and macro scrapers, generated bindings). */
    TEXT,
    /** Nothing breaks; reported so reviewers see the UAPI change. */
    NONE;

    /** The lower-case id used in JSON, SARIF, Markdown and {@code --fail-on}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this impact is at least as wide as {@code threshold} (ABI is wider than API, API than TEXT). */
    public boolean atLeast(Impact threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
