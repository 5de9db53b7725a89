package io.uapiguard.cli;

import io.uapiguard.store.Database;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where CLI commands find the store: options, else the service's environment variables, else the embedded server. */
final class DatabaseOptions {

    @Option(names = "--db-url", paramLabel = "JDBC_URL",
            description = "PostgreSQL JDBC URL (default: $SPRING_DATASOURCE_URL, else the embedded server).")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (default: $SPRING_DATASOURCE_USERNAME).")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD",
            description = "Database password (default: $SPRING_DATASOURCE_PASSWORD).")
    String password;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory of the embedded server (default: $UAPIGUARD_DATABASE_DATA_DIR, else "
                    + "~/.local/share/uapiguard/postgres).")
    Path dataDir;

    Database open() {
        CliLogging.quiet();
        return Database.open(Database.Settings.resolve(url, user, password, dataDir, System.getenv()));
    }
}
