package io.uapiguard.consumer;

import java.util.List;

/**
 * What one consumer made of one revision. For an extraction: its {@code output} (one entry per extracted line, with
 * the 1-based {@code lines} they came from) and the model's {@code expected} list; it {@code matches} when they are
 * equal. For a snippet: {@code output} is the expansion's tokens, {@code expected} null, and it matches when it
 * expanded. {@code problem}: why nothing could be extracted or expanded (start text absent, mapper undefined, a
 * preprocessing error), else null.
 */
public record Outcome(Consumer consumer, List<String> output, List<Integer> lines, List<String> expected,
                      String problem) {

    public Outcome {
        output = List.copyOf(output);
        lines = List.copyOf(lines);
        expected = expected == null ? null : List.copyOf(expected);
    }

    public boolean matches() {
        return problem == null && (expected == null || output.equals(expected));
    }

    /** The index of the first entry where {@code output} and {@code other} differ; -1 when they are equal. */
    public static int firstDifference(List<String> output, List<String> other) {
        int n = Math.min(output.size(), other.size());
        for (int i = 0; i < n; i++) {
            if (!output.get(i).equals(other.get(i))) {
                return i;
            }
        }
        return output.size() == other.size() ? -1 : n;
    }
}
