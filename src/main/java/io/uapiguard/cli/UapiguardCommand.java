package io.uapiguard.cli;

import io.uapiguard.UapiguardException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code uapiguard} command. */
@Command(name = "uapiguard",
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

    /** Runs the command line and returns the process exit code. */
    public static int run(String... args) {
        return run(null, null, args);
    }

    /** Runs the command line writing to {@code out} and {@code err} (null: standard output and error). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new UapiguardCommand());
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
            throw ex;
        });
        // Usage errors exit 2, as documented.
        cli.setExitCodeExceptionMapper(t -> 2);
        cli.setParameterExceptionHandler((ex, args1) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("uapiguard: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
        return cli.execute(args);
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
            String v = UapiguardCommand.class.getPackage().getImplementationVersion();
            return new String[] {"uapiguard " + (v == null ? "dev" : v)};
        }
    }
}
