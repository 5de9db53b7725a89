package io.uapiguard.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the CLI in-process and captures what it printed; {@code stdin} feeds commands that read it (pre-push). */
record CliRun(int exit, String out, String err) {

    static CliRun run(String... args) {
        return withStdin("", args);
    }

    static synchronized CliRun withStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream previous = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int exit = UapiguardCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new CliRun(exit, out.toString(), err.toString());
        } finally {
            System.setIn(previous);
        }
    }

    /** A fixture header from {@code src/test/resources/cli/}. */
    static String fixture(String name) {
        try (InputStream in = CliRun.class.getResourceAsStream("/cli/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /cli/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a fixture to {@code dir/name} and returns its path as a string. */
    static String fixtureFile(Path dir, String name) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, fixture(name));
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
