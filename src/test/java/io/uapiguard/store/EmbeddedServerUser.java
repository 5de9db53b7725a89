package io.uapiguard.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A process that uses the embedded server of a data directory as a CLI command does, until its stdin ends: started by
 * {@link EmbeddedServerTest} to run beside another one. Argument: the data directory. Exit 0 when every query
 * answered and the server closed cleanly, 1 otherwise.
 */
public final class EmbeddedServerUser {

    private EmbeddedServerUser() {
    }

    public static void main(String[] args) throws Exception {
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
        try (EmbeddedServer server = EmbeddedServer.start(Path.of(args[0]))) {
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
            System.out.flush();
        } catch (Exception e) {
            System.out.println("failed: " + e);
            System.exit(1);
        }
        System.out.println("closed");
        System.exit(0);
    }
}
