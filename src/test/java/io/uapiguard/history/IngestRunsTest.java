package io.uapiguard.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.history.HistoryAdmin.IngestSummary;
import io.uapiguard.store.IngestRunStore;
import io.uapiguard.store.IngestRunStore.Queued;
import io.uapiguard.store.IngestRunStore.Run;
import io.uapiguard.store.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Background ingests on a real PostgreSQL, with the ingest itself played by the test. */
class IngestRunsTest {

    private static final IngestRuns.Timing QUICK = new IngestRuns.Timing(Duration.ofMillis(100),
            Duration.ofSeconds(5), Duration.ZERO);

    private static TestDatabase.Fresh db;
    private IngestRunStore store;
    private IngestRuns runs;

    @BeforeAll
    static void create() {
        db = TestDatabase.get().create("ingest_runs");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void repositories() {
        db.jdbc().sql("TRUNCATE repositories CASCADE").update();
        db.jdbc().sql("INSERT INTO repositories (name, location, tag_pattern, branches, paths)"
                + " VALUES ('linux', '/x', 'v*', '{}', '{a.h}'), ('bpf-next', '/y', 'v*', '{}', '{a.h}')").update();
        store = new IngestRunStore(db.dataSource(), QUICK.stale());
    }

    @AfterEach
    void close() {
        if (runs != null) {
            runs.close();
        }
    }

    private static IngestSummary summary(String repository) {
        return new IngestSummary(repository, 10, 2, 2, 0, 3, 0, Duration.ofMillis(1500));
    }

    @Test
    void aSubmittedIngestRunsInTheBackgroundShowingItsStepThenItsSummary() throws Exception {
        CountDownLatch inParse = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        runs = new IngestRuns(store, (repository, listener) -> {
            listener.step("parse", 8);
            listener.progress(8);
            inParse.countDown();
            await(finish);
            return summary(repository);
        }, s -> "{\"newRevisions\": " + s.newRevisions() + "}", QUICK);

        Queued queued = runs.submit("linux", "api");
        assertThat(queued.created()).isTrue();
        assertThat(inParse.await(10, TimeUnit.SECONDS)).isTrue();
        Run running = runs.find(queued.run().id()).orElseThrow();
        assertThat(running.state()).isEqualTo("running");
        assertThat(List.of(running.step(), running.stepDone(), running.stepTotal())).containsExactly("parse", 8, 8);

        finish.countDown();
        Run done = runs.await(queued.run().id());
        assertThat(done.state()).isEqualTo("succeeded");
        assertThat(done.summaryJson()).isEqualTo("{\"newRevisions\": 2}");
        assertThat(done.trigger()).isEqualTo("api");
    }

    @Test
    void askingAgainWhileARunIsUnfinishedGivesThatRunAndIngestsOnce() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger ingests = new AtomicInteger();
        runs = new IngestRuns(store, (repository, listener) -> {
            ingests.incrementAndGet();
            await(finish);
            return summary(repository);
        }, s -> "{}", QUICK);

        Queued first = runs.submit("linux", "api");
        Queued second = runs.submit("linux", "api");
        assertThat(second.created()).isFalse();
        assertThat(second.run().id()).isEqualTo(first.run().id());
        finish.countDown();
        runs.await(first.run().id());
        assertThat(ingests).hasValue(1);
    }

    @Test
    void aFailedIngestKeepsTheStatusOfItsReasonAndAnUnexpectedOneNoStackTrace() throws Exception {
        runs = new IngestRuns(store, (repository, listener) -> {
            if (repository.equals("linux")) {
                throw new UapiguardException(Reason.BAD_INPUT, "cannot fetch /x: not a git repository");
            }
            throw new IllegalStateException("boom at some.internal.Class");
        }, s -> "{}", QUICK);

        Run bad = runs.await(runs.submit("linux", "api").run().id());
        assertThat(bad.state()).isEqualTo("failed");
        assertThat(bad.errorStatus()).isEqualTo(400);
        assertThat(bad.error()).isEqualTo("cannot fetch /x: not a git repository");

        Run internal = runs.await(runs.submit("bpf-next", "api").run().id());
        assertThat(internal.errorStatus()).isEqualTo(500);
        assertThat(internal.error()).contains("IllegalStateException").doesNotContain("boom").doesNotContain("at ");
    }

    @Test
    void anUnknownRepositoryIsNotFoundAndQueuesNothing() {
        runs = new IngestRuns(store, (repository, listener) -> summary(repository), s -> "{}", QUICK);
        assertThatThrownBy(() -> runs.submit("nope", "api"))
                .isInstanceOfSatisfying(UapiguardException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        assertThatThrownBy(() -> runs.recent("nope", 5)).isInstanceOf(UapiguardException.class);
        assertThat(db.jdbc().sql("SELECT count(*) FROM ingest_runs").query(Integer.class).single()).isZero();
    }

    @Test
    void stoppingTheServiceFailsItsRunningAndQueuedRunsSayingWhy() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        runs = new IngestRuns(store, (repository, listener) -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UapiguardException(Reason.INTERNAL, "interrupted");
            }
            return summary(repository);
        }, s -> "{}", QUICK);
        long running = runs.submit("linux", "api").run().id();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        long queued = runs.submit("bpf-next", "api").run().id();

        runs.close();
        runs = null;
        for (long id : new long[] {running, queued}) {
            Run run = store.find(id).orElseThrow();
            assertThat(run.state()).isEqualTo("failed");
            assertThat(run.error()).satisfiesAnyOf(
                    e -> assertThat(e).isEqualTo(IngestRuns.STOPPED),
                    e -> assertThat(e).isEqualTo("interrupted"));
        }
        assertThat(store.find(queued).orElseThrow().error()).isEqualTo(IngestRuns.STOPPED);
    }

    @Test
    void thePollerQueuesEveryRegisteredRepository() throws Exception {
        ConcurrentLinkedQueue<String> ingested = new ConcurrentLinkedQueue<>();
        CountDownLatch both = new CountDownLatch(2);
        runs = new IngestRuns(store, (repository, listener) -> {
            ingested.add(repository);
            both.countDown();
            return summary(repository);
        }, s -> "{}", new IngestRuns.Timing(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMillis(200)));
        assertThat(both.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ingested).contains("linux", "bpf-next");
        assertThat(store.recent("linux", 1).get(0).trigger()).isEqualTo("poll");
    }

    @Test
    void timingsThatWouldAbandonALiveRunAreRefused() {
        assertThatThrownBy(() -> new IngestRuns.Timing(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IngestRuns.Timing(Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
