package io.uapiguard.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.uapiguard.UapiguardException;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The store without Spring, for CLI commands: a pooled DataSource on the configured server, or on the embedded
 * one when no URL is given, with the Flyway migrations applied. Close it to stop the pool (and the embedded server).
 */
public final class Database implements AutoCloseable {

    /** Where to connect: {@code url} null means the embedded server on {@code dataDir} (null: the default). */
    public record Settings(String url, String user, String password, Path dataDir) {

        /**
         * Explicit values win; then the environment ({@code SPRING_DATASOURCE_URL}, {@code _USERNAME},
         * {@code _PASSWORD}, {@code UAPIGUARD_DATABASE_DATA_DIR}), as the service reads it.
         */
        public static Settings resolve(String url, String user, String password, Path dataDir,
                                       Map<String, String> env) {
            String u = url != null ? url : env.get("SPRING_DATASOURCE_URL");
            String n = user != null ? user : env.get("SPRING_DATASOURCE_USERNAME");
            String p = password != null ? password : env.get("SPRING_DATASOURCE_PASSWORD");
            String d = env.get("UAPIGUARD_DATABASE_DATA_DIR");
            Path dir = dataDir != null ? dataDir : d != null && !d.isBlank() ? Path.of(d) : null;
            return new Settings(u == null || u.isBlank() ? null : u, n, p, dir);
        }
    }

    private final HikariDataSource dataSource;
    private final EmbeddedServer embedded;
    private final String description;

    private Database(HikariDataSource dataSource, EmbeddedServer embedded, String description) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.description = description;
    }

    /** Connects (starting the embedded server if no URL), migrates, and returns the open database. */
    public static Database open(Settings settings) {
        EmbeddedServer embedded = null;
        String url = settings.url();
        String user = settings.user();
        String password = settings.password();
        String description;
        if (url == null) {
            embedded = EmbeddedServer.start(settings.dataDir() != null ? settings.dataDir()
                    : EmbeddedServer.defaultDataDir());
            url = embedded.jdbcUrl();
            user = embedded.user();
            password = null;
            description = "embedded PostgreSQL in " + embedded.dataDir();
        } else {
            description = url;
        }
        HikariDataSource ds = null;
        try {
            ds = pool(url, user, password, 4);
            migrate(ds);
            return new Database(ds, embedded, description);
        } catch (RuntimeException e) {
            if (ds != null) {
                ds.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            if (e instanceof UapiguardException) {
                throw e;
            }
            throw new UapiguardException(UapiguardException.Reason.BAD_INPUT,
                    "cannot use the database " + description + ": " + rootMessage(e), e);
        }
    }

    static HikariDataSource pool(String url, String user, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setPoolName("uapiguard");
        config.setInitializationFailTimeout(5_000);
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }

    /** Applies the migrations shipped in the jar at Flyway's default {@code classpath:db/migration}. */
    public static void migrate(DataSource dataSource) {
        try {
            Flyway.configure().dataSource(dataSource).load().migrate();
        } catch (FlywayException e) {
            throw new UapiguardException(UapiguardException.Reason.INTERNAL,
                    "cannot migrate the database schema: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The URL, or "embedded PostgreSQL in DIR", for messages. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
