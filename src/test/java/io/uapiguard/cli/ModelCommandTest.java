package io.uapiguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code uapiguard model FILE [--format json|text]}: output on stdout, errors on stderr with exit 2. */
class ModelCommandTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "header");

    @Test
    void printsTheModelAsJsonByDefault() throws Exception {
        Path header = FIXTURES.resolve("model/mapper_explicit.h");
        CliRun run = CliRun.run("model", header.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(Files.readString(FIXTURES.resolve("model/mapper_explicit.json")));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void printsAReadableSummaryAsText() {
        CliRun run = CliRun.run("model", "--format", "text", FIXTURES.resolve("model/mapper_positional.h").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("""
                helpers: 3
                     0 unspec (line 3)
                     1 map_lookup_elem (line 4)
                     2 map_update_elem (line 5)
                mapper macros: 1
                  __BPF_FUNC_MAPPER(FN) line 2, FN arity 1, separator ","
                mapper expansion: FN(unspec), FN(map_lookup_elem), FN(map_update_elem),
                enums: 1
                  enum bpf_func_id (line 9): 4 constants
                """);
    }

    @Test
    void includesAreLookedUpInTheIncludeDirsAndAMissingOneIsAGap() {
        Path header = FIXTURES.resolve("include/hdr/fx_main.h");
        CliRun run = CliRun.run("model", "--format", "text", header.toString(), "-I",
                FIXTURES.resolve("include/sys").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("struct fx_outer: size 40, align 8", "complete: false",
                "gap " + header + ":8: #include <linux/fx_absent.h>: included file not found");
        CliRun without = CliRun.run("model", header.toString());
        assertThat(without.exit()).isEqualTo(2);   // FX_NAMSIZ of the include, not found: an error, never a guess
        assertThat(without.err()).contains("FX_NAMSIZ");
    }

    @Test
    void aKernelTreesUapiFoldersAreSearchedWithTree(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("include/uapi/linux"));
        Files.createDirectories(root.resolve("arch/x86/include/uapi/asm"));
        Files.writeString(root.resolve("arch/x86/include/uapi/asm/fx_arch.h"), "#define FX_ARCH_LEN 8\n");
        Files.writeString(root.resolve("include/uapi/linux/fx_tree.h"),
                "#include <asm/fx_arch.h>\nstruct fx_tree { char c[FX_ARCH_LEN]; };\n");
        CliRun run = CliRun.run("model", "--format", "text", root.resolve("include/uapi/linux/fx_tree.h").toString(),
                "--tree", root.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("struct fx_tree: size 8, align 1", "complete: true");
    }

    @Test
    void aParseErrorExitsTwoWithFileLineColumnOnStderr(@TempDir Path dir) throws Exception {
        Path header = dir.resolve("broken.h");
        Files.writeString(header, "enum {\n\tA = 1 / (2 - 2),\n};\n");
        CliRun run = CliRun.run("model", header.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("uapiguard: " + header
                + ":2:8: in value of enumerator 'A': division by zero in constant expression\n");
    }

    @Test
    void aStructOfHalfAMillionMembersExitsTwoQuicklyNamingTheLimit(@TempDir Path dir) throws Exception {
        StringBuilder text = new StringBuilder(6_500_000).append("struct huge {\n");
        for (int i = 0; i < 500_000; i++) {
            text.append("\tint m").append(i).append(";\n");
        }
        Path header = dir.resolve("huge.h");
        Files.writeString(header, text.append("};\n"));
        long started = System.nanoTime();
        CliRun run = CliRun.run("model", header.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("uapiguard: " + header + ":10002:6: struct huge has more than 10000 members\n");
        assertThat(System.nanoTime() - started).as("refused within seconds").isLessThan(10_000_000_000L);
    }

    @Test
    void aMissingFileIsSaidToBeMissing(@TempDir Path dir) {
        CliRun run = CliRun.run("model", dir.resolve("missing.h").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("uapiguard: no such file: " + dir.resolve("missing.h") + "\n");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun run = CliRun.run("model", "--format", "yaml", FIXTURES.resolve("model/empty.h").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--format");
    }
}
