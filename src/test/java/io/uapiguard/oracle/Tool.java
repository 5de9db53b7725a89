package io.uapiguard.oracle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/** Runs an external tool (gcc, llvm-dwarfdump, a probe program) in the C locale, with a time limit. */
final class Tool {

    /** What a finished process said. */
    record Result(int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }
    }

    private static final long TIMEOUT_SECONDS = 120;

    private Tool() {
    }

    static Result run(Path dir, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        // ASCII quotes and English messages: the error parser reads them.
        pb.environment().put("LC_ALL", "C");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        try {
            p.getOutputStream().close(); // the tools read no input
        } catch (IOException e) {
            p.destroyForcibly();
            throw new UncheckedIOException(e);
        }
        // Both streams drained at once so that neither pipe fills and blocks the tool.
        FutureTask<String> err = new FutureTask<>(() -> read(p.getErrorStream()));
        Thread drain = new Thread(err, "tool-stderr");
        drain.setDaemon(true);
        drain.start();
        String out = read(p.getInputStream());
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
        try {
            return new Result(p.exitValue(), out, err.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the errors of " + command.get(0), e.getCause());
        }
    }

    /** Null when every tool answers {@code --version} here, else why not (for a test's skip message). */
    static String unavailable(String... tools) {
        for (String tool : tools) {
            try {
                if (!run(Path.of("."), List.of(tool, "--version")).ok()) {
                    return tool + " --version failed";
                }
            } catch (UncheckedIOException e) {
                return tool + " is not installed (" + e.getMessage() + ")";
            }
        }
        return null;
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
