package io.uapiguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command and subcommand answers -h, --help and --version, and documents the one exit status table. */
class CommandTreeHelpTest {

    /** Every command path of the tree, the root included: [], [model], [hook], [hook, install], ... */
    static Stream<List<String>> commands() {
        List<List<String>> out = new ArrayList<>();
        walk(new CommandLine(new UapiguardCommand()), new ArrayList<>(), out);
        return out.stream();
    }

    private static void walk(CommandLine command, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {   // aliases lead to the same command
                List<String> next = new ArrayList<>(path);
                next.add(name);
                walk(sub, next, out);
            }
        });
    }

    private static String[] args(List<String> path, String flag) {
        return Stream.concat(path.stream(), Stream.of(flag)).toArray(String[]::new);
    }

    @Test
    void theTreeHoldsEveryCommandAndSubcommand() {
        assertThat(commands().map(p -> String.join(" ", p))).contains("", "model", "diff", "check", "hook",
                "hook install", "hook pre-push", "bench", "ingest", "revisions", "serve", "help");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandAnswersHelpAndDashHWithItsUsageAndTheExitStatusTableAndExitsZero(List<String> path) {
        String qualified = String.join(" ", Stream.concat(Stream.of("uapiguard"), path.stream()).toList());
        for (String flag : List.of("--help", "-h")) {
            CliRun run = CliRun.run(args(path, flag));
            assertThat(run.exit()).as("%s %s: %s", qualified, flag, run.err()).isZero();
            assertThat(run.err()).as("%s %s", qualified, flag).isEmpty();
            assertThat(run.out()).as("%s %s", qualified, flag).contains("Usage: " + qualified + " ")
                    .contains("Exit status:");
            UapiguardCommand.EXIT_CODES.forEach((code, meaning) -> assertThat(run.out()).contains(code));
        }
    }

    /** Picocli's own {@code help} command is left out: it has only -h/--help, and it is not ours to extend. */
    static Stream<List<String>> ourCommands() {
        return commands().filter(path -> !path.equals(List.of("help")));
    }

    @ParameterizedTest
    @MethodSource("ourCommands")
    void everyCommandAnswersVersionWithTheVersion(List<String> path) {
        CliRun run = CliRun.run(args(path, "--version"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).matches("uapiguard \\S+\\R");
    }

    @Test
    void theExitStatusTableOfDocsCliMdIsTheOneTheCommandsPrint() throws IOException {
        String doc = Files.readString(Path.of("docs", "cli.md"), StandardCharsets.UTF_8);
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `(\\d+)` \\| (.+) \\|$").matcher(doc);
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        assertThat(documented).isEqualTo(UapiguardCommand.EXIT_CODES);
    }
}
