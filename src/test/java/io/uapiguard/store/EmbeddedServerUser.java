package io.uapiguard.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A process that uses the embedded server of a data directory as a CLI command does, until its stdin ends: started by
 * {@link EmbeddedServerTest} to run beside another one, and in a JVM of its own because zonky remembers, per JVM,
 * where it unpacked the binaries. Arguments: the data directory and, optionally, the binaries directory; or
 * {@code --zonky-alone BINARIES DATA} to start zonky by itself on the binaries folder EmbeddedServer uses. Exit 0
 * when every query answered and the server closed cleanly, 1 otherwise.
 */
public final class EmbeddedServerUser {

    private EmbeddedServerUser() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--zonky-alone")) {
            try {
                EmbeddedPostgres.builder().setOverrideWorkingDirectory(Path.of(args[1], "zonky").toFile())
                        .setDataDirectory(Path.of(args[2])).start().close();
            } catch (Throwable e) {
                System.out.println("failed: " + e);
                System.exit(1);
            }
            System.exit(0);
        }
        CountDownLatch told = new CountDownLatch(1);
        Thread stdin = new Thread(() -> {
            try {
                System.in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (java.io.IOException e) {
                // the end of the input all the same
            }
            told.countDown();
        });
        stdin.setDaemon(true);
        stdin.start();
        Path data = Path.of(args[0]);
        try (EmbeddedServer server = args.length > 1 ? EmbeddedServer.start(data, Path.of(args[1]), true)
                : EmbeddedServer.start(data)) {
            System.out.println("started " + (server.runsTheServer() ? "running the server" : "attached"));
            System.out.flush();
            int queries = 0;
            do {
                try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), null);
                     Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT 1")) {
                    r.next();
                    queries++;
                }
            } while (!told.await(100, TimeUnit.MILLISECONDS));
            System.out.println("queried " + queries + " times");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), null);
                 Statement s = c.createStatement();
                 ResultSet r = s.executeQuery(
                         "SELECT current_setting('fsync'), current_setting('synchronous_commit')")) {
                r.next();
                System.out.println("fsync " + r.getString(1) + ", synchronous_commit " + r.getString(2));
            }
            System.out.flush();
        } catch (Exception e) {
            System.out.println("failed: " + e);
            System.exit(1);
        }
        System.out.println("closed");
        System.exit(0);
    }
}
