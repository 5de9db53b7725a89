package io.uapiguard.store;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL server of the test suite, started once per JVM: a Testcontainers {@code postgres:17-alpine}
 * where Docker is available, else an embedded zonky server on a temporary data directory. The same tests run on
 * both ({@code -Duapiguard.test.db=embedded} forces the embedded one).
 *
 * <p>Plain JUnit tests take an isolated, migrated database: {@code TestDatabase.get().create("ingest")}.
 * Spring tests add {@code @ContextConfiguration(initializers = TestDatabase.Initializer.class)} (or list it in
 * {@code @SpringBootTest}'s context), which points {@code spring.datasource.*} at a fresh database of their own
 * so the embedded default stays off and Spring's Flyway migrates it.
 */
public final class TestDatabase {

    private static TestDatabase instance;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String provider;
    private final DataSource admin;
    private final AtomicInteger counter = new AtomicInteger();

    private TestDatabase(String host, int port, String user, String password, String provider) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.provider = provider;
        this.admin = Database.pool(url("postgres"), user, password, 2);
    }

    /** The suite's server, started on first use. */
    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestDatabase start() {
        boolean forceEmbedded = "embedded".equals(System.getProperty("uapiguard.test.db"));
        if (!forceEmbedded && dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new TestDatabase(container.getHost(), container.getMappedPort(5432),
                    container.getUsername(), container.getPassword(), "testcontainers");
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("uapiguard-test-pg"))
                    .setCleanDataDirectory(true)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temp directory is cleaned by zonky when it can
                }
            }));
            return new TestDatabase("localhost", pg.getPort(), "postgres", "", "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean dockerAvailable() {
        // Skip Testcontainers' probe (and its error log) where no Docker endpoint can exist.
        if (System.getenv("DOCKER_HOST") == null && !java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** "testcontainers" or "embedded". */
    public String provider() {
        return provider;
    }

    private String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** A new empty database with the migrations applied, named after {@code prefix}; close it when done. */
    public Fresh create(String prefix) {
        String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet())
                .toLowerCase().replaceAll("[^a-z0-9_]", "_");
        JdbcClient.create(admin).sql("CREATE DATABASE " + name).update();
        HikariDataSource ds = Database.pool(url(name), user, password, 6);
        Database.migrate(ds);
        return new Fresh(name, url(name), user, password, ds);
    }

    /** One isolated database of the server. */
    public record Fresh(String name, String url, String user, String password, HikariDataSource dataSource)
            implements AutoCloseable {

        public JdbcClient jdbc() {
            return JdbcClient.create(dataSource);
        }

        /** Settings for {@link Database#open} and for {@code --db-url} style options of a child process. */
        public Database.Settings settings() {
            return new Database.Settings(url, user, password, null);
        }

        @Override
        public void close() {
            dataSource.close();
        }
    }

    /**
     * Points a Spring test context at its own fresh database (not yet migrated: Spring's Flyway does that), and
     * its clones of bundles and URLs at a temporary directory instead of the user's cache.
     */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestDatabase server = get();
            String name = "spring_" + ProcessHandle.current().pid() + "_" + server.counter.incrementAndGet();
            JdbcClient.create(server.admin).sql("CREATE DATABASE " + name).update();
            String cacheDir;
            try {
                cacheDir = Files.createTempDirectory("uapiguard-test-repos").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    "spring.datasource.url=" + server.url(name),
                    "spring.datasource.username=" + server.user,
                    "spring.datasource.password=" + server.password,
                    "uapiguard.history.cache-dir=" + cacheDir);
        }
    }
}
