package io.uapiguard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The service's database: the embedded server when no URL is configured, the configured server otherwise. */
@Execution(ExecutionMode.CONCURRENT)
class EmbeddedDatabaseConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(EmbeddedDatabaseConfiguration.class)
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class));

    @Test
    void withoutAUrlTheEmbeddedServerKeepsItsDataInTheConfiguredDirectoryAcrossRestarts(@TempDir Path dir) {
        runner.withPropertyValues("uapiguard.database.data-dir=" + dir).run(context -> {
            assertThat(context).hasSingleBean(EmbeddedServer.class);
            JdbcClient.create(context.getBean(DataSource.class))
                    .sql("INSERT INTO repositories (name, location, tag_pattern, branches, paths)"
                            + " VALUES ('kept', '/x', 'v*', '{}', '{a.h}')").update();
        });
        assertThat(dir.resolve("PG_VERSION")).exists();
        runner.withPropertyValues("uapiguard.database.data-dir=" + dir).run(context ->
                assertThat(JdbcClient.create(context.getBean(DataSource.class))
                        .sql("SELECT name FROM repositories").query(String.class).list()).containsExactly("kept"));
    }

    @Test
    void aSecondUserOfTheDataDirectoryAttachesToTheRunningServerInsteadOfFailing(@TempDir Path dir) {
        try (Database service = Database.open(new Database.Settings(null, null, null, dir));
             Database cli = Database.open(new Database.Settings(null, null, null, dir))) {
            JdbcClient.create(service.dataSource()).sql("INSERT INTO repositories (name, location, tag_pattern,"
                    + " branches, paths) VALUES ('shared', '/x', 'v*', '{}', '{a.h}')").update();
            assertThat(JdbcClient.create(cli.dataSource()).sql("SELECT name FROM repositories")
                    .query(String.class).list()).containsExactly("shared");
        }
    }

    @Test
    void withAUrlNoEmbeddedServerStarts() {
        try (TestDatabase.Fresh db = TestDatabase.get().create("config")) {
            runner.withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user(),
                    "spring.datasource.password=" + db.password()).run(context -> {
                        assertThat(context).doesNotHaveBean(EmbeddedServer.class);
                        assertThat(JdbcClient.create(context.getBean(DataSource.class))
                                .sql("SELECT current_database()").query(String.class).single()).isEqualTo(db.name());
                    });
        }
    }
}
