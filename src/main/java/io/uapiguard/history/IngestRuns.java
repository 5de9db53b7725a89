package io.uapiguard.history;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.history.HistoryAdmin.IngestSummary;
import io.uapiguard.store.IngestRunStore;
import io.uapiguard.store.IngestRunStore.Queued;
import io.uapiguard.store.IngestRunStore.Run;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Ingests in the background, for the service: a run is queued in the database (one unfinished run per repository,
 * whichever instance asked), run one at a time by the instance that queued it, its step and progress recorded as
 * it goes, then its summary or its error. An ingest of a kernel-sized repository takes minutes: no HTTP request
 * waits for it unless it asks to. With a poll interval, every registered repository is queued on that rhythm.
 */
public final class IngestRuns implements AutoCloseable {

    /** The ingest the runs perform: {@link Ingester#ingest(String, IngestListener)} in the service. */
    @FunctionalInterface
    public interface Work {
        IngestSummary ingest(String repository, IngestListener listener);
    }

    /**
     * Timing: heartbeat renewal, how long without one makes a run abandoned, poll interval (zero: off), and how
     * long a stop waits for the running ingest before marking it failed.
     */
    public record Timing(Duration heartbeat, Duration stale, Duration poll, Duration stopGrace) {
        public Timing {
            if (heartbeat.isZero() || heartbeat.isNegative() || poll.isNegative()) {
                throw new IllegalArgumentException("the heartbeat must be positive and the poll interval not negative");
            }
            if (stale.compareTo(heartbeat.multipliedBy(2)) <= 0) {
                throw new IllegalArgumentException("a run must outlive two missed heartbeats: stale " + stale
                        + " is not more than twice the heartbeat " + heartbeat);
            }
        }
    }

    static final String STOPPED = "the service stopped before this ingest finished; the next ingest of the "
            + "repository takes up where it stopped";
    private static final Logger log = LoggerFactory.getLogger(IngestRuns.class);
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Duration AWAIT_POLL = Duration.ofMillis(200);

    private final IngestRunStore runs;
    private final Work work;
    private final Function<IngestSummary, String> summaryJson;
    private final ToIntFunction<Reason> errorStatus;
    private final String instance = UUID.randomUUID().toString();
    /** This instance's queued and running runs: heartbeats and the stop touch the database only when there are. */
    private final Set<Long> unfinished = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("uapiguard-ingest-"));
    // Apart, so that a slow poll round (a database that answers slowly) cannot delay heartbeats into abandonment.
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            daemon("uapiguard-ingest-heartbeat-"));
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            daemon("uapiguard-ingest-poll-"));
    private final Duration stopGrace;
    private volatile boolean closed;

    /** {@code errorStatus}: the HTTP status a failed run records for the reason of its error (the API's mapping). */
    public IngestRuns(IngestRunStore runs, Work work, Function<IngestSummary, String> summaryJson, Timing timing,
                      ToIntFunction<Reason> errorStatus) {
        this.runs = runs;
        this.work = work;
        this.summaryJson = summaryJson;
        this.errorStatus = errorStatus;
        this.stopGrace = timing.stopGrace();
        long beat = timing.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        if (!timing.poll().isZero()) {
            long poll = timing.poll().toMillis();
            poller.scheduleWithFixedDelay(this::pollAll, poll, poll, TimeUnit.MILLISECONDS);
        }
    }

    /** Queues an ingest of the repository, or finds its unfinished one; NOT_FOUND for an unknown name. */
    public synchronized Queued submit(String repository, String trigger) {
        if (closed) {
            throw new UapiguardException(Reason.UNAVAILABLE, "the service is stopping; ask again once it is back");
        }
        Queued queued = runs.queue(repositoryId(repository), trigger, instance);
        if (queued.created()) {
            long run = queued.run().id();
            unfinished.add(run);
            worker.execute(() -> run(run, repository));
        }
        return queued;
    }

    public Optional<Run> find(long id) {
        return runs.find(id);
    }

    /** The repository's latest runs, newest first. */
    public List<Run> recent(String repository, int limit) {
        repositoryId(repository);
        return runs.recent(repository, limit);
    }

    private long repositoryId(String repository) {
        return runs.repositoryId(repository).orElseThrow(() -> UapiguardException.unknownRepository(repository));
    }

    /**
     * The run once it has finished, or as it is when {@code timeout} has passed. Read from the store, since another
     * instance may be running it.
     */
    public Run await(long id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Run run = runs.find(id).orElseThrow(() -> new UapiguardException(Reason.NOT_FOUND, "no ingest run " + id));
            if (run.finished() || System.nanoTime() - deadline >= 0) {
                return run;
            }
            Thread.sleep(AWAIT_POLL.toMillis());
        }
    }

    private void run(long id, String repository) {
        try {
            if (runs.start(id)) {   // else failed as abandoned while it waited here: another run has taken over
                ingest(id, repository);
            }
        } finally {
            unfinished.remove(id);
        }
    }

    private void ingest(long id, String repository) {
        boolean recorded;
        try {
            IngestSummary summary = work.ingest(repository, new Progress(id));
            recorded = runs.succeed(id, summaryJson.apply(summary));
        } catch (UapiguardException e) {
            log.warn("ingest of {} failed: {}", repository, e.describe());
            recorded = runs.fail(id, errorStatus.applyAsInt(e.reason()), e.describe());
        } catch (Throwable e) {   // whatever it was, the run must not stay running
            log.error("ingest of {} failed", repository, e);
            recorded = runs.fail(id, 500, "internal error (" + e.getClass().getSimpleName()
                    + "); the service log has the details");
            if (e instanceof Error error) {
                throw error;
            }
        }
        if (!recorded) {
            log.warn("ingest run {} of {} ended after it was marked failed (abandoned or stopped); its outcome is "
                    + "in the history all the same", id, repository);
        }
    }

    private void heartbeat() {
        if (unfinished.isEmpty()) {
            return;
        }
        try {
            runs.heartbeat(List.copyOf(unfinished));
        } catch (RuntimeException e) {
            log.warn("cannot renew the ingest heartbeat: {}", e.getMessage());
        }
    }

    private void pollAll() {
        try {
            for (String repository : runs.repositoryNames()) {
                submit(repository, "poll");
            }
        } catch (RuntimeException e) {
            log.warn("cannot queue the polled ingests: {}", e.getMessage());
        }
    }

    /**
     * Stops taking work; the running ingest is interrupted and given the stop grace to end, then its run, like any
     * queued one, is marked failed. Git and JDBC calls mostly ignore interrupts: an ingest that goes on regardless
     * finds its run failed already, and its outcome still lands in the history.
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        poller.shutdownNow();
        worker.shutdownNow();
        try {
            worker.awaitTermination(stopGrace.toMillis(), TimeUnit.MILLISECONDS);
            poller.awaitTermination(stopGrace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heartbeats.shutdownNow();
        if (unfinished.isEmpty()) {
            return;
        }
        try {
            runs.failUnfinished(List.copyOf(unfinished), STOPPED);
        } catch (RuntimeException e) {
            log.warn("cannot mark this instance's unfinished ingests as stopped: {}", e.getMessage());
        }
    }

    /** Records the current step at once and the progress within it at most once a second. */
    private final class Progress implements IngestListener {
        private final long id;
        private String step;
        private int total;
        private long lastWrite;

        Progress(long id) {
            this.id = id;
        }

        @Override
        public void step(String step, int total) {
            this.step = step;
            this.total = total;
            lastWrite = System.nanoTime();
            runs.progress(id, step, 0, total);
        }

        @Override
        public void progress(int done) {
            long now = System.nanoTime();
            if (now - lastWrite >= PROGRESS_EVERY_NANOS || done == total) {
                lastWrite = now;
                runs.progress(id, step, done, total);
            }
        }

        @Override
        public void warn(String message) {
            log.warn("ingest run {}: {}", id, message);
        }

        @Override
        public void waiting(String message) {
            step("waiting", 0);   // for another ingest of the repository (the command line's, say)
        }
    }

    private static ThreadFactory daemon(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }
}
