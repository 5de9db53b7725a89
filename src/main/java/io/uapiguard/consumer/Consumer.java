package io.uapiguard.consumer;

import java.util.Objects;

/**
 * One consumer of a header's text, as data: a name, where it comes from ({@code source}, a link, and the
 * {@code commit} it was taken from), and what it does, either a text {@link Extraction} or a C {@link Snippet}.
 * {@code file} and {@code line} say where it was described (the catalogue or a project's {@code .uapiguard.yml}),
 * for errors.
 */
public record Consumer(String name, String source, String commit, Extraction extraction, Snippet snippet,
                       String file, int line) {

    public Consumer {
        Objects.requireNonNull(name, "name");
        if ((extraction == null) == (snippet == null)) {
            throw new IllegalArgumentException("a consumer is either an extraction or a snippet: " + name);
        }
    }

    /** A C snippet: macro definitions and a use of the helper mapper, expanded by the tool's own preprocessor. */
    public record Snippet(String text) {
    }

    /** "extraction" or "snippet", as the catalogue and the findings say. */
    public String kind() {
        return extraction != null ? "extraction" : "snippet";
    }
}
