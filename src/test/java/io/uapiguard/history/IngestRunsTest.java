package io.uapiguard.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.api.ProblemStatus;
import io.uapiguard.history.HistoryAdmin.IngestSummary;
import io.uapiguard.store.IngestRunStore;
import io.uapiguard.store.IngestRunStore.Queued;
import io.uapiguard.store.IngestRunStore.Run;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
            Duration.ofSeconds(5), Duration.ZERO, Duration.ofMillis(300));
    private static final Duration AWAIT = Duration.ofSeconds(20);

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
            hold(finish);
            return summary(repository);
        }, s -> "{\"newRevisions\": " + s.newRevisions() + "}", QUICK, ProblemStatus::code);

        Queued queued = runs.submit("linux", "api");
        assertThat(queued.created()).isTrue();
        assertThat(inParse.await(10, TimeUnit.SECONDS)).isTrue();
        Run running = runs.find(queued.run().id()).orElseThrow();
        assertThat(running.state()).isEqualTo("running");
        assertThat(List.of(running.step(), running.stepDone(), running.stepTotal())).containsExactly("parse", 8, 8);

        finish.countDown();
        Run done = runs.await(queued.run().id(), AWAIT);
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
            hold(finish);
            return summary(repository);
        }, s -> "{}", QUICK, ProblemStatus::code);

        Queued first = runs.submit("linux", "api");
        Queued second = runs.submit("linux", "api");
        assertThat(second.created()).isFalse();
        assertThat(second.run().id()).isEqualTo(first.run().id());
        finish.countDown();
        runs.await(first.run().id(), AWAIT);
        assertThat(ingests).hasValue(1);
    }

    @Test
    void aFailedIngestKeepsTheStatusOfItsReasonAndAnUnexpectedOneNoStackTrace() throws Exception {
        runs = new IngestRuns(store, (repository, listener) -> {
            if (repository.equals("linux")) {
                throw new UapiguardException(Reason.BAD_INPUT, "cannot fetch /x: not a git repository");
            }
            throw new IllegalStateException("boom at some.internal.Class");
        }, s -> "{}", QUICK, ProblemStatus::code);

        Run bad = runs.await(runs.submit("linux", "api").run().id(), AWAIT);
        assertThat(bad.state()).isEqualTo("failed");
        assertThat(bad.errorStatus()).isEqualTo(400);
        assertThat(bad.error()).isEqualTo("cannot fetch /x: not a git repository");

        Run internal = runs.await(runs.submit("bpf-next", "api").run().id(), AWAIT);
        assertThat(internal.errorStatus()).isEqualTo(500);
        assertThat(internal.error()).contains("IllegalStateException").doesNotContain("boom").doesNotContain("at ");
    }

    @Test
    void anUnknownRepositoryIsNotFoundAndQueuesNothing() {
        runs = new IngestRuns(store, (repository, listener) -> summary(repository), s -> "{}", QUICK, ProblemStatus::code);
        assertThatThrownBy(() -> runs.submit("nope", "api"))
                .isInstanceOfSatisfying(UapiguardException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        assertThatThrownBy(() -> runs.recent("nope", 5)).isInstanceOf(UapiguardException.class);
        assertThat(db.jdbc().sql("SELECT count(*) FROM ingest_runs").query(Integer.class).single()).isZero();
    }

    @Test
    void stoppingTheServiceFailsItsRunningAndQueuedRunsEvenWhenTheIngestIgnoresTheInterrupt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        runs = new IngestRuns(store, (repository, listener) -> {
            started.countDown();
            hold(finish);
            returned.countDown();
            return summary(repository);
        }, s -> "{}", QUICK, ProblemStatus::code);
        long running = runs.submit("linux", "api").run().id();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        long queued = runs.submit("bpf-next", "api").run().id();

        runs.close();
        for (long id : new long[] {running, queued}) {
            Run run = store.find(id).orElseThrow();
            assertThat(run.state()).isEqualTo("failed");
            assertThat(run.errorStatus()).isEqualTo(503);
            assertThat(run.error()).isEqualTo(IngestRuns.STOPPED);
        }
        assertThatThrownBy(() -> runs.submit("linux", "api"))
                .isInstanceOfSatisfying(UapiguardException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));

        finish.countDown();   // the ingest ends after all: its run stays failed as the stop left it
        assertThat(returned.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        assertThat(store.find(running).orElseThrow().state()).isEqualTo("failed");
        runs = null;
    }

    @Test
    void aRunFailedAsAbandonedWhileItsIngestWentOnStaysFailed() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        runs = new IngestRuns(store, (repository, listener) -> {
            started.countDown();
            hold(finish);
            return summary(repository);
        }, s -> "{}", QUICK, ProblemStatus::code);
        long id = runs.submit("linux", "api").run().id();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        store.fail(id, 503, "abandoned: its instance stopped renewing it");

        finish.countDown();
        Thread.sleep(300);
        Run run = store.find(id).orElseThrow();
        assertThat(run.state()).isEqualTo("failed");
        assertThat(run.error()).startsWith("abandoned");
        assertThat(runs.submit("linux", "api").created()).as("the repository is free for the next run").isTrue();
    }

    @Test
    void aRunWaitingForAnotherIngestsLockShowsTheWaitingStep() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        runs = new IngestRuns(store, (repository, listener) -> {
            listener.waiting("another ingest of " + repository + " is running; waiting for it");
            waiting.countDown();
            hold(finish);
            return summary(repository);
        }, s -> "{}", QUICK, ProblemStatus::code);
        long id = runs.submit("linux", "api").run().id();
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(store.find(id).orElseThrow().step()).isEqualTo("waiting");
        finish.countDown();
        assertThat(runs.await(id, AWAIT).state()).isEqualTo("succeeded");
    }

    @Test
    void awaitingARunGivesItAsItIsOnceTheTimeoutHasPassed() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        runs = new IngestRuns(store, (repository, listener) -> {
            hold(finish);
            return summary(repository);
        }, s -> "{}", QUICK, ProblemStatus::code);
        long id = runs.submit("linux", "api").run().id();
        Run unfinished = runs.await(id, Duration.ofMillis(300));
        assertThat(unfinished.finished()).isFalse();
        finish.countDown();
        assertThat(runs.await(id, AWAIT).state()).isEqualTo("succeeded");
    }

    @Test
    void theHeartbeatKeepsALongRunAliveBeyondTheStaleAge() throws Exception {
        IngestRunStore strict = new IngestRunStore(db.dataSource(), Duration.ofSeconds(1));
        CountDownLatch finish = new CountDownLatch(1);
        runs = new IngestRuns(strict, (repository, listener) -> {
            hold(finish);
            return summary(repository);
        }, s -> "{}", new IngestRuns.Timing(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofMillis(300)), ProblemStatus::code);
        long id = runs.submit("linux", "api").run().id();
        Thread.sleep(2500);
        assertThat(strict.find(id).orElseThrow().state()).isEqualTo("running");
        finish.countDown();
        assertThat(runs.await(id, AWAIT).state()).isEqualTo("succeeded");
    }

    @Test
    void thePollerQueuesEveryRegisteredRepository() throws Exception {
        ConcurrentLinkedQueue<String> ingested = new ConcurrentLinkedQueue<>();
        CountDownLatch both = new CountDownLatch(2);
        runs = new IngestRuns(store, (repository, listener) -> {
            ingested.add(repository);
            both.countDown();
            return summary(repository);
        }, s -> "{}", new IngestRuns.Timing(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMillis(200),
                Duration.ofMillis(300)), ProblemStatus::code);
        assertThat(both.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ingested).contains("linux", "bpf-next");
        assertThat(store.recent("linux", 1).get(0).trigger()).isEqualTo("poll");
    }

    @Test
    void theServiceTimesEachIngestByRepositoryAndOutcome() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        IngestRuns.Work timed = HistoryConfiguration.timed((repository, listener) -> {
            if (repository.equals("nope")) {
                throw new UapiguardException(Reason.NOT_FOUND, "no repository named 'nope' is registered");
            }
            return summary(repository);
        }, meters);
        timed.ingest("linux", IngestListener.NONE);
        timed.ingest("linux", IngestListener.NONE);
        assertThatThrownBy(() -> timed.ingest("nope", IngestListener.NONE)).isInstanceOf(UapiguardException.class);
        assertThat(meters.timer("uapiguard.ingests", "repository", "linux", "outcome", "succeeded").count())
                .isEqualTo(2);
        assertThat(meters.timer("uapiguard.ingests", "repository", "nope", "outcome", "failed").count())
                .isEqualTo(1);
    }

    @Test
    void timingsThatWouldAbandonALiveRunAreRefused() {
        assertThatThrownBy(() -> new IngestRuns.Timing(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ZERO,
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IngestRuns.Timing(Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofSeconds(-1), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Inside the played ingest: waits for the test to let it go (at most 10 s), whatever interrupts it. */
    private static void hold(CountDownLatch latch) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (latch.getCount() > 0 && System.nanoTime() < end) {
            try {
                latch.await(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // like a git fetch or a JDBC call: the interrupt is not heard
            }
        }
    }
}
