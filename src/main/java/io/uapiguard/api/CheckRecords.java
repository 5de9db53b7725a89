package io.uapiguard.api;

import static io.uapiguard.UapiguardException.quote;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.api.CheckService.Outcome;
import io.uapiguard.store.CheckStore;
import io.uapiguard.store.CheckStore.StoredCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST checks kept for their pages: each answer is stored under its request's digest, found again while it is
 * younger than {@code uapiguard.checks.retention}, and swept once older. The write is behind the answer: a check's
 * worker hands its row to a writer thread of its own and answers at once, so a check never waits for the database;
 * the writer gathers the rows that come within {@link #GATHER} of one and sends them in one transaction. A page
 * asked for before its row is written has the writer write at once, and waits for that. A store that cannot take
 * the checks costs only their links: a failed write is logged, and until a write succeeds again the checks answer
 * without {@code checkUrl}; so do they when the writer is that far behind ({@link #QUEUE} rows waiting). What was
 * queued when the service stops is written before it stops.
 */
public class CheckRecords implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CheckRecords.class);
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    static final Duration REFRESH = Duration.ofHours(1);
    /** Rows waiting at most: about 10 KB each. */
    static final int QUEUE = 1024;
    /** Rows written together at most. */
    static final int BATCH = 64;
    /** How long the writer waits for more rows after one: a few checks at the rates a service sees under load. */
    static final Duration GATHER = Duration.ofMillis(25);
    /** How long a page, the sweep or the service's stop waits for the writer. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private final CheckStore store;
    private final Duration gather;
    private final Duration retention;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    /** How old a stored identical answer may be and still spare the write: an hour, or less for short retentions. */
    private final Duration refresh;

    /** One row handed to the writer, numbered in the order handed. */
    private record Pending(long number, StoredCheck check) {
    }

    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE);
    /** The rows handed and not yet written, by digest: a page of one of them waits for the writer. */
    private final Map<String, Pending> unwritten = new ConcurrentHashMap<>();
    /** Guards the fields below but {@link #failing}; {@link #handed} numbers the rows in queue order. */
    private final Object lock = new Object();
    private long handed;
    /** The number of the last row the writer is through with, written or not. */
    private long done;
    private Thread writer;
    private boolean closed;
    /** Someone waits for the rows: the writer stops gathering. */
    private boolean hurried;
    /** The last write failed: checks answer without a link until one succeeds. */
    private volatile boolean failing;

    public CheckRecords(CheckStore store, Duration retention, Clock clock) {
        this(store, retention, clock, GATHER);
    }

    /** Records whose writer waits up to {@code gather} for more rows after one. */
    CheckRecords(CheckStore store, Duration retention, Clock clock, Duration gather) {
        this.gather = gather;
        this.store = store;
        this.retention = retention;
        this.clock = clock;
        this.refresh = retention.dividedBy(2).compareTo(REFRESH) < 0 ? retention.dividedBy(2) : REFRESH;
    }

    /**
     * Hands the check answered with {@code resultJson} to the writer; false, with a warning logged, when it will have
     * no page to link to (its lines could not be read, the writer is failing or that far behind, the service is
     * stopping). An identical request whose answer is already stored, and younger than {@link #refresh}, is not
     * written again (the retention then counts from at most that much earlier).
     */
    boolean save(Outcome outcome, String resultJson) {
        StoredCheck check;
        try {
            String excerpts = json.writeValueAsString(CheckExcerpts.of(outcome.comparison().findings(), outcome.path(),
                    outcome.candidateText(), outcome.baseText()));
            check = new StoredCheck(outcome.digest(), outcome.repository(), outcome.base().commitId(),
                    outcome.base().tags().isEmpty() ? null : outcome.base().tags().get(0), outcome.path(),
                    outcome.comparison().verdict(), resultJson, excerpts, clock.instant());
        } catch (UapiguardException e) {
            // The base's text for a removal's lines was not there to read: the answer itself stands.
            log.warn("check {} not stored, answered without checkUrl: {}", outcome.digest(), e.describe());
            return false;
        }
        String refused = hand(check);
        if (refused != null) {
            log.warn("check {} answered without checkUrl: {}", outcome.digest(), refused);
            return false;
        }
        return true;
    }

    /** Queues {@code check} for the writer (started on the first); why not, or null when it is queued and linkable. */
    private String hand(StoredCheck check) {
        synchronized (lock) {
            if (closed) {
                return "the service is stopping";
            }
            Pending pending = new Pending(handed + 1, check);
            if (!queue.offer(pending)) {
                return "the database is " + QUEUE + " checks behind";
            }
            handed = pending.number();
            unwritten.put(check.digest(), pending);
            if (queue.size() >= BATCH - 1) {
                lock.notifyAll();   // a batch is full: the writer stops gathering
            }
            if (writer == null) {   // the first row, or after a writer that ended
                writer = new Thread(this::write, "uapiguard-check-writer");
                writer.setDaemon(true);   // close() drains it; a JVM that stops without it loses the queued rows
                writer.start();
            }
        }
        // Queued even then: the write that succeeds again is the one that ends the failing.
        return failing ? "the last write to the database failed" : null;
    }

    /**
     * The writer: takes what has queued, writes it in one transaction, until closed and drained. An Error ends it (the
     * next check starts another); a flush waiting for it then stops waiting.
     */
    private void write() {
        try {
            writeUntilClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Error e) {
            log.error("the check writer stopped; the next check starts another", e);
        } finally {
            synchronized (lock) {
                if (writer == Thread.currentThread()) {
                    writer = null;
                }
                lock.notifyAll();
            }
        }
    }

    private void writeUntilClosed() throws InterruptedException {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            Pending first = queue.poll(1, TimeUnit.SECONDS);
            if (first == null) {
                synchronized (lock) {
                    if (closed && queue.isEmpty()) {
                        return;
                    }
                }
                continue;
            }
            batch.add(first);
            gather();
            queue.drainTo(batch, BATCH - 1);
            writeBatch(batch);
            synchronized (lock) {
                done = batch.get(batch.size() - 1).number();
                lock.notifyAll();
            }
            for (Pending p : batch) {
                unwritten.remove(p.check().digest(), p);
            }
            batch.clear();
        }
    }

    /**
     * Waits, after a row, for more to come (at most {@link #gather}, until {@link #BATCH} are queued, or a page, the
     * sweep or the stop wants them written): the database spends about half as much a row on a few rows written
     * together as on one a transaction.
     */
    private void gather() throws InterruptedException {
        long until = System.nanoTime() + gather.toNanos();
        synchronized (lock) {
            for (long left = gather.toNanos(); left > 0 && !hurried && !closed && queue.size() < BATCH - 1;
                    left = until - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            hurried = false;
        }
    }

    private void writeBatch(List<Pending> batch) {
        List<StoredCheck> checks = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            checks.add(p.check());
        }
        try {
            List<CheckStore.Stored> stored = store.storeAll(checks, refresh);
            failing = false;
            for (int i = 0; i < stored.size(); i++) {
                if (stored.get(i) == CheckStore.Stored.NO_REPOSITORY) {
                    log.warn("check {} not stored (repository '{}' is no longer registered): its page is not found",
                            checks.get(i).digest(), checks.get(i).repository());
                }
            }
        } catch (DataAccessException e) {
            failing = true;
            log.warn("{} check(s) not stored, their pages are not found, and the next checks answer without "
                    + "checkUrl until a write succeeds: {}", checks.size(), e.getMostSpecificCause().toString());
        } catch (RuntimeException e) {
            // The writer outlives anything a batch throws: the checks after it still get their rows.
            failing = true;
            log.error("{} check(s) not stored", checks.size(), e);
        }
    }

    /** Waits until every check handed so far is through the writer; false when {@link #WAIT} passed first. */
    boolean flush() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (lock) {
            long target = handed;
            if (done < target) {
                hurried = true;
                lock.notifyAll();
            }
            while (done < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || writer == null) {
                    return done >= target;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Writes what is queued (waiting at most {@link #WAIT}) and stops the writer; later checks have no link. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        if (!flush()) {
            log.warn("{} check(s) not stored before the service stopped", unwritten.size());
        }
    }

    /** The stored check, unless unknown, malformed or older than the retention (swept or about to be). */
    public Optional<StoredCheck> find(String digest) {
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            return Optional.empty();
        }
        if (unwritten.containsKey(digest)) {
            flush();   // a page asked for as its check is answered: read it as written
        }
        return store.find(digest, clock.instant().minus(retention));
    }

    /** The 404 of a check that is not (or no longer) kept. */
    public UapiguardException unknown(String id) {
        return new UapiguardException(Reason.NOT_FOUND, "no check " + quote(id) + ": unknown, or older than "
                + (retention.toSeconds() % 86_400 == 0 ? retention.toDays() + " days" : retention.toString())
                + " and swept (uapiguard.checks.retention)");
    }

    /** Deletes the checks older than the retention; how many. Runs in the background every sweep-interval. */
    @Scheduled(initialDelayString = "${uapiguard.checks.sweep-interval:1h}",
            fixedDelayString = "${uapiguard.checks.sweep-interval:1h}")
    public int sweep() {
        flush();   // the rows handed before the sweep are judged with it
        try {
            int swept = store.deleteCreatedBefore(clock.instant().minus(retention));
            if (swept > 0) {
                log.info("swept {} stored check(s) older than {}", swept, retention);
            }
            return swept;
        } catch (DataAccessException e) {
            // The next sweep takes them: the page of a check past its retention is already a 404.
            log.warn("stored checks not swept: {}", e.getMostSpecificCause().toString());
            return 0;
        }
    }
}
