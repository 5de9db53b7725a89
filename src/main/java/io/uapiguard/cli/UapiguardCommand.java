package io.uapiguard.cli;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardVersion;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * The top-level {@code uapiguard} command. Its standard options ({@code -h/--help}, {@code -V/--version}) are
 * inherited by every subcommand, so each answers {@code --help} even when it has required parameters.
 */
@Command(name = "uapiguard",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = UapiguardCommand.Version.class,
        description = "Guards the Linux BPF user-space API against breaking changes.",
        subcommands = {
            ModelCommand.class,
            ServeCommand.class,
            DiffCommand.class,
            CheckCommand.class,
            HookCommand.class,
            BenchCommand.class,
            IngestCommand.class,
            RevisionsCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class UapiguardCommand {

    /** Returned by {@link #run} when a command started a server that keeps the JVM alive. */
    public static final int KEEP_RUNNING = -1;

    /** Exit when a finding at or above {@code --fail-on} is not accepted. */
    static final int FAILED = 1;
    /** Exit for a usage error or bad input ({@link UapiguardException.Reason}s other than internal ones). */
    static final int USAGE = 2;
    /** Exit for an internal error: a bug, or a resource (database, disk) that failed. */
    static final int INTERNAL = 3;

    /**
     * The exit statuses of every command, in the order shown: the one table, printed by every command's
     * {@code --help} and checked against docs/cli.md by a test.
     */
    static final Map<String, String> EXIT_CODES = exitCodes();

    private static Map<String, String> exitCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "Success; for diff, check and hook pre-push: compatible, nothing at or above --fail-on, or no watched header changed (not-applicable).");
        codes.put(String.valueOf(FAILED), "A finding at or above --fail-on that is not accepted (diff, check, hook pre-push).");
        codes.put(String.valueOf(USAGE), "Usage error, bad input, something not found, or a header that does not parse"
                + " (file:line:column: message; for diff --tags, a changed header that could not be judged).");
        codes.put(String.valueOf(INTERNAL), "Internal error (a bug, or the database or disk failed).");
        return Collections.unmodifiableMap(codes);
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String... args) {
        return run(null, null, args);
    }

    /** Runs the command line writing to {@code out} and {@code err} (null: standard output and error). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new UapiguardCommand());
        withExitCodes(cli);
        if (out != null) {
            cli.setOut(out);
        }
        if (err != null) {
            cli.setErr(err);
        }
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UapiguardException e) {
                commandLine.getErr().println("uapiguard: " + e.describe());
                return exitCode(e.reason());
            }
            // A bug or a failed resource: one line that names it, not a stack trace.
            commandLine.getErr().println("uapiguard: internal error: " + ex);
            return INTERNAL;
        });
        cli.setParameterExceptionHandler((ex, args1) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("uapiguard: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        return cli.execute(args);
    }

    /** Every command's usage help ends with the same exit status table. */
    private static void withExitCodes(CommandLine command) {
        command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status:%n").exitCodeList(EXIT_CODES);
        command.getSubcommands().values().forEach(UapiguardCommand::withExitCodes);
    }

    /** The exit code for an error of {@code reason}: 2 for what the user can fix, 3 for what failed on our side. */
    static int exitCode(UapiguardException.Reason reason) {
        return switch (reason) {
            case BAD_INPUT, NOT_FOUND, PARSE_ERROR, LIMIT_EXCEEDED -> 2;
            case INTERNAL, UNAVAILABLE -> 3;
        };
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"uapiguard " + UapiguardVersion.get()};
        }
    }
}
