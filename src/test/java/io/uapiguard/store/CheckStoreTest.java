package io.uapiguard.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.uapiguard.store.CheckStore.StoredCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** Stored REST checks on a real PostgreSQL: one row per digest, the newest answer kept, found and deleted by age. */
class CheckStoreTest {

    static final String D1 = "a".repeat(64);
    static final String D2 = "b".repeat(64);
    static final String D3 = "d".repeat(64);
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static TestDatabase.Fresh db;
    private CheckStore store;

    @BeforeAll
    static void create() {
        db = TestDatabase.get().create("checks");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void repository() {
        db.jdbc().sql("TRUNCATE repositories CASCADE").update();
        db.jdbc().sql("INSERT INTO repositories (name, location, tag_pattern, branches, paths)"
                + " VALUES ('linux', '/x', 'v*', '{}', '{a.h}')").update();
        store = new CheckStore(db.dataSource());
    }

    /** Stores {@code check} unless the same answer was stored under its digest at {@code keepSince} or later. */
    private static CheckStore.Stored storeUnlessKept(CheckStore store, StoredCheck check, Instant keepSince) {
        return store.storeAll(List.of(check), Duration.between(keepSince, check.createdAt())).get(0);
    }

    /** Stores {@code check} whatever is stored under its digest (no stored answer is that recent). */
    private CheckStore.Stored write(StoredCheck check) {
        return storeUnlessKept(store, check, Instant.parse("9999-01-01T00:00:00Z"));
    }

    static StoredCheck check(String digest, String verdict, Instant at) {
        return new StoredCheck(digest, "linux", "c".repeat(40), "v2", "a.h", verdict,
                "{\"verdict\": \"" + verdict + "\"}", "{\"new\": {\"3\": \"  int x;\"}}", at);
    }

    @Test
    void aStoredCheckIsFoundAsItWasAnsweredByteForByte() {
        assertThat(write(check(D1, "breaking", T0))).isEqualTo(CheckStore.Stored.WRITTEN);
        StoredCheck found = store.find(D1, T0).orElseThrow();
        assertThat(found).isEqualTo(check(D1, "breaking", T0));
        assertThat(store.find(D2, T0)).isEmpty();
    }

    @Test
    void identicalRequestsShareOneRowHoldingTheNewestAnswer() {
        write(check(D1, "breaking", T0));
        write(check(D1, "compatible", T0.plusSeconds(60)));
        assertThat(db.jdbc().sql("SELECT count(*) FROM checks").query(Long.class).single()).isEqualTo(1);
        StoredCheck found = store.find(D1, T0).orElseThrow();
        assertThat(found.verdict()).isEqualTo("compatible");
        assertThat(found.createdAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void theSameAnswerStoredSinceTheGivenTimeIsKeptAndAnyOtherWritten() {
        assertThat(storeUnlessKept(store, check(D1, "breaking", T0), T0)).isEqualTo(CheckStore.Stored.WRITTEN);
        // the same answer, stored at T0: kept as it is when T0 is recent enough, rewritten (a new time) when not
        assertThat(storeUnlessKept(store, check(D1, "breaking", T0.plusSeconds(60)), T0))
                .isEqualTo(CheckStore.Stored.KEPT);
        assertThat(store.find(D1, T0).orElseThrow().createdAt()).isEqualTo(T0);
        assertThat(storeUnlessKept(store, check(D1, "breaking", T0.plusSeconds(60)), T0.plusMillis(1)))
                .isEqualTo(CheckStore.Stored.WRITTEN);
        assertThat(store.find(D1, T0).orElseThrow().createdAt()).isEqualTo(T0.plusSeconds(60));
        // another answer under the same digest is written whatever its age
        assertThat(storeUnlessKept(store, check(D1, "compatible", T0.plusSeconds(120)), T0))
                .isEqualTo(CheckStore.Stored.WRITTEN);
        assertThat(store.find(D1, T0).orElseThrow().verdict()).isEqualTo("compatible");
        assertThat(storeUnlessKept(store, check(D2, "breaking", T0), T0)).isEqualTo(CheckStore.Stored.WRITTEN);
    }

    @Test
    void checksWrittenTogetherSayEachWhatWasDoneAndTheLastOfADigestWins() {
        write(check(D1, "breaking", T0));
        StoredCheck gone = new StoredCheck(D3, "unregistered", "c".repeat(40), null, "a.h", "breaking", "{}", "{}",
                T0);
        List<CheckStore.Stored> stored = store.storeAll(List.of(check(D1, "breaking", T0.plusSeconds(60)),
                check(D2, "breaking", T0), gone, check(D2, "compatible", T0.plusSeconds(1))), Duration.ofMinutes(5));
        assertThat(stored).containsExactly(CheckStore.Stored.KEPT, CheckStore.Stored.WRITTEN,
                CheckStore.Stored.NO_REPOSITORY, CheckStore.Stored.WRITTEN);
        assertThat(store.find(D1, T0).orElseThrow().createdAt()).as("kept as it was").isEqualTo(T0);
        assertThat(store.find(D2, T0).orElseThrow().verdict()).isEqualTo("compatible");
        assertThat(store.find(D3, T0)).isEmpty();
    }

    @Test
    void aCheckStoredBeforeTheGivenTimeIsNotFound() {
        write(check(D1, "breaking", T0));
        assertThat(store.find(D1, T0.plusMillis(1))).isEmpty();
    }

    @Test
    void deletingByAgeKeepsTheYoungerChecks() {
        write(check(D1, "breaking", T0));
        write(check(D2, "compatible", T0.plusSeconds(3600)));
        assertThat(store.deleteCreatedBefore(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(store.find(D1, Instant.EPOCH)).isEmpty();
        assertThat(store.find(D2, Instant.EPOCH)).isPresent();
    }

    @Test
    void aCheckOfARepositoryNoLongerRegisteredIsNotStored() {
        db.jdbc().sql("TRUNCATE repositories CASCADE").update();
        assertThat(write(check(D1, "breaking", T0))).isEqualTo(CheckStore.Stored.NO_REPOSITORY);
        assertThat(storeUnlessKept(store, check(D1, "breaking", T0), T0)).isEqualTo(CheckStore.Stored.NO_REPOSITORY);
        assertThat(store.find(D1, Instant.EPOCH)).isEmpty();
    }

    @Test
    void itsOwnPoolWritesWithoutWaitingForTheFlushAndLeavesTheServiceDurable() {
        // The embedded server commits asynchronously already: a main pool as durable as a server's default.
        HikariConfig config = new HikariConfig();
        db.dataSource().copyStateTo(config);
        config.setPoolName("durable");
        config.setConnectionInitSql("SET synchronous_commit TO on");
        try (HikariDataSource main = new HikariDataSource(config); CheckStore own = CheckStore.ownPool(main)) {
            assertThat(storeUnlessKept(own, check(D1, "breaking", T0), T0)).isEqualTo(CheckStore.Stored.WRITTEN);
            assertThat(own.find(D1, T0)).contains(check(D1, "breaking", T0));
            assertThat(setting(own.writesThrough())).isEqualTo("off");
            assertThat(setting(main)).isEqualTo("on");
            HikariDataSource pool = (HikariDataSource) own.writesThrough();
            assertThat(pool.getPoolName()).isEqualTo("durable-checks");
            own.close();
            assertThat(pool.isClosed()).isTrue();
            assertThat(main.isClosed()).isFalse();
        }
    }

    @Test
    void aDataSourceThatIsNoHikariPoolIsWrittenThroughAsItIs() {
        DataSource plain = new DelegatingDataSource(db.dataSource());
        try (CheckStore own = CheckStore.ownPool(plain)) {
            assertThat(own.writesThrough()).isSameAs(plain);
            assertThat(storeUnlessKept(own, check(D2, "compatible", T0), T0)).isEqualTo(CheckStore.Stored.WRITTEN);
        }
        assertThat(db.dataSource().isClosed()).isFalse();
    }

    private static String setting(DataSource dataSource) {
        return JdbcClient.create(dataSource).sql("SHOW synchronous_commit").query(String.class).single();
    }
}
