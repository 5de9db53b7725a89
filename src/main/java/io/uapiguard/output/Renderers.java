package io.uapiguard.output;

import io.uapiguard.UapiguardException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every output format, by the name the CLI and the web API accept. */
public final class Renderers {

    private static final Map<String, Renderer> BY_FORMAT = new LinkedHashMap<>();

    static {
        for (Renderer r : List.of(new TextRenderer(), new JsonRenderer(), new SarifRenderer(), new MarkdownRenderer(),
                new JunitRenderer())) {
            BY_FORMAT.put(r.format(), r);
        }
    }

    private Renderers() {
    }

    /** Every renderer: text, json, sarif, markdown, junit. */
    public static List<Renderer> all() {
        return List.copyOf(BY_FORMAT.values());
    }

    /**
     * The renderer of {@code format}.
     *
     * @throws UapiguardException BAD_INPUT naming the valid formats for an unknown one
     */
    public static Renderer forFormat(String format) {
        Renderer r = format == null ? null : BY_FORMAT.get(format);
        if (r == null) {
            throw new UapiguardException(UapiguardException.Reason.BAD_INPUT,
                    "unknown format '" + format + "': expected one of " + String.join(", ", BY_FORMAT.keySet()));
        }
        return r;
    }
}
