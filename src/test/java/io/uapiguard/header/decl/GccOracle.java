package io.uapiguard.header.decl;

import io.uapiguard.model.Abi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Measures layouts with the real compiler: generates one C program that prints sizeof/_Alignof of records and
 * offset/size in bits of fields, compiles it with gcc and runs it. Plain members are measured with
 * {@code offsetof}/{@code sizeof}; integer members (bitfields included, which {@code offsetof} cannot take) by
 * setting the member to all ones in a zeroed object and finding the set bits (x86-64: little-endian, bitfields
 * allocated from the least significant bit).
 */
final class GccOracle {

    /** Offset and size in bits of a field, or size and alignment in bytes of a record. */
    record Measure(long first, long second) {
    }

    private final List<String> body = new ArrayList<>();

    /** Null when gcc runs here, else why it does not. */
    static String unavailableReason() {
        try {
            Process p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "gcc --version failed";
            }
            return null;
        } catch (IOException e) {
            return "gcc not found: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Writes {@code linux/types.h} (typedefs from the ABI table) and an empty {@code linux/bpf_common.h}. */
    static Path stubIncludes(Abi abi, Path dir) throws IOException {
        Path linux = Files.createDirectories(dir.resolve("linux"));
        StringBuilder types = new StringBuilder("#ifndef _LINUX_TYPES_H\n#define _LINUX_TYPES_H\n");
        for (Abi.BaseType t : abi.types().values()) {
            if (!t.name().startsWith("__") || t.name().equals("__int128")) {
                continue; // compiler keywords and pseudo-entries
            }
            String def = t.cDefinition();
            int attr = def.indexOf("__attribute__");
            String base = attr >= 0 ? def.substring(0, attr).strip() : def;
            String attributes = attr >= 0 ? " " + def.substring(attr) : "";
            types.append("typedef ").append(base).append(' ').append(t.name()).append(attributes).append(";\n");
        }
        types.append("#endif\n");
        Files.writeString(linux.resolve("types.h"), types);
        Files.writeString(linux.resolve("bpf_common.h"), "#ifndef _UAPI__LINUX_BPF_COMMON_H__\n"
                + "#define _UAPI__LINUX_BPF_COMMON_H__\n#endif\n");
        return dir;
    }

    /** Measure sizeof and _Alignof of {@code cType} ("struct foo"). */
    void record(String cType) {
        body.add("  printf(\"R|%s|%zu|%zu\\n\", \"" + cType + "\", sizeof(" + cType + "), _Alignof(" + cType + "));");
    }

    /**
     * Measure a field of normalised type {@code type}: an integer (or enum) by its set bits, a flexible array by
     * offsetof (size 0), anything else by offsetof/sizeof. {@code _Bool} counts as non-integer here (-1 stores 1).
     */
    void field(String cType, String path, String type) {
        String key = "\"" + cType + "\", \"" + path + "\"";
        if (type.endsWith("[]")) {
            body.add("  printf(\"F|%s|%s|%zu|0\\n\", " + key + ", offsetof(" + cType + ", " + path + ") * 8);");
        } else if (isInteger(type)) {
            body.add("  { " + cType + " v; memset(&v, 0, sizeof v); v." + path + " = -1; bits(&v, sizeof v, " + key
                    + "); }");
        } else {
            body.add("  printf(\"F|%s|%s|%zu|%zu\\n\", " + key + ", offsetof(" + cType + ", " + path
                    + ") * 8, sizeof(((" + cType + " *)0)->" + path + ") * 8);");
        }
    }

    static boolean isInteger(String type) {
        return type.startsWith("enum ")
                || Abi.X86_64.lookup(type).map(t -> t.isInteger() && !t.name().equals("_Bool")).orElse(false);
    }

    /**
     * Compiles and runs the program ({@code prelude} declares the types) in {@code dir}; keys of the result are
     * "R|type" and "F|type|path".
     */
    Map<String, Measure> run(Path dir, Path includeDir, String prelude) throws IOException, InterruptedException {
        StringBuilder c = new StringBuilder();
        c.append("#include <stdio.h>\n#include <stddef.h>\n#include <string.h>\n").append(prelude).append('\n');
        c.append("static void bits(const void *p, size_t n, const char *t, const char *f) {\n")
                .append("  const unsigned char *b = p; long first = -1, count = 0;\n")
                .append("  for (size_t i = 0; i < n * 8; i++) if (b[i / 8] >> (i % 8) & 1) { if (first < 0) first = i;")
                .append(" count++; }\n")
                .append("  printf(\"F|%s|%s|%ld|%ld\\n\", t, f, first, count);\n}\n");
        c.append("int main(void) {\n");
        body.forEach(line -> c.append(line).append('\n'));
        c.append("  return 0;\n}\n");
        Path source = dir.resolve("oracle.c");
        Path binary = dir.resolve("oracle");
        Files.writeString(source, c);
        exec(dir, List.of("gcc", "-O0", "-w", "-I", includeDir.toString(), "-o", binary.toString(),
                source.toString()));
        String out = exec(dir, List.of(binary.toString()));
        Map<String, Measure> result = new HashMap<>();
        for (String line : out.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int last = line.lastIndexOf('|');
            int before = line.lastIndexOf('|', last - 1);
            result.put(line.substring(0, before), new Measure(Long.parseLong(line.substring(before + 1, last)),
                    Long.parseLong(line.substring(last + 1))));
        }
        return result;
    }

    private static String exec(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed (" + p.exitValue() + "):\n" + text);
        }
        return text;
    }

    static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
