package io.uapiguard.store;

import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.Severity;
import io.uapiguard.model.Helper;
import io.uapiguard.model.Mirror;
import io.uapiguard.model.UapiModel;
import io.uapiguard.store.HistoryQueries.RepositoryInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The write side of the store, used by the ingest. Every method that writes is one transaction and idempotent
 * (natural keys, {@code ON CONFLICT}), so an ingest killed between two calls and run again converges.
 */
public final class IngestStore {

    /** Namespace of the per-repository advisory locks ("uapi" in ASCII). */
    private static final int LOCK_NAMESPACE = 0x75617069;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;

    public IngestStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.batch = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** A registered repository with its key. */
    public record Registered(long id, RepositoryInfo info) {
    }

    /** What is stored of one revision. */
    public record StoredRevision(String commitId, boolean reachable, String firstTag, Map<String, String> blobs) {
    }

    /** A new revision to record; {@code blobs}: path → blob id of the watched paths present there. */
    public record NewRevision(String commitId, int depth, Instant committedAt, Instant authoredAt, String author,
                              String authorEmail, String subject, String parentId, Map<String, String> blobs) {
    }

    /** A blob after parsing: exactly one of {@code model} and {@code parseError} is set. */
    public record ParsedBlob(String blobId, String text, int parserVersion, UapiModel model, String parseError) {
    }

    /** The identity of a stored comparison. */
    public record ComparisonKey(String oldBlobId, String newBlobId, String path) {
    }

    // ---- repositories ----

    /**
     * Inserts or updates a repository ({@code mirrors} null: the default pairs). When its paths or branches change,
     * its revisions are dropped so the next ingest records them again with the new paths (blobs and comparisons
     * stay: nothing is re-parsed).
     */
    public RepositoryInfo upsertRepository(String name, String location, String tagPattern, List<String> branches,
                                           List<String> paths, List<Mirror> mirrors) {
        return tx.execute(status -> {
            Optional<Registered> before = repository(name);
            jdbc.sql("""
                    INSERT INTO repositories (name, location, tag_pattern, branches, paths, mirrors)
                    VALUES (:name, :location, :pattern, :branches, :paths, CAST(:mirrors AS jsonb))
                    ON CONFLICT (name) DO UPDATE SET location = EXCLUDED.location,
                        tag_pattern = EXCLUDED.tag_pattern, branches = EXCLUDED.branches, paths = EXCLUDED.paths,
                        mirrors = EXCLUDED.mirrors, ref_state = NULL""")
                    .param("name", name).param("location", location).param("pattern", tagPattern)
                    .param("branches", branches.toArray(String[]::new)).param("paths", paths.toArray(String[]::new))
                    .param("mirrors", mirrors == null ? null : ModelJson.write(mirrors), Types.VARCHAR)
                    .update();
            if (before.isPresent() && (!before.get().info().paths().equals(paths)
                    || !before.get().info().branches().equals(branches))) {
                jdbc.sql("DELETE FROM revisions WHERE repository_id = ?").param(before.get().id()).update();
            }
            return repository(name).orElseThrow().info();
        });
    }

    public Optional<Registered> repository(String name) {
        return jdbc.sql("SELECT * FROM repositories WHERE name = ?").param(name)
                .query((rs, n) -> new Registered(rs.getLong("id"), StoreRows.repository(rs))).optional();
    }

    public Optional<Registered> repositoryByLocation(String location) {
        return jdbc.sql("SELECT * FROM repositories WHERE location = ? ORDER BY id LIMIT 1").param(location)
                .query((rs, n) -> new Registered(rs.getLong("id"), StoreRows.repository(rs))).optional();
    }

    // ---- the ingest lock ----

    /**
     * Runs {@code work} holding the repository's session advisory lock on a connection of its own, so two
     * ingests of one repository run one after the other (the second then finds nothing new). A killed process
     * loses its connection and with it the lock. {@code onWait} runs once if another ingest holds it.
     */
    public <T> T withIngestLock(long repositoryId, Runnable onWait, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            JdbcClient session = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            int key = Long.hashCode(repositoryId);
            Boolean got = session.sql("SELECT pg_try_advisory_lock(?, ?)").params(LOCK_NAMESPACE, key)
                    .query(Boolean.class).single();
            if (!Boolean.TRUE.equals(got)) {
                onWait.run();
                session.sql("SELECT pg_advisory_lock(?, ?)").params(LOCK_NAMESPACE, key).query().singleRow();
            }
            try {
                return work.get();
            } finally {
                session.sql("SELECT pg_advisory_unlock(?, ?)").params(LOCK_NAMESPACE, key).query().singleRow();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot hold the ingest lock: " + e.getMessage(), e);
        }
    }

    // ---- revisions ----

    public Map<String, StoredRevision> revisions(long repositoryId) {
        Map<String, Map<String, String>> blobs = new HashMap<>();
        jdbc.sql("SELECT commit_id, path, blob_id FROM revision_paths WHERE repository_id = ?").param(repositoryId)
                .query(rs -> {
                    blobs.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), rs.getString(3));
                });
        Map<String, StoredRevision> out = new HashMap<>();
        jdbc.sql("SELECT commit_id, reachable, first_tag FROM revisions WHERE repository_id = ?").param(repositoryId)
                .query(rs -> {
                    String id = rs.getString(1);
                    out.put(id, new StoredRevision(id, rs.getBoolean(2), rs.getString(3),
                            blobs.getOrDefault(id, Map.of())));
                });
        return out;
    }

    /** Records revisions and their paths (blobs must be stored already); existing rows are left as they are. */
    public void storeRevisions(long repositoryId, List<NewRevision> revisions) {
        if (revisions.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            asyncCommit();
            batch.batchUpdate("""
                    INSERT INTO revisions (repository_id, commit_id, depth, committed_at, authored_at, author,
                        author_email, subject, parent_id, reachable)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, true) ON CONFLICT DO NOTHING""",
                    revisions, revisions.size(), (ps, r) -> {
                        ps.setLong(1, repositoryId);
                        ps.setString(2, r.commitId());
                        ps.setInt(3, r.depth());
                        ps.setTimestamp(4, Timestamp.from(r.committedAt()));
                        ps.setTimestamp(5, Timestamp.from(r.authoredAt()));
                        ps.setString(6, clean(r.author()));
                        ps.setString(7, clean(r.authorEmail()));
                        ps.setString(8, clean(r.subject()));
                        ps.setString(9, r.parentId());
                    });
            List<String[]> paths = new ArrayList<>();
            for (NewRevision r : revisions) {
                r.blobs().forEach((path, blob) -> paths.add(new String[] {r.commitId(), path, blob}));
            }
            batch.batchUpdate("""
                    INSERT INTO revision_paths (repository_id, commit_id, path, blob_id) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""", paths, paths.size(), (ps, p) -> {
                        ps.setLong(1, repositoryId);
                        ps.setString(2, p[0]);
                        ps.setString(3, p[1]);
                        ps.setString(4, p[2]);
                    });
        });
    }

    // ---- blobs ----

    /** The blob ids among {@code blobIds} already stored by a parser at least {@code parserVersion}. */
    public Set<String> blobsUpToDate(Collection<String> blobIds, int parserVersion) {
        if (blobIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT blob_id FROM blobs WHERE blob_id = ANY(?) AND parser_version >= ?")
                .params(blobIds.toArray(String[]::new), parserVersion).query(String.class).list());
    }

    /**
     * Stores parsed blobs with their helpers. A blob stored by an older parser is replaced, and the helpers and
     * comparisons made from its old model are dropped with it (the ingest computes the comparisons again).
     */
    public void storeBlobs(List<ParsedBlob> blobs) {
        if (blobs.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            asyncCommit();
            int[] written = batch.batchUpdate("""
                    INSERT INTO blobs (blob_id, text, parser_version, model, parse_error, helper_count, parsed_at)
                    VALUES (?, ?, ?, ?::jsonb, ?, ?, now())
                    ON CONFLICT (blob_id) DO UPDATE SET text = EXCLUDED.text,
                        parser_version = EXCLUDED.parser_version, model = EXCLUDED.model,
                        parse_error = EXCLUDED.parse_error, helper_count = EXCLUDED.helper_count,
                        parsed_at = EXCLUDED.parsed_at
                    WHERE blobs.parser_version < EXCLUDED.parser_version""",
                    blobs, blobs.size(), (ps, b) -> {
                        ps.setString(1, b.blobId());
                        ps.setString(2, clean(b.text()));
                        ps.setInt(3, b.parserVersion());
                        ps.setString(4, b.model() == null ? null : ModelJson.write(b.model()));
                        ps.setString(5, b.model() == null ? clean(b.parseError()) : null);
                        if (b.model() == null) {
                            ps.setNull(6, java.sql.Types.INTEGER);
                        } else {
                            ps.setInt(6, b.model().helpers().size());
                        }
                    })[0];
            List<ParsedBlob> stored = new ArrayList<>();
            for (int i = 0; i < blobs.size(); i++) {
                if (written[i] != 0) {
                    stored.add(blobs.get(i));
                }
            }
            if (stored.isEmpty()) {
                return;
            }
            String[] ids = stored.stream().map(ParsedBlob::blobId).toArray(String[]::new);
            jdbc.sql("DELETE FROM helpers WHERE blob_id = ANY(?)").param(ids).update();
            jdbc.sql("DELETE FROM comparisons WHERE old_blob_id = ANY(?) OR new_blob_id = ANY(?)")
                    .params(ids, ids).update();
            List<Object[]> helpers = new ArrayList<>();
            for (ParsedBlob b : stored) {
                if (b.model() != null) {
                    Set<String> seen = new HashSet<>();
                    for (Helper h : b.model().helpers()) {
                        if (seen.add(h.name())) {
                            helpers.add(new Object[] {b.blobId(), h.name(), h.id(), h.line(),
                                    clean(HelperRow.signature(h))});
                        }
                    }
                }
            }
            batch.batchUpdate("INSERT INTO helpers (blob_id, name, helper_id, line, signature) VALUES (?, ?, ?, ?, ?)",
                    helpers);
        });
    }

    /** The stored models of {@code blobIds} that parsed. */
    public Map<String, UapiModel> models(Collection<String> blobIds) {
        Map<String, UapiModel> out = new HashMap<>();
        if (blobIds.isEmpty()) {
            return out;
        }
        jdbc.sql("SELECT blob_id, model::text FROM blobs WHERE blob_id = ANY(?) AND model IS NOT NULL")
                .param(blobIds.toArray(String[]::new))
                .query(rs -> {
                    out.put(rs.getString(1), ModelJson.model(rs.getString(2)));
                });
        return out;
    }

    // ---- comparisons ----

    /** The keys among {@code keys} stored already by an engine at least {@code engineVersion}. */
    public Set<ComparisonKey> storedComparisons(Collection<ComparisonKey> keys, int engineVersion) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Set<String> newBlobs = new HashSet<>();
        keys.forEach(k -> newBlobs.add(k.newBlobId()));
        Set<ComparisonKey> all = new HashSet<>(jdbc.sql("""
                        SELECT old_blob_id, new_blob_id, path FROM comparisons
                        WHERE new_blob_id = ANY(?) AND engine_version >= ?""")
                .params(newBlobs.toArray(String[]::new), engineVersion)
                .query((rs, n) -> new ComparisonKey(rs.getString(1), rs.getString(2), rs.getString(3))).list());
        all.retainAll(new HashSet<>(keys));
        return all;
    }

    /**
     * Stores comparisons made by engine {@code engineVersion} with their findings. One stored by an older engine
     * is replaced with its findings; one stored by this or a newer engine (a concurrent ingest, a newer instance)
     * is left alone.
     */
    public void storeComparisons(Map<ComparisonKey, Comparison> comparisons, int engineVersion) {
        if (comparisons.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            asyncCommit();
            for (Map.Entry<ComparisonKey, Comparison> e : comparisons.entrySet()) {
                ComparisonKey k = e.getKey();
                Comparison c = e.getValue();
                int breaking = count(c, Severity.BREAKING);
                int warnings = count(c, Severity.WARNING);
                // xmax = 0 only on a freshly inserted row: a replaced one still has old findings to drop.
                Optional<Map.Entry<Long, Boolean>> written = jdbc.sql("""
                        INSERT INTO comparisons (old_blob_id, new_blob_id, path, verdict, breaking, warnings, infos,
                            engine_version, computed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())
                        ON CONFLICT (old_blob_id, new_blob_id, path) DO UPDATE SET verdict = EXCLUDED.verdict,
                            breaking = EXCLUDED.breaking, warnings = EXCLUDED.warnings, infos = EXCLUDED.infos,
                            engine_version = EXCLUDED.engine_version, computed_at = EXCLUDED.computed_at
                        WHERE comparisons.engine_version < EXCLUDED.engine_version
                        RETURNING id, xmax = 0""")
                        .params(k.oldBlobId(), k.newBlobId(), k.path(), verdict(breaking, warnings), breaking,
                                warnings, count(c, Severity.INFO), engineVersion)
                        .query((rs, n) -> Map.entry(rs.getLong(1), rs.getBoolean(2))).optional();
                if (written.isEmpty()) {
                    continue;
                }
                long id = written.get().getKey();
                if (!written.get().getValue()) {
                    jdbc.sql("DELETE FROM findings WHERE comparison_id = ?").param(id).update();
                }
                List<Finding> findings = c.findings();
                List<Integer> ordinals = new ArrayList<>();
                for (int i = 0; i < findings.size(); i++) {
                    ordinals.add(i);
                }
                batch.batchUpdate("""
                        INSERT INTO findings (comparison_id, ordinal, rule, severity, symbol, message, old_value,
                            new_value, line, attachments)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""", ordinals, ordinals.size(), (ps, i) -> {
                            Finding f = findings.get(i);
                            ps.setLong(1, id);
                            ps.setInt(2, i);
                            ps.setString(3, f.rule());
                            ps.setString(4, f.severity().id());
                            ps.setString(5, clean(f.symbol()));
                            ps.setString(6, clean(f.message()));
                            ps.setString(7, clean(f.oldValue()));
                            ps.setString(8, clean(f.newValue()));
                            ps.setInt(9, f.location() == null ? 0 : f.location().line());
                            ps.setString(10, ModelJson.write(f.attachments()));
                        });
            }
        });
    }

    /**
     * The step transactions of an ingest commit without waiting for the WAL flush (4x faster on the corpus).
     * Still crash-safe: PostgreSQL keeps commit order, so a server crash can only lose a suffix of steps, which
     * the next ingest redoes; {@link #updateRefs}, the last step, commits synchronously and flushes them all.
     */
    private void asyncCommit() {
        jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
    }

    static String verdict(int breaking, int warnings) {
        return breaking > 0 ? "breaking" : warnings > 0 ? "warnings" : "compatible";
    }

    private static int count(Comparison c, Severity s) {
        return (int) c.findings().stream().filter(f -> f.severity() == s).count();
    }

    // ---- refs ----

    /**
     * Makes the stored refs match the walk in one transaction: reachability, the tags, each revision's first tag,
     * and the time of this ingest. Returns how many revisions became unreachable.
     */
    public int updateRefs(long repositoryId, Set<String> reachable, Map<String, String> tags,
                          Map<String, String> firstTagChanges, String refState) {
        return tx.execute(status -> {
            String[] ids = reachable.toArray(String[]::new);
            int dropped = jdbc.sql("""
                    UPDATE revisions SET reachable = false
                    WHERE repository_id = ? AND reachable AND NOT (commit_id = ANY(?))""")
                    .params(repositoryId, ids).update();
            jdbc.sql("UPDATE revisions SET reachable = true WHERE repository_id = ? AND NOT reachable"
                    + " AND commit_id = ANY(?)").params(repositoryId, ids).update();
            jdbc.sql("DELETE FROM tags WHERE repository_id = ? AND NOT (name = ANY(?))")
                    .params(repositoryId, tags.keySet().toArray(String[]::new)).update();
            List<Map.Entry<String, String>> tagRows = new ArrayList<>(tags.entrySet());
            batch.batchUpdate("""
                    INSERT INTO tags (repository_id, name, commit_id) VALUES (?, ?, ?)
                    ON CONFLICT (repository_id, name) DO UPDATE SET commit_id = EXCLUDED.commit_id
                    WHERE tags.commit_id <> EXCLUDED.commit_id""", tagRows, tagRows.size(), (ps, t) -> {
                        ps.setLong(1, repositoryId);
                        ps.setString(2, t.getKey());
                        ps.setString(3, t.getValue());
                    });
            List<Map.Entry<String, String>> firstTags = new ArrayList<>(firstTagChanges.entrySet());
            batch.batchUpdate("UPDATE revisions SET first_tag = ? WHERE repository_id = ? AND commit_id = ?",
                    firstTags, firstTags.size(), (ps, t) -> {
                        ps.setString(1, t.getValue());
                        ps.setLong(2, repositoryId);
                        ps.setString(3, t.getKey());
                    });
            jdbc.sql("UPDATE repositories SET last_ingest_at = now(), ref_state = ? WHERE id = ?")
                    .params(refState, repositoryId).update();
            return dropped;
        });
    }

    /** The ref state the last complete ingest recorded, if any. */
    public Optional<String> refState(long repositoryId) {
        return jdbc.sql("SELECT ref_state FROM repositories WHERE id = ?").param(repositoryId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).single();
    }

    /** Nothing changed since the last complete ingest: only its time is recorded. Returns the reachable count. */
    public int touch(long repositoryId) {
        jdbc.sql("UPDATE repositories SET last_ingest_at = now() WHERE id = ?").param(repositoryId).update();
        return jdbc.sql("SELECT count(*) FROM revisions WHERE repository_id = ? AND reachable").param(repositoryId)
                .query(Integer.class).single();
    }

    /** PostgreSQL text cannot hold NUL characters. */
    static String clean(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
    }
}
