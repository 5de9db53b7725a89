package io.uapiguard.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The REST checks as answered ({@code checks}), one row per request digest: identical requests share the row, the
 * newest answer replacing the one before. Each row is written by one statement, the checks written together in one
 * transaction, so a row is never half-written.
 */
public final class CheckStore implements AutoCloseable {

    /** Each session of the store's own pool: a check's write does not wait for the WAL to reach the disk. */
    static final String ASYNC_COMMIT = "SET synchronous_commit TO off";

    /** One stored check; {@code result} is the JSON answer as sent, {@code excerpts} the lines kept for the page. */
    public record StoredCheck(String digest, String repository, String baseCommit, String baseTag, String path,
                              String verdict, String result, String excerpts, Instant createdAt) {
    }

    private static final String UPSERT = """
            INSERT INTO checks (digest, repository_id, base_commit, base_tag, path, verdict, result, excerpts,
                                created_at)
            SELECT ?, r.id, ?, ?, ?, ?, ?::json, ?::json, ? FROM repositories r WHERE r.name = ?
            ON CONFLICT (digest) DO UPDATE SET base_tag = excluded.base_tag, verdict = excluded.verdict,
                result = excluded.result, excerpts = excluded.excerpts, created_at = excluded.created_at
            WHERE checks.created_at < ? OR checks.result::text <> excluded.result::text
            """;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    /** The batches of {@link #storeAll}, which {@link JdbcClient} does not send. */
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    /** The pool of the store's own, when it has one; closed with the store. */
    private final HikariDataSource own;

    /** A store writing through {@code dataSource} as it is. */
    public CheckStore(DataSource dataSource) {
        this(dataSource, null);
    }

    private CheckStore(DataSource dataSource, HikariDataSource own) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.batch = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.own = own;
    }

    /**
     * A store writing through a pool of its own beside {@code main} (the same server and account, as many connections
     * at most), whose sessions commit without waiting for the WAL flush ({@link #ASYNC_COMMIT}): a check's worker
     * waits for its row's write, not for a disk. A server crash can lose the checks stored in the last moments
     * before it (PostgreSQL keeps commit order and never half a row): their pages answer 404, their verdicts were
     * given. The service's other writes keep the server's durability. {@code main} as it is when it is not a
     * Hikari pool, whose settings there would be nothing to copy from.
     */
    public static CheckStore ownPool(DataSource main) {
        if (!(main instanceof HikariDataSource hikari)) {
            return new CheckStore(main);
        }
        HikariConfig config = new HikariConfig();
        hikari.copyStateTo(config);
        config.setPoolName(hikari.getPoolName() + "-checks");
        config.setMinimumIdle(1);
        String init = hikari.getConnectionInitSql();
        config.setConnectionInitSql(init == null || init.isBlank() ? ASYNC_COMMIT : init + "; " + ASYNC_COMMIT);
        HikariDataSource pool = new HikariDataSource(config);
        return new CheckStore(pool, pool);
    }

    /** What the rows are written through: the pool of the store's own, or the data source it was given. */
    DataSource writesThrough() {
        return dataSource;
    }

    @Override
    public void close() {
        if (own != null) {
            own.close();
        }
    }

    /** What {@link #storeAll} did with a check. */
    public enum Stored {
        /** Inserted, or written over an older or different answer under the same digest. */
        WRITTEN,
        /** The same answer was stored under the digest at the given time or later: left as it is. */
        KEPT,
        /** Its repository is no longer registered: nothing stored. */
        NO_REPOSITORY
    }

    /**
     * Stores each check unless its digest's row holds the very same answer stored at most {@code refresh} before the
     * check's own time (a bot repeating its check then costs no write): one statement a check, sent together in one
     * transaction; what was done with each, in order. A second query, only when some row was not written, tells a
     * kept answer from a repository that is gone. Checks of one digest are written in their order, the last one's
     * answer kept.
     */
    public List<Stored> storeAll(List<StoredCheck> checks, Duration refresh) {
        if (checks.isEmpty()) {
            return List.of();
        }
        return transaction.execute(status -> {
            int[] written = batch.batchUpdate(UPSERT, checks, checks.size(), (ps, check) -> {
                ps.setString(1, check.digest());
                ps.setString(2, check.baseCommit());
                ps.setString(3, check.baseTag());
                ps.setString(4, check.path());
                ps.setString(5, check.verdict());
                ps.setString(6, check.result());
                ps.setString(7, check.excerpts());
                ps.setTimestamp(8, Timestamp.from(check.createdAt()));
                ps.setString(9, check.repository());
                ps.setTimestamp(10, Timestamp.from(check.createdAt().minus(refresh)));
            })[0];
            List<String> notWritten = new ArrayList<>();
            for (int i = 0; i < written.length; i++) {
                if (written[i] != 1) {
                    notWritten.add(checks.get(i).digest());
                }
            }
            Set<String> kept = notWritten.isEmpty() ? Set.of()
                    : Set.copyOf(jdbc.sql("SELECT digest FROM checks WHERE digest = ANY(?)")
                            .param(notWritten.toArray(String[]::new)).query(String.class).list());
            List<Stored> stored = new ArrayList<>(written.length);
            for (int i = 0; i < written.length; i++) {
                stored.add(written[i] == 1 ? Stored.WRITTEN
                        : kept.contains(checks.get(i).digest()) ? Stored.KEPT : Stored.NO_REPOSITORY);
            }
            return stored;
        });
    }

    /** The check stored under {@code digest} if it was stored at {@code notBefore} or later. */
    public Optional<StoredCheck> find(String digest, Instant notBefore) {
        return jdbc.sql("""
                SELECT c.digest, r.name AS repository, c.base_commit, c.base_tag, c.path, c.verdict,
                       c.result::text AS result, c.excerpts::text AS excerpts, c.created_at
                FROM checks c JOIN repositories r ON r.id = c.repository_id
                WHERE c.digest = ? AND c.created_at >= ?
                """).params(digest, Timestamp.from(notBefore)).query(CheckStore::row).optional();
    }

    /** Deletes the checks stored before {@code cutoff}; how many. */
    public int deleteCreatedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM checks WHERE created_at < ?").param(Timestamp.from(cutoff)).update();
    }

    private static StoredCheck row(ResultSet rs, int n) throws SQLException {
        return new StoredCheck(rs.getString("digest"), rs.getString("repository"), rs.getString("base_commit"),
                rs.getString("base_tag"), rs.getString("path"), rs.getString("verdict"), rs.getString("result"),
                rs.getString("excerpts"), rs.getTimestamp("created_at").toInstant());
    }
}
