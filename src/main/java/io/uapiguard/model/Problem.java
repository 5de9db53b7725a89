package io.uapiguard.model;

/**
 * Something inconsistent inside one revision, by kind: {@code helper-undocumented}, {@code helper-doc-orphan},
 * {@code mapper-id-mismatch}, {@code helper-duplicate-id}, {@code helper-doc-malformed}. The kinds are part of the
 * published model, so they live here, beside the record, for the front end that finds them and the rules that
 * judge them.
 */
public record Problem(String kind, String symbol, int line, String message) {

    /** A helper of the enum without any documented signature ({@code unspec}, id 0, is a placeholder: exempt). */
    public static final String UNDOCUMENTED = "helper-undocumented";
    /** A documented signature whose function is not in the enum. */
    public static final String DOC_ORPHAN = "helper-doc-orphan";
    /** An explicit mapper id that differs from the enum value, or a mapper entry missing from the enum. */
    public static final String MAPPER_ID_MISMATCH = "mapper-id-mismatch";
    /** A helper whose enum value another, earlier helper already has. */
    public static final String DUPLICATE_ID = "helper-duplicate-id";
    /** A line of the helper comment that looks like a signature but does not parse. */
    public static final String DOC_MALFORMED = "helper-doc-malformed";
}
