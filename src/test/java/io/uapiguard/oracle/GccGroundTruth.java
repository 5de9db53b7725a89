package io.uapiguard.oracle;

import io.uapiguard.oracle.GroundTruth.RecordFact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks gcc what one header of an include tree declares, as {@link GroundTruth}.
 *
 * <ol>
 * <li>{@code #include <linux/x.h>} alone is compiled with {@code -std=gnu11 -g -fno-eliminate-unused-debug-types -c}
 *     (x86-64, gcc's default target here); a failure means the header is not standalone and has no facts.
 * <li>{@code llvm-dwarfdump --debug-info --show-form} of that object gives the enumerators and the records with
 *     their sizes and member offsets, kept only where {@code DW_AT_decl_file} is the header itself.
 * <li>{@code gcc -E -dD} lists every define with the file it was written in (the line markers); the header's own
 *     object-like defines still defined at the end are the candidates.
 * <li>A generated program puts each candidate in a {@code case} label, which only an integer constant expression
 *     passes, and prints its value: negative ones through {@code long long}, the others through
 *     {@code unsigned long long}, so signedness and 64-bit values come out exact. Candidates that fail to compile
 *     are dropped (gcc names the probe function of each error) and the program is compiled again.
 * </ol>
 *
 * Results are cached as JSON per header content, include name, include directory and tool versions; the cache
 * can be bypassed ({@code fresh}) to measure gcc's time.
 */
public final class GccGroundTruth {

    /** Raised whenever what this class extracts, or how, changes: old cache entries are then ignored. */
    static final int VERSION = 1;

    private static final Path SYSTEM_INCLUDE = Path.of("/usr/include");
    private static final Pattern LINE_MARKER = Pattern.compile("^# \\d+ \"(.*)\"( \\d)*$");
    private static final Pattern OBJECT_DEFINE = Pattern.compile("^#define ([A-Za-z_]\\w*)(?:$|[ \\t](.*))");
    private static final Pattern UNDEF = Pattern.compile("^#undef ([A-Za-z_]\\w*)");
    private static final Pattern IN_PROBE = Pattern.compile("In function 'probe_(\\d+)'");
    private static final Pattern PROBE_LOCATION = Pattern.compile("^probe\\.c:(\\d+):");
    /** Rounds of dropping the candidates that do not compile; two suffice in practice. */
    private static final int MAX_ROUNDS = 6;

    private final Path includeDir;
    private final Path cacheDir;
    private final boolean fresh;
    private final String tools;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param includeDir the tree the headers are included from ({@code /usr/include})
     * @param cacheDir where results are kept between runs, or null for none
     * @param fresh ignore (and overwrite) cached results
     */
    public GccGroundTruth(Path includeDir, Path cacheDir, boolean fresh) {
        this.includeDir = includeDir.toAbsolutePath().normalize();
        this.cacheDir = cacheDir;
        this.fresh = fresh;
        this.tools = firstLine(Tool.run(Path.of("."), List.of("gcc", "--version")).out()) + " / "
                + Tool.run(Path.of("."), List.of("llvm-dwarfdump", "--version")).out().lines()
                        .filter(l -> l.contains("version")).findFirst().orElse("llvm-dwarfdump").strip();
    }

    /** Null when gcc and llvm-dwarfdump run here and gcc links a program (libc6-dev), else why not. */
    public static String unavailable() {
        String missing = Tool.unavailable("gcc", "llvm-dwarfdump");
        if (missing != null) {
            return missing;
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("uapiguard-oracle");
            Files.writeString(dir.resolve("main.c"), "int main(void) { return 0; }\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Tool.Result linked = Tool.run(dir, List.of("gcc", "-o", "main", "main.c"));
            return linked.ok() ? null : "gcc cannot link a program (is libc6-dev installed?): " + firstError(linked.err());
        } finally {
            deleteTree(dir);
        }
    }

    /** gcc's and llvm-dwarfdump's versions, for reports. */
    public String tools() {
        return tools;
    }

    /** gcc's facts of a header, and whether they came from the cache (then their times are those of that run). */
    public record Answer(GroundTruth truth, boolean cached) {
    }

    /** The facts of {@code header}, an include name such as {@code linux/if_xdp.h}. */
    public GroundTruth of(String header) {
        return answer(header).truth();
    }

    /** The facts of {@code header}, from the cache when it has them and {@code fresh} is off. */
    public Answer answer(String header) {
        Path file = includeDir.resolve(header).normalize();
        byte[] text;
        try {
            text = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Path cacheFile = cacheDir == null ? null : cacheDir.resolve(key(header, text) + ".json");
        if (cacheFile != null && !fresh && Files.isRegularFile(cacheFile)) {
            return new Answer(json.readValue(cacheFile.toFile(), GroundTruth.class), true);
        }
        GroundTruth truth = measure(header, file);
        if (cacheFile != null) {
            try {
                Files.createDirectories(cacheDir);
                Path tmp = Files.createTempFile(cacheDir, "entry", ".tmp");
                json.writeValue(tmp.toFile(), truth);
                Files.move(tmp, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + cacheFile, e);
            }
        }
        return new Answer(truth, false);
    }

    private GroundTruth measure(String header, Path file) {
        Path dir;
        try {
            dir = Files.createTempDirectory("uapiguard-oracle");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.writeString(dir.resolve("main.c"), "#include <" + header + ">\n");
            long start = System.nanoTime();
            Tool.Result compiled = Tool.run(dir, gcc("-g", "-fno-eliminate-unused-debug-types", "-c", "main.c",
                    "-o", "main.o"));
            if (!compiled.ok()) {
                return new GroundTruth(header, false, firstError(compiled.err()), Map.of(), Map.of(), Map.of(), 0,
                        System.nanoTime() - start, 0);
            }
            Tool.Result dump = Tool.run(dir, List.of("llvm-dwarfdump", "--debug-info", "--show-form", "main.o"));
            if (!dump.ok()) {
                throw new IllegalStateException("llvm-dwarfdump failed on " + header + ": " + dump.err());
            }
            DwarfReader dwarf = new DwarfReader(dump.out());
            Map<String, BigInteger> enums = dwarf.enumConstants(file);
            Map<String, RecordFact> records = dwarf.records(file);
            long dwarfNanos = System.nanoTime() - start;

            start = System.nanoTime();
            List<String> candidates = ownObjectDefines(dir, file, header);
            Map<String, BigInteger> defines = integerValues(dir, header, candidates);
            return new GroundTruth(header, true, null, enums, records, defines, candidates.size(), dwarfNanos,
                    System.nanoTime() - start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(dir);
        }
    }

    /** The object-like defines written in {@code file} and still defined at the end, in order. */
    private List<String> ownObjectDefines(Path dir, Path file, String header) {
        Tool.Result pp = Tool.run(dir, gcc("-E", "-dD", "main.c"));
        if (!pp.ok()) {
            throw new IllegalStateException("gcc -E failed on " + header + ": " + firstError(pp.err()));
        }
        Map<String, Path> definedIn = new LinkedHashMap<>();
        Path current = null;
        boolean entered = false;
        for (String line : pp.out().split("\n")) {
            Matcher marker = LINE_MARKER.matcher(line);
            if (marker.matches()) {
                String name = marker.group(1);
                current = name.startsWith("<") ? null : dir.resolve(name).normalize();
                entered |= file.equals(current);
                continue;
            }
            Matcher define = OBJECT_DEFINE.matcher(line);
            if (define.matches()) {
                definedIn.remove(define.group(1)); // a redefinition moves it to its new place
                definedIn.put(define.group(1), current);
                continue;
            }
            Matcher undef = UNDEF.matcher(line);
            if (undef.find()) {
                definedIn.remove(undef.group(1));
            }
        }
        if (!entered) {
            throw new IllegalStateException("#include <" + header + "> did not read " + file);
        }
        List<String> own = new ArrayList<>();
        definedIn.forEach((name, where) -> {
            if (file.equals(where)) {
                own.add(name);
            }
        });
        return own;
    }

    /** The value of each candidate that is an integer constant expression. */
    private Map<String, BigInteger> integerValues(Path dir, String header, List<String> candidates) throws IOException {
        Set<Integer> live = new LinkedHashSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            live.add(i);
        }
        for (int round = 0; round < MAX_ROUNDS && !live.isEmpty(); round++) {
            Files.writeString(dir.resolve("probe.c"), probe(header, candidates, live));
            Tool.Result built = Tool.run(dir, gcc("-w", "-fno-diagnostics-show-caret", "-o", "probe", "probe.c"));
            if (built.ok()) {
                Tool.Result ran = Tool.run(dir, List.of(dir.resolve("probe").toString()));
                if (!ran.ok()) {
                    throw new IllegalStateException("the define probe of " + header + " exited " + ran.exit());
                }
                return values(ran.out(), candidates);
            }
            Set<Integer> failed = failedProbes(built.err());
            if (failed.isEmpty() || !live.removeAll(failed)) {
                throw new IllegalStateException("the define probe of " + header + " does not compile: "
                        + firstError(built.err()));
            }
        }
        if (live.isEmpty()) {
            return Map.of();
        }
        throw new IllegalStateException("the define probe of " + header + " still fails after " + MAX_ROUNDS + " rounds");
    }

    /** probe.c: line 1 the include, line 2 a comment, probe i on line i + 3, then main. */
    private static String probe(String header, List<String> candidates, Set<Integer> live) {
        StringBuilder c = new StringBuilder("#include <").append(header).append(">\n/* one probe per line */\n");
        for (int i = 0; i < candidates.size(); i++) {
            if (!live.contains(i)) {
                c.append('\n');
                continue;
            }
            String v = "(" + candidates.get(i) + ")";
            c.append("static void probe_").append(i).append("(long long x) { switch (x) { case ").append(v)
                    .append(": break; } if (sizeof ").append(v).append(" > 8) __builtin_printf(\"").append(i)
                    .append(" wide\\n\"); else if (").append(v).append(" < 0) __builtin_printf(\"").append(i)
                    .append(" -%llu\\n\", -(unsigned long long) (long long) ").append(v)
                    .append("); else __builtin_printf(\"").append(i).append(" %llu\\n\", (unsigned long long) ")
                    .append(v).append("); }\n");
        }
        c.append("int main(void) {");
        for (int i : live) {
            c.append(" probe_").append(i).append("(0);");
        }
        return c.append(" return 0; }\n").toString();
    }

    private static Set<Integer> failedProbes(String errors) {
        Set<Integer> failed = new TreeSet<>();
        for (String line : errors.split("\n")) {
            Matcher in = IN_PROBE.matcher(line);
            if (in.find()) {
                failed.add(Integer.parseInt(in.group(1)));
            }
            Matcher at = PROBE_LOCATION.matcher(line);
            if (at.find() && Integer.parseInt(at.group(1)) >= 3) {
                failed.add(Integer.parseInt(at.group(1)) - 3);
            }
        }
        return failed;
    }

    private static Map<String, BigInteger> values(String out, List<String> candidates) {
        Map<String, BigInteger> values = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(" ", 2);
            if (!parts[1].equals("wide")) { // wider than 64 bits (__int128): not printed exactly, so not claimed
                values.put(candidates.get(Integer.parseInt(parts[0])), new BigInteger(parts[1]));
            }
        }
        return values;
    }

    private List<String> gcc(String... args) {
        List<String> command = new ArrayList<>(List.of("gcc", "-std=gnu11"));
        if (!includeDir.equals(SYSTEM_INCLUDE)) {
            command.add("-I" + includeDir);
        }
        command.addAll(List.of(args));
        return command;
    }

    private String key(String header, byte[] text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((VERSION + "\0" + tools + "\0" + includeDir + "\0" + header + "\0")
                    .getBytes(StandardCharsets.UTF_8));
            sha.update(text);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** gcc's first error line, without the temporary directory's name. */
    static String firstError(String stderr) {
        return stderr.lines().filter(l -> l.contains("error:")).findFirst()
                .or(() -> stderr.lines().filter(l -> !l.isBlank()).findFirst()).orElse("(no message)").strip();
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("").strip();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
