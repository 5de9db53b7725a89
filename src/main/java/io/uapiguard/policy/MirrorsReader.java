package io.uapiguard.policy;

import io.uapiguard.model.Mirror;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The {@code mirrors:} list of {@code .uapiguard.yml}: pairs of an original header and its copy that should hold the
 * same text, two files or two folders ending in {@code /}; present, it replaces the default
 * ({@link Mirror#KERNEL_TOOLS}), so {@code mirrors: []} turns the check off.
 * <pre>
 * mirrors:
 *   - original: include/uapi/
 *     copy: tools/include/uapi/
 * </pre>
 */
final class MirrorsReader {

    private final PolicyReader reader;
    private final JsonParser parser;

    MirrorsReader(PolicyReader reader, JsonParser parser) {
        this.reader = reader;
        this.parser = parser;
    }

    List<Mirror> read(JsonToken start) {
        reader.expect(start, JsonToken.START_ARRAY, "a list of mirrors, each with an 'original' and a 'copy' path");
        List<Mirror> mirrors = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            reader.expect(t, JsonToken.START_OBJECT, "a mirror: a mapping with 'original' and 'copy'");
            mirrors.add(mirror());
        }
        return mirrors;
    }

    private Mirror mirror() {
        int line = parser.currentTokenLocation().getLineNr();
        String original = null;
        String copy = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (key) {
                case "original" -> original = reader.scalar(value, key);
                case "copy" -> copy = reader.scalar(value, key);
                default -> throw reader.error("unknown key '" + key + "' in mirror: expected original and copy");
            }
        }
        String o = original;
        String c = copy;
        Mirror.problem(o, c).ifPresent(problem -> {
            throw reader.error(line, problem);
        });
        return new Mirror(o, c);
    }
}
