/**
 * Applies a candidate patch (unified diff, {@code git format-patch} output, or an mbox of a series) to one header's
 * text with JGit's patch parser; a hunk that does not apply is a PARSE_ERROR naming the file, hunk header and line.
 */
package io.uapiguard.patch;
