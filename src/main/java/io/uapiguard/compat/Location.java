package io.uapiguard.compat;

/** Where a finding points: the header path and a 1-based line (0 when unknown). */
public record Location(String path, int line) {
}
