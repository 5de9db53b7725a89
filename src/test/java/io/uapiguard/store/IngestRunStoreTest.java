package io.uapiguard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.uapiguard.store.IngestRunStore.Queued;
import io.uapiguard.store.IngestRunStore.Run;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** Ingest runs on a real PostgreSQL: one unfinished run per repository, their states, and abandoned runs. */
class IngestRunStoreTest {

    private static TestDatabase.Fresh db;
    private IngestRunStore runs;
    private long repositoryId;

    @BeforeAll
    static void create() {
        db = TestDatabase.get().create("runs");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void repository() {
        db.jdbc().sql("TRUNCATE repositories CASCADE").update();
        repositoryId = db.jdbc().sql("INSERT INTO repositories (name, location, tag_pattern, branches, paths)"
                + " VALUES ('linux', '/x', 'v*', '{}', '{a.h}') RETURNING id").query(Long.class).single();
        runs = new IngestRunStore(db.dataSource(), Duration.ofMinutes(1));
    }

    @Test
    void aRunGoesFromQueuedToRunningToSucceededWithItsProgressAndSummary() {
        Queued queued = runs.queue(repositoryId, "api", "i1");
        assertThat(queued.created()).isTrue();
        assertThat(queued.run().state()).isEqualTo("queued");
        assertThat(queued.run().repository()).isEqualTo("linux");
        long id = queued.run().id();

        assertThat(runs.start(id)).isTrue();
        assertThat(runs.start(id)).as("only a queued run starts").isFalse();
        runs.progress(id, "parse", 3, 8);
        Run running = runs.find(id).orElseThrow();
        assertThat(running.state()).isEqualTo("running");
        assertThat(running.startedAt()).isNotNull();
        assertThat(List.of(running.step(), running.stepDone(), running.stepTotal())).containsExactly("parse", 3, 8);

        assertThat(runs.succeed(id, "{\"newRevisions\": 2}")).isTrue();
        Run done = runs.find(id).orElseThrow();
        assertThat(done.state()).isEqualTo("succeeded");
        assertThat(done.finished()).isTrue();
        assertThat(done.summaryJson()).isEqualTo("{\"newRevisions\": 2}");
        assertThat(done.errorStatus()).isNull();
        assertThat(runs.queue(repositoryId, "api", "i1").created()).as("a finished run blocks nothing").isTrue();
    }

    @Test
    void aSecondRequestWhileOneIsUnfinishedGetsThatRunFromAnyInstance() {
        Run first = runs.queue(repositoryId, "api", "i1").run();
        Queued again = runs.queue(repositoryId, "poll", "i2");
        assertThat(again.created()).isFalse();
        assertThat(again.run().id()).isEqualTo(first.id());
        runs.start(first.id());
        assertThat(runs.queue(repositoryId, "api", "i2").run().id()).isEqualTo(first.id());
        assertThat(runs.recent("linux", 10)).hasSize(1);
    }

    @Test
    void instancesQueuingAtOnceMakeOneRun() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Queued>> asks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String instance = "i" + i;
                asks.add(() -> runs.queue(repositoryId, "api", instance));
            }
            List<Queued> answers = new ArrayList<>();
            for (Future<Queued> f : pool.invokeAll(asks)) {
                answers.add(f.get());
            }
            assertThat(answers).filteredOn(Queued::created).hasSize(1);
            assertThat(answers).extracting(q -> q.run().id()).containsOnly(answers.get(0).run().id());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedRunKeepsItsStatusAndError() {
        long id = runs.queue(repositoryId, "api", "i1").run().id();
        runs.start(id);
        runs.fail(id, 404, "no such ref");
        Run failed = runs.find(id).orElseThrow();
        assertThat(failed.state()).isEqualTo("failed");
        assertThat(failed.errorStatus()).isEqualTo(404);
        assertThat(failed.error()).isEqualTo("no such ref");
        assertThat(runs.succeed(id, "{}")).isFalse();
        assertThat(runs.fail(id, 500, "again")).isFalse();
        assertThat(runs.find(id).orElseThrow().state()).as("a finished run stays as it ended").isEqualTo("failed");
    }

    @Test
    void aRunWhoseInstanceStoppedRenewingItReadsAbandonedAndNoLongerBlocksTheNext() {
        IngestRunStore quick = new IngestRunStore(db.dataSource(), Duration.ofMillis(1));
        long id = quick.queue(repositoryId, "api", "gone").run().id();
        quick.start(id);
        db.jdbc().sql("UPDATE ingest_runs SET heartbeat_at = now() - interval '1 hour' WHERE id = ?").param(id)
                .update();
        assertThat(runs.find(id).orElseThrow().state()).isEqualTo("abandoned");

        Queued next = runs.queue(repositoryId, "api", "i2");
        assertThat(next.created()).isTrue();
        Run old = runs.find(id).orElseThrow();
        assertThat(old.state()).isEqualTo("failed");
        assertThat(old.errorStatus()).isEqualTo(503);
        assertThat(old.error()).matches("abandoned: its instance stopped renewing it at \\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z");
    }

    @Test
    void theHeartbeatKeepsAnInstancesRunsAliveAndStoppingFailsThem() {
        long id = runs.queue(repositoryId, "api", "i1").run().id();
        db.jdbc().sql("UPDATE ingest_runs SET heartbeat_at = now() - interval '1 hour'").update();
        runs.heartbeat(List.of(id + 1));
        assertThat(runs.find(id).orElseThrow().state()).as("another run's heartbeat").isEqualTo("abandoned");
        runs.heartbeat(List.of(id));
        assertThat(runs.find(id).orElseThrow().state()).isEqualTo("queued");

        assertThat(runs.failUnfinished(List.of(id + 1), "stopping")).isZero();
        assertThat(runs.failUnfinished(List.of(id), "stopping")).isEqualTo(1);
        assertThat(runs.find(id).orElseThrow().error()).isEqualTo("stopping");
        assertThat(runs.failUnfinished(List.of(id), "again")).as("a finished run stays as it ended").isZero();
    }

    @Test
    void theSchemaRefusesAFinishedRunWithoutItsOutcome() {
        assertThatThrownBy(() -> db.jdbc().sql("INSERT INTO ingest_runs (repository_id, state, trigger, instance)"
                + " VALUES (?, 'succeeded', 'api', 'i1')").param(repositoryId).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> db.jdbc().sql("INSERT INTO ingest_runs (repository_id, state, trigger, instance)"
                + " VALUES (?, 'failed', 'api', 'i1')").param(repositoryId).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
