package io.uapiguard.cli;

import io.uapiguard.UapiguardException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code uapiguard} command. */
@Command(name = "uapiguard",
        mixinStandardHelpOptions = true,
        versionProvider = UapiguardCommand.Version.class,
        description = "Guards the Linux BPF user-space API against breaking changes.",
        subcommands = {
            ServeCommand.class,
            IngestCommand.class,
            RevisionsCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class UapiguardCommand {

    /** Returned by {@link #run} when a command started a server that keeps the JVM alive. */
    public static final int KEEP_RUNNING = -1;

    /** Runs the command line and returns the process exit code. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new UapiguardCommand());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UapiguardException e) {
                commandLine.getErr().println("uapiguard: " + e.describe());
                return e.reason().exitCode();
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

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = UapiguardCommand.class.getPackage().getImplementationVersion();
            return new String[] {"uapiguard " + (v == null ? "dev" : v)};
        }
    }
}
