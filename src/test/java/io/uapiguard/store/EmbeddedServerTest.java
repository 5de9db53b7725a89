package io.uapiguard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The embedded server's start: binaries unpacked per user and redone when unfinished; several processes on one data
 * directory. Each scenario runs in processes of their own, as users run commands (and zonky remembers per JVM where it
 * unpacked).
 */
@Execution(ExecutionMode.CONCURRENT)
class EmbeddedServerTest {

    /**
     * Killing the first-ever start 3-4 s in, while zonky unpacked the binaries, left a half-filled folder; every later
     * start then failed with ExceptionInInitializerError / FileAlreadyExistsException until someone deleted it.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void anUnpackInterruptedAtTheFirstStartIsRedoneAtTheNext(@TempDir Path tmp) throws Exception {
        Path binaries = tmp.resolve("binaries");
        Path data = tmp.resolve("data");
        User first = User.start(data.toString(), binaries.toString());
        first.finish();
        assertThat(first.end()).as(first.output()).isZero();
        assertThat(first.output()).as("the store's durability settings, as the README states them")
                .contains("fsync off, synchronous_commit off");
        assertThat(Files.getPosixFilePermissions(binaries)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        Path unpacked;
        try (Stream<Path> children = Files.list(binaries.resolve("zonky"))) {
            unpacked = children.filter(p -> p.getFileName().toString().startsWith("PG-")).findFirst().orElseThrow();
        }

        // What a kill during the unpack leaves: no marker, an unpack lock file, some files not yet written, and
        // symlinks already made to files not yet written (zonky cannot make lib/libicuuc.so again).
        Path link = unpacked.resolve("lib/libicuuc.so");
        assertThat(link).isSymbolicLink();
        Files.delete(link.resolveSibling(Files.readSymbolicLink(link)));
        Files.delete(unpacked.resolve(".exists"));
        Files.delete(unpacked.resolve("bin/pg_ctl"));
        Files.writeString(unpacked.resolve("epg-lock"), "");
        User zonkyAlone = User.start("--zonky-alone", binaries.toString(), tmp.resolve("other").toString());
        assertThat(zonkyAlone.end()).as("the library alone cannot start from this folder").isEqualTo(1);
        assertThat(zonkyAlone.output()).contains("FileAlreadyExistsException").contains("libicuuc.so");

        User next = User.start(data.toString(), binaries.toString());
        assertThat(next.firstLine()).isEqualTo("started running the server");
        next.finish();
        assertThat(next.end()).as(next.output()).isZero();
        assertThat(unpacked.resolve(".exists")).exists();
        assertThat(unpacked.resolve("bin/pg_ctl")).isExecutable();
        assertThat(link).exists();
    }

    /**
     * Two commands on one data directory, the second started while the first runs: the second attached to the
     * first's server, which the first stopped when it ended, so the second died mid-run. The first now keeps the
     * server alive until the second has ended too.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aCommandThatAttachedKeepsTheServerUntilItEndsThoughTheFirstEndsBefore(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        User first = User.start(data);
        assertThat(first.firstLine()).isEqualTo("started running the server");
        User second = User.start(data);
        assertThat(second.firstLine()).isEqualTo("started attached");
        first.finish();
        Thread.sleep(2_000);
        assertThat(first.process().isAlive()).as("the first waits for the second: " + first.output()).isTrue();
        second.finish();
        assertThat(second.end()).as(second.output()).isZero();
        assertThat(first.end()).as(first.output()).isZero();
        assertThat(data.resolve("postmaster.pid")).as("the last one out stopped the server").doesNotExist();
    }

    /** Started together, one ran the server and the other ended with "could not lock" (exit 3). */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void twoCommandsStartedTogetherBothEndWell(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        User one = User.start(data);
        User two = User.start(data);
        assertThat(List.of(one.firstLine(), two.firstLine()))
                .containsExactlyInAnyOrder("started running the server", "started attached");
        one.finish();
        two.finish();
        assertThat(one.end()).as(one.output()).isZero();
        assertThat(two.end()).as(two.output()).isZero();
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
    }

    /** An {@link EmbeddedServerUser} process and what it printed so far. */
    private record User(Process process, List<String> lines, CompletableFuture<Void> read) {

        static User start(Path data) throws IOException {
            return start(data.toString());
        }

        static User start(String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), EmbeddedServerUser.class.getName()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true).start();
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Void> read = CompletableFuture.runAsync(() -> {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("(output lost: " + e + ")");
                }
            });
            return new User(p, lines, read);
        }

        /** The "started ..." line, once printed; null if the process ended without it. */
        String firstLine() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            do {
                synchronized (lines) {
                    for (String line : lines) {
                        if (line.startsWith("started ")) {
                            return line;
                        }
                    }
                }
                Thread.sleep(50);
            } while (System.nanoTime() < deadline && !read.isDone());
            return null;
        }

        /** Ends its stdin: it stops querying and closes the server. */
        void finish() throws IOException {
            process.getOutputStream().close();
        }

        int end() throws Exception {
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("ended").isTrue();
            read.get(10, TimeUnit.SECONDS);
            return process.exitValue();
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }
    }
}
