package io.uapiguard.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingest runs the service was asked for ({@code ingest_runs}): queued, running, then succeeded or failed.
 * The instance that queued a run renews its heartbeat while the run is unfinished; a run whose heartbeat is older
 * than {@code stale} reads as {@code abandoned} and is failed when the next run of its repository is queued.
 */
public final class IngestRunStore {

    /** One run as stored; {@code state} is queued, running, succeeded, failed, or abandoned (derived). */
    public record Run(long id, String repository, String state, String trigger, Instant queuedAt,
                      Instant startedAt, Instant finishedAt, String step, int stepDone, int stepTotal,
                      String summaryJson, Integer errorStatus, String error) {

        public boolean finished() {
            return !"queued".equals(state) && !"running".equals(state);
        }
    }

    /** What {@link #queue} did: {@code created} false when an unfinished run of the repository was there. */
    public record Queued(Run run, boolean created) {
    }

    private static final String SELECT = """
            SELECT r.id, p.name AS repository,
                   CASE WHEN r.state IN ('queued', 'running') AND r.heartbeat_at < now() - make_interval(secs => ?)
                        THEN 'abandoned' ELSE r.state END AS state,
                   r.trigger, r.queued_at, r.started_at, r.finished_at, r.step, r.step_done, r.step_total,
                   r.summary::text AS summary, r.error_status, r.error
            FROM ingest_runs r JOIN repositories p ON p.id = r.repository_id
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final double staleSeconds;

    public IngestRunStore(DataSource dataSource, Duration stale) {
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.staleSeconds = stale.toMillis() / 1000.0;
    }

    public Optional<Long> repositoryId(String name) {
        return jdbc.sql("SELECT id FROM repositories WHERE name = ?").param(name).query(Long.class).optional();
    }

    /** Every registered repository, the poller's round. */
    public List<String> repositoryNames() {
        return jdbc.sql("SELECT name FROM repositories ORDER BY name").query(String.class).list();
    }

    /**
     * Queues a run of the repository unless one is unfinished, in one transaction: abandoned runs of it are failed
     * first, and the database's one-unfinished-run-per-repository index decides between instances queuing at once.
     */
    public Queued queue(long repositoryId, String trigger, String instance) {
        // The unfinished run that blocked the insert can finish before it is read (a no-change ingest takes
        // well under a second): then the insert is tried again.
        for (int attempt = 0; ; attempt++) {
            Optional<Queued> queued = tx.execute(status -> queueOnce(repositoryId, trigger, instance));
            if (queued.isPresent() || attempt == 4) {
                return queued.orElseThrow(() -> new IllegalStateException(
                        "runs of repository " + repositoryId + " kept finishing while another was queued"));
            }
        }
    }

    private Optional<Queued> queueOnce(long repositoryId, String trigger, String instance) {
        jdbc.sql("""
                UPDATE ingest_runs SET state = 'failed', finished_at = now(), error_status = 503,
                       error = 'abandoned: its instance stopped renewing it at '
                               || to_char(heartbeat_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                WHERE repository_id = ? AND state IN ('queued', 'running')
                  AND heartbeat_at < now() - make_interval(secs => ?)
                """).params(repositoryId, staleSeconds).update();
        Optional<Long> id = jdbc.sql("""
                INSERT INTO ingest_runs (repository_id, state, trigger, instance) VALUES (?, 'queued', ?, ?)
                ON CONFLICT (repository_id) WHERE state IN ('queued', 'running') DO NOTHING
                RETURNING id
                """).params(repositoryId, trigger, instance).query(Long.class).optional();
        if (id.isPresent()) {
            return Optional.of(new Queued(find(id.get()).orElseThrow(), true));
        }
        return jdbc.sql(SELECT + " WHERE r.repository_id = ? AND r.state IN ('queued', 'running')")
                .params(staleSeconds, repositoryId).query(IngestRunStore::run).optional()
                .map(unfinished -> new Queued(unfinished, false));
    }

    /** Marks a queued run running; false when it is no longer queued (failed as abandoned meanwhile). */
    public boolean start(long id) {
        return jdbc.sql("""
                UPDATE ingest_runs SET state = 'running', started_at = now(), heartbeat_at = now()
                WHERE id = ? AND state = 'queued'
                """).param(id).update() == 1;
    }

    /** Where a running run is; renews its heartbeat too. */
    public void progress(long id, String step, int done, int total) {
        jdbc.sql("""
                UPDATE ingest_runs SET step = ?, step_done = ?, step_total = ?, heartbeat_at = now()
                WHERE id = ? AND state = 'running'
                """).params(step, done, total, id).update();
    }

    /** Renews the heartbeat of these runs, those of them still unfinished. */
    public void heartbeat(Collection<Long> ids) {
        jdbc.sql("UPDATE ingest_runs SET heartbeat_at = now() WHERE id = ANY(?) AND state IN ('queued', 'running')")
                .param(ids.toArray(Long[]::new)).update();
    }

    /** Records a running run's summary; false when it was no longer running (failed as abandoned meanwhile). */
    public boolean succeed(long id, String summaryJson) {
        return jdbc.sql("""
                UPDATE ingest_runs SET state = 'succeeded', finished_at = now(), summary = ?::jsonb
                WHERE id = ? AND state = 'running'
                """).params(summaryJson, id).update() == 1;
    }

    /** Fails an unfinished run ({@code status}: the HTTP status its error maps to); false when it had finished. */
    public boolean fail(long id, int status, String error) {
        return jdbc.sql("""
                UPDATE ingest_runs SET state = 'failed', finished_at = now(), error_status = ?, error = ?
                WHERE id = ? AND state IN ('queued', 'running')
                """).params(status, error, id).update() == 1;
    }

    /** Fails these runs, those of them still unfinished (their instance is stopping); how many there were. */
    public int failUnfinished(Collection<Long> ids, String error) {
        return jdbc.sql("""
                UPDATE ingest_runs SET state = 'failed', finished_at = now(), error_status = 503, error = ?
                WHERE id = ANY(?) AND state IN ('queued', 'running')
                """).params(error, ids.toArray(Long[]::new)).update();
    }

    public Optional<Run> find(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = ?").params(staleSeconds, id).query(IngestRunStore::run).optional();
    }

    /** The repository's latest runs, newest first. */
    public List<Run> recent(String repository, int limit) {
        return jdbc.sql(SELECT + " WHERE p.name = ? ORDER BY r.id DESC LIMIT ?")
                .params(staleSeconds, repository, limit).query(IngestRunStore::run).list();
    }

    private static Run run(ResultSet rs, int row) throws SQLException {
        return new Run(rs.getLong("id"), rs.getString("repository"), rs.getString("state"), rs.getString("trigger"),
                instant(rs.getTimestamp("queued_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), rs.getString("step"), rs.getInt("step_done"),
                rs.getInt("step_total"), rs.getString("summary"), rs.getObject("error_status", Integer.class),
                rs.getString("error"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
