package io.uapiguard.oracle;

import io.uapiguard.cli.UapiguardCommand;
import io.uapiguard.oracle.GroundTruth.RecordFact;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What uapiguard says about one header: {@code uapiguard model FILE --format json} run in this process, read through
 * the published JSON shape of the model (docs/front-end.md) rather than the Java records, which are being reshaped.
 *
 * @param exit the command's exit status (0 modelled; 2 a parse error; 3 an internal error)
 * @param error what it printed on its error stream, or null
 * @param defines every object-like define, its value null when uapiguard found none
 * @param defineTexts every object-like define's replacement text as uapiguard normalised it
 */
public record ModelFacts(int exit, boolean complete, String error, Map<String, BigInteger> enumConstants, Map<String, RecordFact> records,
        Map<String, BigInteger> defines, Map<String, String> defineTexts) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Runs the CLI's {@code model} command on {@code file}; an exception escaping it counts as exit 3. */
    public static ModelFacts of(Path file) {
        return of(file, java.util.List.of());
    }

    /** {@link #of(Path)} searching {@code includeDirs} alone, in order (the CLI's -I, not the system's). */
    public static ModelFacts of(Path file, java.util.List<Path> includeDirs) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("model", file.toString(), "--format",
                    "json", "--no-system-includes"));
            for (Path d : includeDirs) {
                args.add("-I");
                args.add(d.toString());
            }
            exit = UapiguardCommand.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        } catch (RuntimeException | StackOverflowError e) {
            return new ModelFacts(3, false, "uncaught " + e, Map.of(), Map.of(), Map.of(), Map.of());
        }
        if (exit != 0) {
            return new ModelFacts(exit, false, err.toString().strip(), Map.of(), Map.of(), Map.of(), Map.of());
        }
        return fromJson(JSON.readTree(out.toString()));
    }

    /** Reads a model's JSON (exit 0). */
    static ModelFacts fromJson(JsonNode model) {
        Map<String, BigInteger> enums = new LinkedHashMap<>();
        for (JsonNode e : model.path("enums")) {
            for (JsonNode c : e.path("constants")) {
                enums.put(c.path("name").asString(), c.path("value").bigIntegerValue());
            }
        }
        Map<String, RecordFact> records = new LinkedHashMap<>();
        for (JsonNode s : model.path("structs")) {
            Map<String, Long> members = new LinkedHashMap<>();
            for (JsonNode f : s.path("fields")) {
                members.putIfAbsent(f.path("path").asString(), f.path("offsetBits").longValue());
            }
            String name = s.path("name").asString();
            records.putIfAbsent(name, new RecordFact(s.path("kind").asString(), name, false, s.path("size").longValue(),
                    members));
        }
        Map<String, BigInteger> defines = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (JsonNode d : model.path("defines")) {
            JsonNode v = d.path("value");
            defines.put(d.path("name").asString(), v.isNumber() ? v.bigIntegerValue() : null);
            texts.put(d.path("name").asString(), d.path("text").asString());
        }
        // A model without the field (schema 1) claimed to be complete.
        boolean complete = !model.has("complete") || model.path("complete").asBoolean();
        return new ModelFacts(0, complete, null, enums, records, defines, texts);
    }

    public ModelFacts {
        enumConstants = Map.copyOf(enumConstants);
        records = Map.copyOf(records);
        defines = Collections.unmodifiableMap(new HashMap<>(defines)); // values may be null
        defineTexts = Map.copyOf(defineTexts);
    }
}
