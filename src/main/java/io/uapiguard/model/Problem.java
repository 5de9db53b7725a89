package io.uapiguard.model;

/**
 * Something inconsistent inside one revision, by kind: {@code helper-undocumented}, {@code helper-doc-orphan},
 * {@code mapper-id-mismatch}, {@code helper-duplicate-id}, ...
 */
public record Problem(String kind, String symbol, int line, String message) {
}
