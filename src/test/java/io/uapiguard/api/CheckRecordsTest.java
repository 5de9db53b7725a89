package io.uapiguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.api.CheckService.Outcome;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.Location;
import io.uapiguard.compat.Severity;
import io.uapiguard.store.CheckStore;
import io.uapiguard.store.CheckStore.StoredCheck;
import io.uapiguard.store.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.invocation.InvocationOnMock;
import org.slf4j.LoggerFactory;
import org.springframework.dao.CannotAcquireLockException;

/** Keeping checks for their pages, with an injected clock: the retention, the sweep, a store that fails. */
class CheckRecordsTest {

    static final Duration RETENTION = Duration.ofDays(30);

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static TestDatabase.Fresh db;
    private final TestClock clock = new TestClock();
    private CheckRecords records;

    @BeforeAll
    static void create() {
        db = TestDatabase.get().create("check_records");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void repository() {
        db.jdbc().sql("TRUNCATE repositories CASCADE").update();
        db.jdbc().sql("INSERT INTO repositories (name, location, tag_pattern, branches, paths)"
                + " VALUES ('linux', '/x', 'v*', '{}', '{" + ServiceFixtures.PATH + "}')").update();
        records = new CheckRecords(new CheckStore(db.dataSource()), RETENTION, clock);
    }

    @AfterEach
    void stopWriter() {
        records.close();
    }

    static Outcome outcome(String digest) {
        return new Outcome("linux", ServiceFixtures.PATH, ServiceFixtures.revision(ServiceFixtures.C2, "v2"), "v2",
                ServiceFixtures.breaking(), digest, "line\n".repeat(200), () -> "base\n".repeat(200));
    }

    @Test
    void anOldCheckIsSweptAndAYoungOneKept() {
        String old = "1".repeat(64);
        String young = "2".repeat(64);
        assertThat(records.save(outcome(old), "{}")).isTrue();
        clock.now = clock.now.plus(Duration.ofDays(20));
        assertThat(records.save(outcome(young), "{}")).isTrue();
        clock.now = clock.now.plus(Duration.ofDays(11));   // old: 31 days, young: 11 days

        assertThat(records.sweep()).isEqualTo(1);
        assertThat(db.jdbc().sql("SELECT digest FROM checks").query(String.class).list()).containsExactly(young);
        assertThat(records.find(young)).isPresent();
    }

    @Test
    void aCheckPastItsRetentionIsGoneBeforeTheSweepComes() {
        String digest = "3".repeat(64);
        records.save(outcome(digest), "{}");
        clock.now = clock.now.plus(RETENTION).plusSeconds(1);
        assertThat(records.find(digest)).isEmpty();
    }

    @Test
    void anIdenticalRequestKeepsTheCheckForAnotherRetention() {
        String digest = "4".repeat(64);
        records.save(outcome(digest), "{}");
        clock.now = clock.now.plus(Duration.ofDays(25));
        records.save(outcome(digest), "{}");
        clock.now = clock.now.plus(Duration.ofDays(25));
        records.sweep();
        assertThat(records.find(digest)).isPresent();
    }

    @Test
    void anIdenticalAnswerStoredWithinTheHourIsNotWrittenAgainAndAnotherOneIs() {
        String digest = "a".repeat(64);
        Instant first = clock.now;
        records.save(outcome(digest), "{\"n\": 1}");
        clock.now = clock.now.plus(Duration.ofMinutes(30));
        assertThat(records.save(outcome(digest), "{\"n\": 1}")).isTrue();
        assertThat(records.find(digest).orElseThrow().createdAt()).isEqualTo(first);

        assertThat(records.save(outcome(digest), "{\"n\": 2}")).as("an answer that changed").isTrue();
        assertThat(records.find(digest).orElseThrow().result()).isEqualTo("{\"n\": 2}");
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        records.save(outcome(digest), "{\"n\": 2}");
        assertThat(records.find(digest).orElseThrow().createdAt()).as("renewed after the hour").isEqualTo(clock.now);
    }

    @Test
    void theStoredCheckKeepsTheCandidateLinesAroundEachFinding() {
        String digest = "5".repeat(64);
        records.save(outcome(digest), "{\"verdict\": \"breaking\"}");
        var stored = records.find(digest).orElseThrow();
        assertThat(stored.result()).isEqualTo("{\"verdict\": \"breaking\"}");
        // The fixture's finding is at line 120: lines 118 to 122 of the candidate.
        assertThat(stored.excerpts()).isEqualTo(
                "{\"new\":{\"118\":\"line\",\"119\":\"line\",\"120\":\"line\",\"121\":\"line\",\"122\":\"line\"}}");
    }

    @Test
    void theNotFoundOfACheckSaysItMayHaveBeenSwept() {
        assertThat(records.unknown("9".repeat(64)).getMessage()).contains("'" + "9".repeat(64) + "'")
                .contains("unknown, or older than 30 days and swept (uapiguard.checks.retention)");
    }

    @Test
    void malformedOrUnknownIdsAreNotFound() {
        assertThat(records.find("../../etc/passwd")).isEmpty();
        assertThat(records.find("A".repeat(64))).isEmpty();
        assertThat(records.find("6".repeat(64))).isEmpty();
    }

    @Test
    void aStoreThatCannotTakeTheChecksCostsOnlyTheirLinksUntilAWriteSucceeds() {
        CheckStore flaky = mock(CheckStore.class);
        when(flaky.storeAll(any(), any())).thenThrow(new CannotAcquireLockException("database unavailable"))
                .thenReturn(List.of(CheckStore.Stored.WRITTEN)).thenReturn(List.of(CheckStore.Stored.WRITTEN));
        when(flaky.deleteCreatedBefore(any())).thenThrow(new CannotAcquireLockException("database unavailable"));
        // The warnings go to a list, not to the test's output.
        Logger logger = (Logger) LoggerFactory.getLogger(CheckRecords.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        logger.setAdditive(false);
        try (CheckRecords unavailable = new CheckRecords(flaky, RETENTION, clock)) {
            assertThat(unavailable.save(outcome("7".repeat(64)), "{}")).as("queued before the failure is known")
                    .isTrue();
            assertThat(unavailable.flush()).isTrue();
            assertThat(unavailable.save(outcome("8".repeat(64)), "{}")).as("after a failed write").isFalse();
            assertThat(unavailable.flush()).isTrue();
            assertThat(unavailable.save(outcome("9".repeat(64)), "{}")).as("after a write succeeded again").isTrue();
            assertThat(unavailable.sweep()).isZero();
        } finally {
            logger.detachAppender(logged);
            logger.setAdditive(true);
        }
        assertThat(logged.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.WARN, Level.WARN);
        assertThat(logged.list.get(0).getFormattedMessage())
                .contains("1 check(s) not stored", "answer without checkUrl until a write succeeds",
                        "database unavailable");
        assertThat(logged.list.get(1).getFormattedMessage())
                .contains("8".repeat(64), "answered without checkUrl", "the last write to the database failed");
    }

    /** A mock store that reads through {@code real}; each test says how its writes go. */
    private static CheckStore readingThrough(CheckStore real) {
        CheckStore store = mock(CheckStore.class);
        when(store.find(any(), any())).thenAnswer(call -> real.find(call.getArgument(0), call.getArgument(1)));
        return store;
    }

    /** The write a mock store was asked for, made by {@code real}. */
    private static List<CheckStore.Stored> writeThrough(CheckStore real, InvocationOnMock call) {
        return real.storeAll(call.getArgument(0), call.getArgument(1));
    }

    @Test
    void aPageAskedForAsItsCheckIsAnsweredWaitsForTheWrite() {
        CheckStore real = new CheckStore(db.dataSource());
        CheckStore held = readingThrough(real);
        CountDownLatch released = new CountDownLatch(1);
        when(held.storeAll(any(), any())).thenAnswer(call -> {
            released.await();
            return writeThrough(real, call);
        });
        try (CheckRecords behind = new CheckRecords(held, RETENTION, clock)) {
            String digest = "e".repeat(64);
            assertThat(behind.save(outcome(digest), "{\"n\": 1}")).isTrue();
            assertThat(db.jdbc().sql("SELECT count(*) FROM checks").query(Integer.class).single())
                    .as("answered before the row is written").isZero();
            CompletableFuture.runAsync(released::countDown,
                    CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));   // while the page waits
            assertThat(behind.find(digest).orElseThrow().result()).isEqualTo("{\"n\": 1}");
        }
    }

    @Test
    void rowsHandedWhileTheWriterGathersAreWrittenTogetherWhenAPageWantsOne() {
        CheckStore real = new CheckStore(db.dataSource());
        CheckStore counting = readingThrough(real);
        List<Integer> batches = new CopyOnWriteArrayList<>();
        when(counting.storeAll(any(), any())).thenAnswer(call -> {
            batches.add(call.<List<StoredCheck>>getArgument(0).size());
            return writeThrough(real, call);
        });
        try (CheckRecords gathering = new CheckRecords(counting, RETENTION, clock, Duration.ofMinutes(1))) {
            for (char d : "12345".toCharArray()) {
                assertThat(gathering.save(outcome(String.valueOf(d).repeat(64)), "{}")).isTrue();
            }
            assertThat(batches).as("still gathering").isEmpty();
            assertThat(gathering.find("3".repeat(64))).isPresent();
            assertThat(batches).containsExactly(5);
        }
    }

    @Test
    void aWriterThatAnErrorEndedIsStartedAgainByTheNextCheck() {
        CheckStore real = new CheckStore(db.dataSource());
        CheckStore once = readingThrough(real);
        when(once.storeAll(any(), any())).thenThrow(new StackOverflowError("in a driver"))
                .thenAnswer(call -> writeThrough(real, call));
        Logger logger = (Logger) LoggerFactory.getLogger(CheckRecords.class);
        logger.setLevel(Level.OFF);   // the Error's report
        try (CheckRecords records = new CheckRecords(once, RETENTION, clock)) {
            assertThat(records.save(outcome("c".repeat(64)), "{}")).isTrue();
            assertThat(records.flush()).as("the writer ended without the row").isFalse();
            assertThat(records.save(outcome("d".repeat(64)), "{}")).isTrue();
            assertThat(records.find("d".repeat(64))).isPresent();
        } finally {
            logger.setLevel(null);
        }
    }

    @Test
    void theChecksQueuedWhenTheServiceStopsAreWrittenAndLaterOnesHaveNoLink() {
        String digest = "f".repeat(64);
        assertThat(records.save(outcome(digest), "{}")).isTrue();
        records.close();
        assertThat(db.jdbc().sql("SELECT digest FROM checks").query(String.class).list()).containsExactly(digest);
        Logger logger = (Logger) LoggerFactory.getLogger(CheckRecords.class);
        logger.setLevel(Level.OFF);
        try {
            assertThat(records.save(outcome("0".repeat(64)), "{}")).isFalse();
        } finally {
            logger.setLevel(null);
        }
    }

    @Test
    void aBaseTextThatCannotBeReadCostsOnlyTheLink() {
        Finding removed = new Finding("enum.removed", Severity.BREAKING, "X", "m", null, null,
                new Location(ServiceFixtures.PATH, 3), Map.of("side", "old"), false, null);
        Outcome outcome = new Outcome("linux", ServiceFixtures.PATH, ServiceFixtures.revision(ServiceFixtures.C2, "v2"),
                "v2", new Comparison(List.of(removed)), "b".repeat(64), "x\n", () -> {
                    throw new UapiguardException(Reason.NOT_FOUND, "the base is not stored");
                });
        Logger logger = (Logger) LoggerFactory.getLogger(CheckRecords.class);
        logger.setLevel(Level.OFF);
        try {
            assertThat(records.save(outcome, "{}")).isFalse();
        } finally {
            logger.setLevel(null);
        }
        assertThat(records.find("b".repeat(64))).isEmpty();
    }

    @Test
    void aCheckWithoutFindingsKeepsNoLines() {
        Outcome none = new Outcome("linux", ServiceFixtures.PATH, ServiceFixtures.revision(ServiceFixtures.C2),
                ServiceFixtures.C2.substring(0, 12), new Comparison(List.of()), "8".repeat(64), "x\n",
                () -> {
                    throw new AssertionError("the base's text is read only for a finding on its side");
                });
        records.save(none, "{}");
        var stored = records.find("8".repeat(64)).orElseThrow();
        assertThat(stored.excerpts()).isEqualTo("{}");
        assertThat(stored.baseTag()).isNull();
    }
}
