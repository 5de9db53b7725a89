package io.uapiguard.cli;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.git.GitHeaders;
import io.uapiguard.git.PathGlob;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code uapiguard hook install}: writes the pre-push hook into the repository's hooks directory. */
@Command(name = "install",
        description = "Write the pre-push hook (into core.hooksPath when set, else .git/hooks).")
final class HookInstallCommand implements Callable<Integer> {

    /** Marks a hook as ours: only such a hook is replaced without --force. */
    static final String MARKER = "# uapiguard-managed-hook";

    @Option(names = "--force", description = "Replace a pre-push hook that uapiguard did not write.")
    boolean force;

    @Option(names = "--command", paramLabel = "CMD",
            description = "Shell command that runs uapiguard (default: this uapiguard: its launcher, "
                    + "or its java and class path).")
    String command;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = PathGlob.UAPI_HEADERS,
            description = "Header path or glob the hook guards; repeatable (default: ${DEFAULT-VALUE}, every UAPI "
                    + "header).")
    List<String> paths = new ArrayList<>(List.of(PathGlob.UAPI_HEADERS));

    @Option(names = "--repo", paramLabel = "DIR",
            description = "The git repository (default: the one around the current directory).")
    Path repo;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path hook;
        try (GitHeaders git = repo != null ? GitHeaders.open(repo) : GitHeaders.discover(Path.of(""))) {
            hook = git.hooksDirectory().resolve("pre-push");
        }
        try {
            if (Files.exists(hook) && !force && !Files.readString(hook, StandardCharsets.UTF_8).contains(MARKER)) {
                throw new UapiguardException(Reason.BAD_INPUT, hook + " exists and was not written by uapiguard;"
                        + " merge it by hand, or replace it with 'uapiguard hook install --force'");
            }
            Files.createDirectories(hook.getParent());
            Files.writeString(hook, script(command != null ? command : defaultCommand(), paths), StandardCharsets.UTF_8);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new UapiguardException(Reason.BAD_INPUT, "cannot write " + hook + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().println("uapiguard: installed " + hook + " (guards " + String.join(", ", paths)
                + "; bypass once with 'git push --no-verify')");
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The hook: a POSIX shell script that hands git's arguments and stdin to {@code uapiguard hook pre-push}. */
    static String script(String command, List<String> paths) {
        String pathArgs = paths.stream().map(p -> "--path " + shellQuote(p)).collect(Collectors.joining(" "));
        return "#!/bin/sh\n"
                + MARKER + "\n"
                + "# Written by 'uapiguard hook install': blocks pushes that break the BPF UAPI of the guarded headers.\n"
                + "# Rerun it to update this file; skip the check once with 'git push --no-verify'.\n"
                + "exec " + command + " hook pre-push " + pathArgs + " \"$@\"\n";
    }

    /**
     * How to run this very uapiguard later, from a hook: the {@code bin/uapiguard} launcher when it started us
     * (it sets {@code uapiguard.launcher}), else this JVM's java with its class path or jar, made absolute.
     */
    static String defaultCommand() {
        String launcher = System.getProperty("uapiguard.launcher");
        if (launcher != null && !launcher.isBlank()) {
            return shellQuote(Path.of(launcher).toAbsolutePath().toString());
        }
        String javaBin = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> words = new ArrayList<>(List.of(javaBin, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:-UsePerfData", "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                "-Dslf4j.internal.verbosity=WARN"));
        Optional<Path> executableJar = executableJar();
        if (executableJar.isPresent()) {
            words.addAll(List.of("-jar", executableJar.get().toString()));
        } else {
            String classPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator)).stream()
                    .filter(entry -> !entry.isEmpty())
                    .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                    .collect(Collectors.joining(File.pathSeparator));
            words.addAll(List.of("-cp", classPath, "io.uapiguard.Main"));
        }
        return words.stream().map(HookInstallCommand::shellQuote).collect(Collectors.joining(" "));
    }

    /** The jar when started as {@code java -jar uapiguard.jar} (the class path is then that one jar). */
    private static Optional<Path> executableJar() {
        String classPath = System.getProperty("java.class.path", "");
        String started = System.getProperty("sun.java.command", "");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)
                && started.startsWith(classPath)) {
            return Optional.of(Path.of(classPath).toAbsolutePath().normalize());
        }
        return Optional.empty();
    }

    /** One shell word: single quotes, with embedded single quotes closed, escaped and reopened. */
    static String shellQuote(String word) {
        if (word.matches("[A-Za-z0-9_./=:+@%,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
