package io.uapiguard.store;

import io.uapiguard.UapiguardException;
import io.uapiguard.UapiguardException.Reason;
import io.uapiguard.compat.Comparison;
import io.uapiguard.compat.Finding;
import io.uapiguard.compat.Location;
import io.uapiguard.compat.Severity;
import io.uapiguard.model.UapiModel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read side of the store over JdbcClient. Every method taking a repository name throws NOT_FOUND when no
 * repository has that name. Ordering of revisions is (depth, commit time, id): parents always before children.
 */
public final class JdbcHistoryQueries implements HistoryQueries {

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{4,40}");
    private static final String TAGS_OF = "(SELECT array_agg(t.name ORDER BY t.name) FROM tags t"
            + " WHERE t.repository_id = r.repository_id AND t.commit_id = r.commit_id) AS tag_names";

    private final JdbcClient jdbc;
    private final int engineVersion;

    /**
     * {@code engineVersion}: the comparison engine's current version ({@code CompatEngine.VERSION}). Comparisons
     * stored by an older engine are stale: never served (left to the caller to compute, or shown as not compared
     * in the tag list) until an ingest recomputes them.
     */
    public JdbcHistoryQueries(DataSource dataSource, int engineVersion) {
        this.jdbc = JdbcClient.create(dataSource);
        this.engineVersion = engineVersion;
    }

    private record Repo(long id, RepositoryInfo info) {
    }

    private Repo repo(String name) {
        return jdbc.sql("SELECT * FROM repositories WHERE name = ?").param(name)
                .query((rs, n) -> new Repo(rs.getLong("id"), StoreRows.repository(rs))).optional()
                .orElseThrow(() -> new UapiguardException(Reason.NOT_FOUND, "no repository named '" + name + "'"));
    }

    @Override
    public List<RepositoryInfo> repositories() {
        return jdbc.sql("SELECT * FROM repositories ORDER BY name").query((rs, n) -> StoreRows.repository(rs)).list();
    }

    @Override
    public Optional<RepositoryInfo> repository(String name) {
        return jdbc.sql("SELECT * FROM repositories WHERE name = ?").param(name)
                .query((rs, n) -> StoreRows.repository(rs)).optional();
    }

    @Override
    public List<RevisionInfo> revisions(String repository) {
        Repo repo = repo(repository);
        Map<String, Map<String, String>> blobs = blobsByCommit(repo.id(), null);
        return jdbc.sql("SELECT r.*, " + TAGS_OF + " FROM revisions r WHERE r.repository_id = ?"
                        + " ORDER BY r.depth DESC, r.committed_at DESC, r.commit_id DESC")
                .param(repo.id()).query((rs, n) -> revision(rs, blobs)).list();
    }

    private Map<String, Map<String, String>> blobsByCommit(long repositoryId, String commitId) {
        Map<String, Map<String, String>> out = new HashMap<>();
        jdbc.sql("SELECT commit_id, path, blob_id FROM revision_paths WHERE repository_id = :repo"
                        + (commitId == null ? "" : " AND commit_id = :commit") + " ORDER BY path")
                .param("repo", repositoryId).param("commit", commitId)
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
                });
        return out;
    }

    private static RevisionInfo revision(ResultSet rs, Map<String, Map<String, String>> blobs) throws SQLException {
        String id = rs.getString("commit_id");
        return new RevisionInfo(id, StoreRows.instant(rs, "committed_at"), rs.getString("author"),
                rs.getString("subject"), StoreRows.strings(rs.getArray("tag_names")),
                Map.copyOf(blobs.getOrDefault(id, Map.of())), rs.getBoolean("reachable"));
    }

    @Override
    public List<TagInfo> tags(String repository) {
        Repo repo = repo(repository);
        record Row(String name, String commitId, java.time.Instant at) {
        }
        record Header(String blob, Integer helpers, String error) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT t.name, t.commit_id, r.committed_at
                FROM tags t
                JOIN revisions r ON r.repository_id = t.repository_id AND r.commit_id = t.commit_id
                WHERE t.repository_id = :repo
                ORDER BY r.depth, r.committed_at, t.name COLLATE "C\"""")
                .param("repo", repo.id())
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), StoreRows.instant(rs, "committed_at")))
                .list();
        Map<String, Map<String, Header>> headersOf = new HashMap<>();
        jdbc.sql("""
                SELECT rp.commit_id, rp.path, rp.blob_id, b.helper_count, b.parse_error
                FROM revision_paths rp
                JOIN blobs b ON b.blob_id = rp.blob_id
                WHERE rp.repository_id = :repo
                    AND rp.commit_id IN (SELECT commit_id FROM tags WHERE repository_id = :repo)
                ORDER BY rp.path""")
                .param("repo", repo.id())
                .query(rs -> {
                    headersOf.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                            new Header(rs.getString(3), (Integer) rs.getObject(4), rs.getString(5)));
                });
        java.util.Set<String> present = new java.util.TreeSet<>();
        headersOf.values().forEach(h -> present.addAll(h.keySet()));
        String primary = repo.info().primaryPath(present);
        Map<String, Object[]> stored = new HashMap<>();
        String[] newBlobs = headersOf.values().stream().flatMap(h -> h.values().stream()).map(Header::blob)
                .distinct().toArray(String[]::new);
        jdbc.sql("SELECT old_blob_id, new_blob_id, path, verdict, breaking, warnings, infos FROM comparisons"
                        + " WHERE new_blob_id = ANY(?) AND engine_version >= ?")
                .params(newBlobs, engineVersion)
                .query(rs -> {
                    stored.put(rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3), new Object[] {
                            rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)});
                });
        List<TagInfo> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Row prev = i == 0 ? null : rows.get(i - 1);
            Map<String, Header> now = headersOf.getOrDefault(row.commitId(), Map.of());
            Map<String, Header> before = prev == null ? null : headersOf.getOrDefault(prev.commitId(), Map.of());
            List<HeaderVerdict> headers = new ArrayList<>();
            java.util.Set<String> paths = new java.util.TreeSet<>(now.keySet());
            if (before != null) {
                paths.addAll(before.keySet());
            }
            boolean complete = before != null;
            int breaking = 0;
            int warnings = 0;
            int infos = 0;
            for (String path : paths) {
                Header h = now.get(path);
                Header b = before == null ? null : before.get(path);
                String error = h == null ? null : h.error();
                HeaderVerdict v;
                if (before == null) {
                    v = new HeaderVerdict(path, null, null, 0, 0, 0, error);
                } else if (b == null) {
                    v = new HeaderVerdict(path, "added", "compatible", 0, 0, 1, error);
                } else if (h == null) {
                    v = new HeaderVerdict(path, "removed", "breaking", 1, 0, 0, null);
                } else if (b.blob().equals(h.blob())) {
                    v = new HeaderVerdict(path, "unchanged", "compatible", 0, 0, 0, error);
                } else {
                    Object[] c = stored.get(b.blob() + ":" + h.blob() + ":" + path);
                    v = c == null ? new HeaderVerdict(path, "changed", null, 0, 0, 0, error)
                            : new HeaderVerdict(path, "changed", (String) c[0], (Integer) c[1], (Integer) c[2],
                                    (Integer) c[3], error);
                }
                // A changed header without a comparison (stale, or a side did not parse) leaves the tag without a
                // verdict: its own row names why.
                complete &= v.verdict() != null;
                breaking += v.breaking();
                warnings += v.warnings();
                infos += v.infos();
                headers.add(v);
            }
            String verdict = complete ? IngestStore.verdict(breaking, warnings) : null;
            Header main = now.get(primary);
            out.add(new TagInfo(row.name(), row.commitId(), row.at(), prev == null ? null : prev.name(),
                    verdict, complete ? breaking : 0, complete ? warnings : 0, complete ? infos : 0,
                    main == null ? null : main.helpers(),
                    main == null ? primary + " does not exist at this tag" : main.error(), headers));
        }
        return out;
    }

    @Override
    public Optional<RevisionInfo> resolve(String repository, String revision) {
        Repo repo = repo(repository);
        Optional<String> commit;
        if (revision == null || revision.isBlank()) {
            commit = jdbc.sql("SELECT commit_id FROM revisions WHERE repository_id = ? AND reachable"
                    + " ORDER BY depth DESC, committed_at DESC, commit_id DESC LIMIT 1")
                    .param(repo.id()).query(String.class).optional();
        } else {
            commit = jdbc.sql("SELECT commit_id FROM tags WHERE repository_id = ? AND name = ?")
                    .params(repo.id(), revision).query(String.class).optional();
            if (commit.isEmpty() && HEX.matcher(revision).matches()) {
                List<String> ids = jdbc.sql("SELECT commit_id FROM revisions WHERE repository_id = ?"
                                + " AND commit_id LIKE ? ORDER BY commit_id LIMIT 2")
                        .params(repo.id(), revision.toLowerCase() + "%").query(String.class).list();
                if (ids.size() > 1) {
                    throw new UapiguardException(Reason.BAD_INPUT, "the commit id '" + revision
                            + "' is ambiguous in " + repository + "; give more digits");
                }
                commit = ids.stream().findFirst();
            }
        }
        if (commit.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, String>> blobs = blobsByCommit(repo.id(), commit.get());
        return jdbc.sql("SELECT r.*, " + TAGS_OF + " FROM revisions r WHERE r.repository_id = ? AND r.commit_id = ?")
                .params(repo.id(), commit.get()).query((rs, n) -> revision(rs, blobs)).optional();
    }

    private Optional<String> blobOf(long repositoryId, String commitId, String path) {
        return jdbc.sql("SELECT blob_id FROM revision_paths WHERE repository_id = ? AND commit_id = ? AND path = ?")
                .params(repositoryId, commitId, path).query(String.class).optional();
    }

    @Override
    public Optional<UapiModel> model(String repository, String commitId, String path) {
        Repo repo = repo(repository);
        return blobOf(repo.id(), commitId, path).flatMap(this::modelOfBlob);
    }

    private Optional<UapiModel> modelOfBlob(String blobId) {
        return jdbc.sql("SELECT model::text FROM blobs WHERE blob_id = ? AND model IS NOT NULL").param(blobId)
                .query(String.class).optional().map(ModelJson::model);
    }

    @Override
    public Optional<String> headerText(String repository, String commitId, String path) {
        Repo repo = repo(repository);
        return blobOf(repo.id(), commitId, path).flatMap(b ->
                jdbc.sql("SELECT text FROM blobs WHERE blob_id = ?").param(b).query(String.class).optional());
    }

    @Override
    public Optional<Comparison> storedComparison(String repository, String oldCommitId, String newCommitId,
                                                 String path) {
        Repo repo = repo(repository);
        String oldBlob = blobOf(repo.id(), oldCommitId, path).orElseThrow(() -> noHeader(repository, oldCommitId, path));
        String newBlob = blobOf(repo.id(), newCommitId, path).orElseThrow(() -> noHeader(repository, newCommitId, path));
        if (oldBlob.equals(newBlob)) {
            return Optional.of(new Comparison(List.of(), List.of(path)));
        }
        Optional<Long> id = jdbc.sql("SELECT id FROM comparisons WHERE old_blob_id = ? AND new_blob_id = ? AND path = ?"
                        + " AND engine_version >= ?")
                .params(oldBlob, newBlob, path, engineVersion).query(Long.class).optional();
        if (id.isPresent()) {
            return Optional.of(new Comparison(jdbc.sql("SELECT * FROM findings WHERE comparison_id = ? ORDER BY ordinal")
                    .param(id.get()).query((rs, n) -> new Finding(rs.getString("rule"),
                            Severity.fromId(rs.getString("severity")), rs.getString("symbol"), rs.getString("message"),
                            rs.getString("old_value"), rs.getString("new_value"),
                            new Location(path, rs.getInt("line")), ModelJson.attachments(rs.getString("attachments")),
                            false, null)).list(), List.of(path)));
        }
        return Optional.empty();
    }

    @Override
    public UapiModel parsedModel(String repository, String commitId, String path) {
        Repo repo = repo(repository);
        String blob = blobOf(repo.id(), commitId, path).orElseThrow(() -> noHeader(repository, commitId, path));
        return parsed(blob, commitId, path);
    }

    private UapiModel parsed(String blobId, String commitId, String path) {
        return modelOfBlob(blobId).orElseThrow(() -> {
            String error = jdbc.sql("SELECT parse_error FROM blobs WHERE blob_id = ?").param(blobId)
                    .query(String.class).optional().orElse("not parsed yet");
            return new UapiguardException(Reason.PARSE_ERROR,
                    path + " at " + commitId + " did not parse: " + error);
        });
    }

    private static UapiguardException noHeader(String repository, String commitId, String path) {
        return new UapiguardException(Reason.NOT_FOUND,
                "no recorded revision " + commitId + " with " + path + " in " + repository);
    }

    @Override
    public Optional<String> firstTagContaining(String repository, String commitId) {
        Repo repo = repo(repository);
        return jdbc.sql("SELECT first_tag FROM revisions WHERE repository_id = ? AND commit_id = ?")
                .params(repo.id(), commitId).query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional()
                .flatMap(o -> o);
    }

    @Override
    public List<HelperEvent> helperTimeline(String repository, String helperName, String path) {
        Repo repo = repo(repository);
        List<HelperEvent> events = timeline(repo.id(), helperName, path);
        if (events.isEmpty() && helperName.startsWith("bpf_")) {
            events = timeline(repo.id(), helperName.substring(4), path);
        }
        return events;
    }

    private List<HelperEvent> timeline(long repositoryId, String name, String path) {
        record Step(String commitId, java.time.Instant at, List<String> tags, String firstTag, boolean parsed,
                    Long id, String signature) {
        }
        List<Step> steps = jdbc.sql("""
                SELECT r.commit_id, r.committed_at, r.first_tag, b.helper_count IS NOT NULL AS parsed,
                    h.helper_id, h.signature,
                    (SELECT array_agg(t.name ORDER BY t.name) FROM tags t
                     WHERE t.repository_id = r.repository_id AND t.commit_id = r.commit_id) AS tag_names
                FROM revisions r
                JOIN revision_paths rp ON rp.repository_id = r.repository_id AND rp.commit_id = r.commit_id
                    AND rp.path = :path
                JOIN blobs b ON b.blob_id = rp.blob_id
                LEFT JOIN helpers h ON h.blob_id = rp.blob_id AND h.name = :name
                WHERE r.repository_id = :repo AND r.reachable
                ORDER BY r.depth, r.committed_at, r.commit_id""")
                .param("repo", repositoryId).param("path", path).param("name", name)
                .query((rs, n) -> new Step(rs.getString("commit_id"), StoreRows.instant(rs, "committed_at"),
                        StoreRows.strings(rs.getArray("tag_names")), rs.getString("first_tag"),
                        rs.getBoolean("parsed"), (Long) rs.getObject("helper_id"), rs.getString("signature")))
                .list();
        List<HelperEvent> events = new ArrayList<>();
        boolean present = false;
        Long id = null;
        String signature = null;
        for (Step s : steps) {
            if (!s.parsed()) {
                continue;
            }
            boolean now = s.id() != null;
            if (!present && now) {
                events.add(new HelperEvent("added", s.commitId(), s.at(), s.tags(), s.firstTag(), s.id(),
                        s.signature(), events.isEmpty() ? "helper " + name + " appears with id " + s.id()
                                : "helper " + name + " appears again with id " + s.id()));
            } else if (present && !now) {
                events.add(new HelperEvent("removed", s.commitId(), s.at(), s.tags(), s.firstTag(), null, null,
                        "helper " + name + " (id " + id + ") was removed"));
            } else if (present) {
                if (!id.equals(s.id())) {
                    events.add(new HelperEvent("id-changed", s.commitId(), s.at(), s.tags(), s.firstTag(), s.id(),
                            s.signature(), "id of " + name + " changed from " + id + " to " + s.id()));
                }
                if (!Objects.equals(signature, s.signature())) {
                    events.add(new HelperEvent("signature-changed", s.commitId(), s.at(), s.tags(), s.firstTag(),
                            s.id(), s.signature(), "signature of " + name + " changed from "
                                    + (signature == null ? "(undocumented)" : signature) + " to "
                                    + (s.signature() == null ? "(undocumented)" : s.signature())));
                }
            }
            present = now;
            id = s.id();
            signature = s.signature();
        }
        return events;
    }
}
