package io.uapiguard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Flyway migrations, shipped on the classpath at db/migration, applied to a real PostgreSQL. */
class SchemaMigrationTest {

    private static TestDatabase.Fresh db;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.get().create("schema");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void migrationsFromTheTopLevelFolderAreAppliedFromTheClasspath() {
        assertThat(getClass().getResource("/db/migration/V1__history.sql")).isNotNull();
        assertThat(db.jdbc().sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .query(String.class).list()).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(db.jdbc().sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                        + " AND table_name <> 'flyway_schema_history' ORDER BY table_name")
                .query(String.class).list())
                .containsExactly("blobs", "checks", "comparisons", "findings", "helpers", "ingest_runs", "repositories",
                        "revision_paths", "revisions", "tags");
    }

    @Test
    void comparisonsStoredBeforeEngineVersionsExistedCountAsStaleAfterV3() {
        try (TestDatabase.Fresh old = TestDatabase.get().createUnmigrated("schema_v2")) {
            Flyway.configure().dataSource(old.dataSource()).target("2").load().migrate();
            JdbcClient jdbc = old.jdbc();
            jdbc.sql("INSERT INTO blobs (blob_id, text, parser_version, parse_error, parsed_at)"
                    + " VALUES ('b1', 'x', 1, 'e', now()), ('b2', 'y', 1, 'e', now())").update();
            jdbc.sql("INSERT INTO comparisons (old_blob_id, new_blob_id, path, verdict, breaking, warnings, infos,"
                    + " computed_at) VALUES ('b1', 'b2', 'a.h', 'compatible', 0, 0, 0, now())").update();

            Database.migrate(old.dataSource());

            assertThat(jdbc.sql("SELECT engine_version FROM comparisons").query(Integer.class).single()).isZero();
            assertThat(jdbc.sql("SELECT column_default IS NULL AND is_nullable = 'NO' FROM information_schema.columns"
                    + " WHERE table_name = 'comparisons' AND column_name = 'engine_version'")
                    .query(Boolean.class).single()).as("new rows must say which engine made them").isTrue();
        }
    }

    @Test
    void aBlobHasEitherAModelOrAParseErrorNeverBothNorNeither() {
        JdbcClient jdbc = db.jdbc();
        String insert = "INSERT INTO blobs (blob_id, text, parser_version, model, parse_error, parsed_at)"
                + " VALUES (?, 'x', 1, ?::jsonb, ?, now())";
        assertThatThrownBy(() -> jdbc.sql(insert).params("b1", "{}", "bad").update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql(insert).params("b2", null, null).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.sql(insert).params("b3", null, "x.h:1:1: expected ;").update()).isEqualTo(1);
    }

    @Test
    void aSecondInsertOfTheSameNaturalKeyIsANoOp() {
        JdbcClient jdbc = db.jdbc();
        String insert = "INSERT INTO repositories (name, location, tag_pattern, branches, paths)"
                + " VALUES ('r', '/x', 'v*', '{}', '{a.h}') ON CONFLICT (name) DO NOTHING";
        assertThat(jdbc.sql(insert).update()).isEqualTo(1);
        assertThat(jdbc.sql(insert).update()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM repositories").query(Integer.class).single()).isEqualTo(1);
    }
}
